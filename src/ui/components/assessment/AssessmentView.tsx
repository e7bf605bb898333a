// An assessment as read in the field: every field in words (code labels, local dates and numbers), photos as
// thumbnails, and the marks of fields changed on two devices or received invalid, as the form shows them.
import { cantonByPcode } from '../../../domain/codes.ts';
import type { Assessment, BuildingInspection, SectorEntry } from '../../../domain/model.ts';
import { useI18n } from '../../i18n/context.tsx';
import { FieldNotes } from '../marks/FieldNotes.tsx';
import { GeoLink } from '../GeoLink.tsx';
import { PhotoField } from '../PhotoField.tsx';
import type { CaptionEditing } from '../photoViewer/PhotoViewer.tsx';
import { captionsByPhoto } from '../../../domain/photoCaptions.ts';
import { ViewRow, viewText } from '../RecordView.tsx';
import { BREAKDOWN_KEYS } from './formValues.ts';

const noop = () => {};

/** `captionEditing` lets the reader caption photos without opening the form (captions are saved apart). */
export function AssessmentView({
  assessment: a,
  captionEditing,
}: {
  assessment: Assessment;
  captionEditing?: CaptionEditing;
}) {
  const { t, code, date, number } = useI18n();
  const count = (value: number | null) => (value === null ? null : number(value));
  const canton = cantonByPcode(a.canton);
  return (
    <div class="record-view">
      <dl>
        <ViewRow label={t('assessments.field.title')} paths={['title']}>
          {a.title}
        </ViewRow>
        <ViewRow label={t('assessments.field.date')} paths={['date']}>
          {a.date && date(a.date)}
        </ViewRow>
        <ViewRow label={t('assessments.field.method')} paths={['method']}>
          {code('method', a.method)}
        </ViewRow>
        <ViewRow label={t('assessments.field.informantRole')} paths={['informantRole']}>
          {a.informantRole}
        </ViewRow>
        <ViewRow label={t('assessments.field.siteReason')} paths={['siteReason']}>
          {viewText(a.siteReason)}
        </ViewRow>
      </dl>
      <h2>{t('assessments.section.location')}</h2>
      <dl>
        <ViewRow label={t('assessments.field.canton')} paths={['canton']}>
          {canton ? t('assessments.cantonOption', { name: canton.name, pcode: canton.pcode }) : a.canton}
        </ViewRow>
        <ViewRow label={t('assessments.field.parish')} paths={['parish']}>
          {a.parish}
        </ViewRow>
        <ViewRow label={t('note.gps.heading')} paths={['gps']} prefix="gps.">
          {a.gps && <Position gps={a.gps} />}
        </ViewRow>
      </dl>
      <h2>{t('assessments.section.sectors')}</h2>
      <FieldNotes paths={['sectors']} />
      {a.sectors.length === 0 ? (
        <p class="empty">{t('assessments.noSectors')}</p>
      ) : (
        <dl>
          {a.sectors.map((entry) => (
            <SectorRow key={entry.sector} entry={entry} />
          ))}
        </dl>
      )}
      <h2>{t('assessments.section.breakdown')}</h2>
      <dl class="record-view__grid">
        {BREAKDOWN_KEYS.map((key) => (
          <ViewRow key={key} label={t(`assessments.field.${key}`)} paths={[`breakdown.${key}`]}>
            {count(a.breakdown[key])}
          </ViewRow>
        ))}
      </dl>
      <h2>{t('assessments.section.priorities')}</h2>
      <FieldNotes paths={['priorities']} />
      {a.priorities.length === 0 ? (
        <p class="empty">{t('record.none')}</p>
      ) : (
        <ol class="record-view__priorities">
          {a.priorities.map((text, index) => (
            <li key={index}>{text}</li>
          ))}
        </ol>
      )}
      <h2>{t('assessments.section.findings')}</h2>
      <dl>
        <ViewRow label={t('assessments.field.gaps')} paths={['gaps']}>
          {viewText(a.gaps)}
        </ViewRow>
        <ViewRow label={t('assessments.field.recommendations')} paths={['recommendations']}>
          {viewText(a.recommendations)}
        </ViewRow>
      </dl>
      <h2>{t('assessments.section.inspection')}</h2>
      <FieldNotes paths={['inspection']} />
      {a.inspection ? (
        <Inspection inspection={a.inspection} />
      ) : (
        <>
          <p class="empty">{t('assessments.noInspection')}</p>
          <FieldNotes prefix="inspection." />
        </>
      )}
      <h2>{t('assessments.section.photos')}</h2>
      <FieldNotes paths={['photos']} prefix="captions." />
      <PhotoField
        photos={a.photos}
        captions={captionsByPhoto(a.photos, a.captions)}
        captionEditing={captionEditing}
        keepLocation={null}
        disabled
        onAdd={noop}
        onRemove={noop}
      />
    </div>
  );
}

function Position({ gps }: { gps: NonNullable<Assessment['gps']> }) {
  const { t, number } = useI18n();
  return (
    <>
      {t('assessments.gps.position', {
        lat: gps.lat.toFixed(5),
        lon: gps.lon.toFixed(5),
        accuracy: number(Math.round(gps.accuracy)),
      })}{' '}
      <GeoLink gps={gps} />
    </>
  );
}

function SectorRow({ entry }: { entry: SectorEntry }) {
  const { t, code, number } = useI18n();
  const path = `sectors.${entry.sector}`;
  const unknown = t('record.notRecorded');
  return (
    <ViewRow
      label={code('sector', entry.sector)}
      paths={[path, `${path}.severity`, `${path}.affected`, `${path}.inNeed`, `${path}.notes`]}
    >
      {t('assessments.sectorSummary', {
        severity: code('severity', entry.severity),
        affected: entry.affected === null ? unknown : number(entry.affected),
        inNeed: entry.inNeed === null ? unknown : number(entry.inNeed),
      })}
      {entry.notes && (
        <>
          <br />
          {viewText(entry.notes)}
        </>
      )}
    </ViewRow>
  );
}

function Inspection({ inspection: i }: { inspection: BuildingInspection }) {
  const { t, code, number } = useI18n();
  const count = (value: number | null) => (value === null ? null : number(value));
  return (
    <dl>
      <ViewRow label={t('assessments.field.placard')} paths={['inspection.placard']}>
        {i.placard && `${t(`assessments.placardColour.${i.placard}`)} — ${code('placard', i.placard)}`}
      </ViewRow>
      <ViewRow label={t('assessments.field.damageGrade')} paths={['inspection.damageGrade']}>
        {i.damageGrade !== null && code('damageGrade', i.damageGrade)}
      </ViewRow>
      <ViewRow label={t('assessments.field.structureType')} paths={['inspection.structureType']}>
        {i.structureType && code('structure', i.structureType)}
      </ViewRow>
      <ViewRow label={t('assessments.field.use')} paths={['inspection.use']}>
        {i.use}
      </ViewRow>
      <ViewRow label={t('assessments.field.storeys')} paths={['inspection.storeys']}>
        {count(i.storeys)}
      </ViewRow>
      <ViewRow label={t('assessments.field.occupants')} paths={['inspection.occupants']}>
        {count(i.occupants)}
      </ViewRow>
    </dl>
  );
}
