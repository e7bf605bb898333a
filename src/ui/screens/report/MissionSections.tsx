// The report's parts about the mission itself: its heading with where and when, the team, objectives and tags.
import { cantonByPcode } from '../../../domain/codes.ts';
import type { Mission } from '../../../domain/model.ts';
import { daysOnSite } from '../../../domain/report.ts';
import { useI18n } from '../../i18n/context.tsx';
import { reportScreen } from '../../i18n/messages/reportScreen.ts';
import { useMessages } from '../../i18n/useMessages.ts';
import { Fact, ReportSection, type SectionProps } from './section.tsx';

function datesOnSite(mission: Mission, i18n: ReturnType<typeof useI18n>): string {
  const { t, date } = i18n;
  if (!mission.startDate) return '';
  if (!mission.endDate || mission.endDate === mission.startDate) return date(mission.startDate);
  return t('mission.overview.dateRange', { start: date(mission.startDate), end: date(mission.endDate) });
}

export function MissionHeading({ mission }: { mission: Mission }) {
  const r = useMessages(reportScreen);
  const i18n = useI18n();
  const { t, code, date, number } = i18n;
  const canton = cantonByPcode(mission.hostCanton);
  const dates = datesOnSite(mission, i18n);
  const days = daysOnSite(mission.startDate, mission.endDate);
  return (
    <header class="report__heading">
      <p class="report__kicker">{r('report.kicker')}</p>
      <h1>{mission.title}</h1>
      <dl class="facts report__facts">
        {(canton || mission.hostCanton) && (
          <Fact label={t('mission.overview.canton')}>
            {canton
              ? t('mission.overview.cantonValue', { name: canton.name, pcode: canton.pcode })
              : mission.hostCanton}
          </Fact>
        )}
        <Fact label={t('mission.overview.status')}>{code('missionStatus', mission.status)}</Fact>
        {mission.torReference && <Fact label={t('mission.overview.tor')}>{mission.torReference}</Fact>}
        {dates && <Fact label={t('mission.overview.dates')}>{dates}</Fact>}
        {days !== null && <Fact label={r('report.daysOnSite')}>{number(days)}</Fact>}
        {mission.remoteSupportEnd && (
          <Fact label={t('mission.overview.remoteSupportEnd')}>{date(mission.remoteSupportEnd)}</Fact>
        )}
      </dl>
    </header>
  );
}

export function TeamSection({ data }: SectionProps) {
  const { t, code } = useI18n();
  const { team } = data.mission;
  if (team.length === 0) return null;
  return (
    <ReportSection id="team" title={t('mission.overview.team')}>
      <ul class="report__list">
        {team.map((member, index) => (
          <li key={index}>
            {member.institution
              ? t('mission.overview.teamMember', {
                  name: member.name,
                  institution: member.institution,
                  role: code('teamRole', member.role),
                })
              : t('mission.overview.teamMemberNoInstitution', {
                  name: member.name,
                  role: code('teamRole', member.role),
                })}
          </li>
        ))}
      </ul>
    </ReportSection>
  );
}

export function ObjectivesSection({ data }: SectionProps) {
  const { t } = useI18n();
  if (!data.mission.objectives.trim()) return null;
  return (
    <ReportSection id="objectives" title={t('mission.overview.objectives')}>
      {/* Plain text with its line breaks kept: never parsed as HTML. */}
      <p class="pre-wrap">{data.mission.objectives}</p>
    </ReportSection>
  );
}

export function TagsSection({ data }: SectionProps) {
  const r = useMessages(reportScreen);
  const { t, code } = useI18n();
  const { themes, sdgs, sendai } = data.mission;
  const rows = [
    { label: t('mission.overview.themes'), values: themes.map((theme) => code('theme', theme)) },
    { label: t('mission.overview.sdgs'), values: sdgs.map((sdg) => code('sdg', sdg)) },
    { label: t('mission.overview.sendai'), values: sendai.map((priority) => code('sendai', priority)) },
  ].filter((row) => row.values.length > 0);
  if (rows.length === 0) return null;
  return (
    <ReportSection id="tags" title={r('report.section.tags')}>
      <dl class="facts">
        {rows.map((row) => (
          <Fact key={row.label} label={row.label}>
            <ul class="report__list">
              {row.values.map((value) => (
                <li key={value}>{value}</li>
              ))}
            </ul>
          </Fact>
        ))}
      </dl>
    </ReportSection>
  );
}
