// Where the assessment was made: canton from the list, parish, and an optional GPS fix with its accuracy.
import { CANTONS } from '../../../domain/codes.ts';
import type { GeoPoint } from '../../../domain/model.ts';
import type { ValidationCode } from '../../../domain/validation.ts';
import { useGeolocation } from '../../hooks/useGeolocation.ts';
import { useI18n } from '../../i18n/context.tsx';
import { SelectField, TextField } from '../fields.tsx';
import { GeoLink } from '../GeoLink.tsx';
import { FieldNotes } from '../marks/FieldNotes.tsx';
import type { SectionProps } from './formValues.ts';

export function LocationSection({ values, set, errors, disabled }: SectionProps) {
  const { t } = useI18n();
  const cantons = CANTONS.map((c) => ({
    value: c.pcode,
    label: t('assessments.cantonOption', { name: c.name, pcode: c.pcode }),
  }));
  return (
    <>
      <h2>{t('assessments.section.location')}</h2>
      <SelectField
        label={t('assessments.field.canton')}
        path="canton"
        value={values.canton}
        placeholder={t('assessments.chooseCanton')}
        options={cantons}
        error={errors.canton}
        disabled={disabled}
        onChange={(canton) => set({ canton })}
      />
      <TextField
        label={t('assessments.field.parish')}
        path="parish"
        value={values.parish}
        error={errors.parish}
        disabled={disabled}
        onInput={(parish) => set({ parish })}
      />
      <GpsCapture
        gps={values.gps}
        error={errors['gps.lat'] ?? errors['gps.lon']}
        disabled={disabled}
        onChange={(gps) => set({ gps })}
      />
    </>
  );
}

function GpsCapture(props: {
  gps: GeoPoint | null;
  error: ValidationCode | undefined;
  disabled: boolean;
  onChange: (gps: GeoPoint | null) => void;
}) {
  const { t, number } = useI18n();
  const { state, locate } = useGeolocation();
  const capture = async () => {
    const point = await locate();
    if (point) props.onChange(point);
  };
  const { gps } = props;
  // A refusal is a normal outcome in the field: say calmly what happens instead.
  const fallback =
    state.kind === 'denied'
      ? 'assessments.gps.denied'
      : state.kind === 'unavailable'
        ? 'assessments.gps.unavailable'
        : null;
  return (
    <div class="field assessment-gps">
      {gps && (
        <p class="assessment-gps__position">
          {t('assessments.gps.position', {
            // Five decimals is about a metre: finer digits would claim a precision the phone does not have.
            lat: gps.lat.toFixed(5),
            lon: gps.lon.toFixed(5),
            accuracy: number(Math.round(gps.accuracy)),
          })}
        </p>
      )}
      {gps && <GeoLink gps={gps} />}
      {props.error && (
        <p class="field__error" role="alert">
          {t(`validation.${props.error}`)}
        </p>
      )}
      {/* A fix with a broken coordinate reads as none: its invalid values are said here, with a way to clear. */}
      <FieldNotes paths={['gps']} prefix="gps." />
      {state.kind === 'locating' && <p role="status">{t('assessments.gps.locating')}</p>}
      {fallback && (
        <p class="banner banner--info" role="status">
          {t(fallback)}
        </p>
      )}
      {!props.disabled && (
        <div class="form-actions">
          <button
            type="button"
            class="button"
            disabled={state.kind === 'locating'}
            onClick={() => void capture()}
          >
            {t('assessments.gps.capture')}
          </button>
          {gps && (
            <button type="button" class="button" onClick={() => props.onChange(null)}>
              {t('assessments.gps.remove')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
