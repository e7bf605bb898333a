// The report's needs assessments: each with its date, place and method, a table of its sectors (most severe
// first), its priorities, gaps and recommendations.
import { cantonByPcode } from '../../../domain/codes.ts';
import type { Assessment } from '../../../domain/model.ts';
import { assessmentsInOrder, sectorsBySeverity } from '../../../domain/report.ts';
import { BREAKDOWN_KEYS } from '../../components/assessment/formValues.ts';
import { useI18n } from '../../i18n/context.tsx';
import { reportScreen } from '../../i18n/messages/reportScreen.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { Fact, ReportSection, type SectionProps } from './section.tsx';

export function AssessmentsSection({ data }: SectionProps) {
  const r = useMessages(reportScreen);
  const assessments = assessmentsInOrder(data.snapshot.assessments);
  if (assessments.length === 0) return null;
  return (
    <ReportSection id="assessments" title={r('report.section.assessments')}>
      {assessments.map((assessment) => (
        <AssessmentPart key={assessment.id} assessment={assessment} />
      ))}
    </ReportSection>
  );
}

function place(a: Assessment, t: ReturnType<typeof useI18n>['t']): string {
  const canton = cantonByPcode(a.canton);
  const name = canton ? t('assessments.cantonOption', { name: canton.name, pcode: canton.pcode }) : a.canton;
  return [a.parish, name].filter(Boolean).join(', ');
}

function AssessmentPart({ assessment: a }: { assessment: Assessment }) {
  const r = useMessages(reportScreen);
  const { t, code, date, number } = useI18n();
  const where = place(a, t);
  const breakdown = BREAKDOWN_KEYS.filter((key) => a.breakdown[key] !== null);
  return (
    <article class="report-assessment" data-report-assessment={a.id}>
      <h3>{a.title || t('mission.assessments.untitled')}</h3>
      <dl class="facts report__facts">
        {a.date && <Fact label={t('assessments.field.date')}>{date(a.date)}</Fact>}
        {where && <Fact label={r('report.assessment.place')}>{where}</Fact>}
        {a.gps && (
          <Fact label={t('note.gps.heading')}>
            {t('assessments.gps.position', {
              lat: a.gps.lat.toFixed(5),
              lon: a.gps.lon.toFixed(5),
              accuracy: number(Math.round(a.gps.accuracy)),
            })}
          </Fact>
        )}
        <Fact label={t('assessments.field.method')}>{code('method', a.method)}</Fact>
        {a.informantRole && <Fact label={t('assessments.field.informantRole')}>{a.informantRole}</Fact>}
      </dl>
      <SectorTable assessment={a} />
      {breakdown.length > 0 && (
        <>
          <h4>{t('assessments.section.breakdown')}</h4>
          <dl class="facts report__facts report__facts--inline">
            {breakdown.map((key) => (
              <Fact key={key} label={t(`assessments.field.${key}`)}>
                {number(a.breakdown[key] ?? 0)}
              </Fact>
            ))}
          </dl>
        </>
      )}
      {a.priorities.length > 0 && (
        <>
          <h4>{t('assessments.section.priorities')}</h4>
          <ol class="report__ranked">
            {a.priorities.map((text, index) => (
              <li key={index}>{text}</li>
            ))}
          </ol>
        </>
      )}
      <LongText title={t('assessments.field.gaps')} text={a.gaps} />
      <LongText title={t('assessments.field.recommendations')} text={a.recommendations} />
    </article>
  );
}

function LongText({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <>
      <h4>{title}</h4>
      {/* Plain text with its line breaks kept: never parsed as HTML. */}
      <p class="pre-wrap">{text}</p>
    </>
  );
}

function SectorTable({ assessment }: { assessment: Assessment }) {
  const r = useMessages(reportScreen);
  const { t, code, number } = useI18n();
  if (assessment.sectors.length === 0) return null;
  const count = (value: number | null) => (value === null ? '' : number(value));
  return (
    <table class="report-table report-table--whole">
      <caption>{r('report.sectors.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{r('report.sectors.sector')}</th>
          <th scope="col">{t('assessments.field.severity')}</th>
          <th scope="col" class="report-table__number">
            {t('assessments.field.affected')}
          </th>
          <th scope="col" class="report-table__number">
            {t('assessments.field.inNeed')}
          </th>
        </tr>
      </thead>
      <tbody>
        {sectorsBySeverity(assessment.sectors).map((entry) => (
          <tr key={entry.sector} data-sector={entry.sector}>
            <th scope="row">
              {code('sector', entry.sector)}
              {entry.notes && <span class="report-table__note">{entry.notes}</span>}
            </th>
            <td>{code('severity', entry.severity)}</td>
            <td class="report-table__number">{count(entry.affected)}</td>
            <td class="report-table__number">{count(entry.inNeed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
