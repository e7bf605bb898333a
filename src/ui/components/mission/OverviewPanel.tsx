// The mission overview tab: where, when, who and why, as recorded in the mission form.
import type { ComponentChildren } from 'preact';
import { cantonByPcode } from '../../../domain/codes.ts';
import type { Mission } from '../../../domain/model.ts';
import { useAccountRole } from '../../hooks/useAccountRole.ts';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';
import { RecordFlags } from '../marks/FieldNotes.tsx';
import { ReportFacts } from './ReportFacts.tsx';
import { sdgLabel } from './sdgLabel.ts';

function Item({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Tags({ labels }: { labels: string[] }) {
  const { t } = useI18n();
  if (labels.length === 0) return <span class="muted">{t('mission.overview.none')}</span>;
  return (
    <ul class="tag-list">
      {labels.map((label) => (
        <li key={label} class="tag">
          {label}
        </li>
      ))}
    </ul>
  );
}

function Team({ mission }: { mission: Mission }) {
  const { t, code } = useI18n();
  if (mission.team.length === 0) return <span class="muted">{t('mission.overview.none')}</span>;
  return (
    <ul class="plain-list">
      {mission.team.map((member, index) => (
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
  );
}

function Dates({ mission }: { mission: Mission }) {
  const { t, date } = useI18n();
  if (!mission.startDate) return <span class="muted">{t('mission.overview.none')}</span>;
  if (!mission.endDate || mission.endDate === mission.startDate) return <>{date(mission.startDate)}</>;
  return (
    <>{t('mission.overview.dateRange', { start: date(mission.startDate), end: date(mission.endDate) })}</>
  );
}

export function OverviewPanel({ mission, readOnly }: { mission: Mission; readOnly: boolean }) {
  const i18n = useI18n();
  const { t, code, date } = i18n;
  const canton = cantonByPcode(mission.hostCanton);
  const role = useAccountRole();
  const marked = Object.keys(mission.marks.conflicts).length + Object.keys(mission.marks.invalid).length > 0;
  return (
    <section class="mission-overview">
      {marked && (
        <p class="list__meta record-flags">
          <RecordFlags marks={mission.marks} />
        </p>
      )}
      <dl class="facts">
        <Item label={t('mission.overview.canton')}>
          {canton
            ? t('mission.overview.cantonValue', { name: canton.name, pcode: canton.pcode })
            : mission.hostCanton || t('mission.overview.none')}
        </Item>
        <Item label={t('mission.overview.dates')}>
          <Dates mission={mission} />
        </Item>
        {mission.remoteSupportEnd && (
          <Item label={t('mission.overview.remoteSupportEnd')}>{date(mission.remoteSupportEnd)}</Item>
        )}
        <Item label={t('mission.overview.status')}>{code('missionStatus', mission.status)}</Item>
        <Item label={t('mission.overview.themes')}>
          <Tags labels={mission.themes.map((theme) => code('theme', theme))} />
        </Item>
        <Item label={t('mission.overview.team')}>
          <Team mission={mission} />
        </Item>
        <Item label={t('mission.overview.objectives')}>
          {/* Plain text with its line breaks kept: never parsed as HTML. */}
          {mission.objectives ? (
            <p class="pre-wrap">{mission.objectives}</p>
          ) : (
            <span class="muted">{t('mission.overview.none')}</span>
          )}
        </Item>
        <Item label={t('mission.overview.sdgs')}>
          <Tags labels={mission.sdgs.map((sdg) => sdgLabel(i18n, sdg))} />
        </Item>
        <Item label={t('mission.overview.sendai')}>
          <Tags labels={mission.sendai.map((priority) => code('sendai', priority))} />
        </Item>
        <Item label={t('mission.overview.tor')}>
          {mission.torReference || <span class="muted">{t('mission.overview.none')}</span>}
        </Item>
        <ReportFacts mission={mission} />
      </dl>
      <div class="form-actions">
        {!readOnly && (
          <a class="button" href={link.editMission(mission.id)}>
            {t('mission.editMission')}
          </a>
        )}
        <a class="button" href={link.trash(mission.id)}>
          {t('mission.trash')}
        </a>
        <a class="button" href={link.export(mission.id)}>
          {t('export.thisMission')}
        </a>
        <a class="button" href={link.report(mission.id)}>
          {t('mission.report')}
        </a>
        {role === 'coordinator' && (
          <a class="button" href={link.history(mission.id)}>
            {t('mission.history')}
          </a>
        )}
      </div>
    </section>
  );
}
