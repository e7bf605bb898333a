// The needs-assessment form: its sections, validation on save, and what is said when a save is refused.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, JSX } from 'preact';
import { toMingaError, type MingaError } from '../../../domain/errors.ts';
import { hasErrors, validateAssessment, type FieldErrors } from '../../../domain/validation.ts';
import { useI18n } from '../../i18n/context.tsx';
import { TextArea } from '../fields.tsx';
import type { Sha256 } from '../../../domain/ids.ts';
import { captionsByPhoto, type PhotoCaption } from '../../../domain/photoCaptions.ts';
import { PhotoField } from '../PhotoField.tsx';
import type { CaptionEditing } from '../photoViewer/PhotoViewer.tsx';
import { FieldNotes } from '../marks/FieldNotes.tsx';
import { BasicsSection } from './BasicsSection.tsx';
import { BreakdownSection } from './BreakdownSection.tsx';
import { InspectionSection } from './InspectionSection.tsx';
import { LocationSection } from './LocationSection.tsx';
import { PrioritiesSection } from './PrioritiesSection.tsx';
import { SectorsSection } from './SectorsSection.tsx';
import {
  numberErrors,
  toSaved,
  type AssessmentFormDraft,
  type AssessmentValues,
  type SavedAssessment,
  type SectionProps,
} from './formValues.ts';
import { FormActions, FormNotices } from '../FormParts.tsx';
import { BackLink } from '../BackLink.tsx';
import type { ReadOnlyReason } from '../../hooks/useAccountRole.ts';

export interface AssessmentFormProps {
  heading: string;
  /** Where the back link at the top leads, and what it says. */
  back: { href: string; label: string };
  draft: AssessmentFormDraft;
  onChange: (draft: AssessmentFormDraft) => void;
  restored: boolean;
  /** Why the values cannot be changed (an observer, a newer app's record); null when they can. */
  readOnly: ReadOnlyReason | null;
  /** Writes the validated fields; throws a MingaError when storage refuses them. */
  onSave: (saved: SavedAssessment, base: SavedAssessment | null) => Promise<void>;
  onCancel: () => void;
  /** Shown above the form (a deleted assessment's notice, a storage error). */
  notice?: ComponentChildren;
  /** Shown below the form's own actions (delete). */
  children?: ComponentChildren;
  /** The stored captions of the assessment's photos; none for a new assessment. */
  captions?: readonly PhotoCaption[];
  /** How the viewer saves captions; a new assessment's photos are captioned once it is saved. */
  captionEditing?: CaptionEditing;
}

export function AssessmentForm(props: AssessmentFormProps) {
  const { t, lang } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<MingaError | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  // GPS fixes and photos arrive after an await: they must merge into the latest values, not a past render's.
  const latest = useRef(props.draft);
  latest.current = props.draft;
  const { values } = props.draft;
  const readOnly = props.readOnly !== null;
  // Once a save was refused, messages follow the values, so fixing a field clears its message at once.
  // A count typed ambiguously says so, over the validator's plainer "enter a number".
  const errorsOf = (typed: AssessmentValues): FieldErrors => ({
    ...validateAssessment(toSaved(typed, lang)),
    ...numberErrors(typed, lang),
  });
  const errors: FieldErrors = attempt > 0 ? errorsOf(values) : {};

  // Each refused save moves focus to the summary, so screen readers and keyboards land on what went wrong.
  useEffect(() => {
    if (attempt > 0) summary.current?.focus();
  }, [attempt]);

  const set = (patch: Partial<AssessmentValues>) => {
    const next = { ...latest.current, values: { ...latest.current.values, ...patch } };
    latest.current = next;
    props.onChange(next);
  };

  const submit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy || readOnly) return;
    const saved = toSaved(values, lang);
    setFailure(null);
    if (hasErrors(errorsOf(values))) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await props.onSave(saved, props.draft.base);
    } catch (error) {
      setBusy(false);
      setFailure(toMingaError(error));
    }
  };

  const section: SectionProps = { values, set, errors, disabled: readOnly };
  return (
    <section class="screen assessment-form">
      <BackLink href={props.back.href}>{props.back.label}</BackLink>
      <h1>{props.heading}</h1>
      <FormNotices
        showSummary={hasErrors(errors)}
        summaryRef={summary}
        failure={failure}
        readOnly={props.readOnly}
        restoredMessage={props.restored ? t('assessments.draftRestored') : null}
      >
        {props.notice}
      </FormNotices>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <BasicsSection {...section} />
        <LocationSection {...section} />
        <SectorsSection {...section} />
        <BreakdownSection {...section} />
        <PrioritiesSection {...section} />
        <h2>{t('assessments.section.findings')}</h2>
        <TextArea
          label={t('assessments.field.gaps')}
          path="gaps"
          value={values.gaps}
          error={errors.gaps}
          disabled={readOnly}
          onInput={(gaps) => set({ gaps })}
        />
        <TextArea
          label={t('assessments.field.recommendations')}
          path="recommendations"
          value={values.recommendations}
          error={errors.recommendations}
          disabled={readOnly}
          onInput={(recommendations) => set({ recommendations })}
        />
        <InspectionSection {...section} />
        <PhotosSection
          values={values}
          readOnly={readOnly}
          set={set}
          current={() => latest.current.values}
          captions={captionsByPhoto(values.photos, props.captions ?? [])}
          captionEditing={props.captionEditing ?? { save: null, later: !readOnly }}
        />
        <FormActions
          class="assessment-form__actions"
          readOnly={readOnly}
          busy={busy}
          onCancel={props.onCancel}
        />
      </form>
      {props.children}
    </section>
  );
}

function PhotosSection(props: {
  values: AssessmentValues;
  readOnly: boolean;
  set: (patch: Partial<AssessmentValues>) => void;
  /** The values as they are now, for photos that finish processing after later edits. */
  current: () => AssessmentValues;
  captions: ReadonlyMap<Sha256, string>;
  captionEditing: CaptionEditing;
}) {
  const { t } = useI18n();
  const hintId = useId();
  const { values, set, current } = props;
  return (
    <>
      <h2>{t('assessments.section.photos')}</h2>
      <FieldNotes paths={['photos']} prefix="captions." />
      {!props.readOnly && (
        <>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={values.keepLocation}
              aria-describedby={hintId}
              onChange={(e) => set({ keepLocation: e.currentTarget.checked })}
            />
            {t('photos.keepLocation')}
          </label>
          <p class="field__hint" id={hintId}>
            {t('photos.keepLocationHint')}
          </p>
        </>
      )}
      <PhotoField
        photos={values.photos}
        // Location is stripped from photos unless the technician ticked the box and a position was captured.
        keepLocation={values.keepLocation ? values.gps : null}
        disabled={props.readOnly}
        captions={props.captions}
        captionEditing={props.captionEditing}
        onAdd={(ref) => set({ photos: [...current().photos, ref] })}
        onRemove={(sha256) => set({ photos: current().photos.filter((p) => p.sha256 !== sha256) })}
      />
    </>
  );
}
