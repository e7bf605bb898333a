// The assessments tab: the mission's needs assessments, newest first, with their most severe sector.
import { useMemo } from 'preact/hooks';
import { cantonByPcode } from '../../../domain/codes.ts';
import type { Assessment } from '../../../domain/model.ts';
import { markersOf } from '../../../domain/recordMarkers.ts';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';
import { RecordFlags } from '../marks/FieldNotes.tsx';
import { RecordMarkers } from '../RecordMarkers.tsx';

function newestFirst(a: Assessment, b: Assessment): number {
  return b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt);
}

function AssessmentRow({ missionId, assessment }: { missionId: string; assessment: Assessment }) {
  const { t, code, date, number } = useI18n();
  const highest = assessment.sectors.reduce((max, entry) => Math.max(max, entry.severity), 0);
  const canton = cantonByPcode(assessment.canton)?.name ?? assessment.canton;
  return (
    <li data-assessment-id={assessment.id}>
      <a class="list__link" href={link.assessment(missionId, assessment.id)}>
        <strong class="list__title">{assessment.title || t('mission.assessments.untitled')}</strong>
        <span class="list__meta">
          {assessment.date && <span>{date(assessment.date)}</span>}
          {canton && <span>{canton}</span>}
          {highest > 0 && (
            <span>{t('mission.assessments.severity', { severity: code('severity', highest) })}</span>
          )}
          <span>{t('mission.assessments.sectors', { count: number(assessment.sectors.length) })}</span>
          <RecordMarkers markers={markersOf(assessment)} />
          <RecordFlags marks={assessment.marks} />
        </span>
      </a>
    </li>
  );
}

export function AssessmentList(props: { missionId: string; assessments: Assessment[]; canAdd: boolean }) {
  const { t } = useI18n();
  const { assessments } = props;
  const live = useMemo(
    () => assessments.filter((a) => a.deletedAt === null).sort(newestFirst),
    [assessments],
  );
  return (
    <section>
      {props.canAdd && (
        <p class="form-actions">
          <a class="button" href={link.assessment(props.missionId, 'new')}>
            {t('mission.newAssessment')}
          </a>
        </p>
      )}
      {live.length === 0 ? (
        <p class="empty">{t('mission.assessments.empty')}</p>
      ) : (
        <ul class="list">
          {live.map((assessment) => (
            <AssessmentRow key={assessment.id} missionId={props.missionId} assessment={assessment} />
          ))}
        </ul>
      )}
    </section>
  );
}
