// Severity at a glance: cantons × sectors by the highest severity assessed, and a map of what has a place,
// across every mission on this device, read from the projection (one row per mission, no mission document).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { CANTONS, MISSION_STATUSES, SECTORS, cantonByPcode, includes } from '../../domain/codes.ts';
import { toMingaError } from '../../domain/errors.ts';
import {
  ANY,
  assessmentYears,
  assessmentsBehind,
  mapPoints,
  severityMatrix,
  type MissionSeverityFacts,
  type SeverityFilter,
} from '../../domain/desk/severity.ts';
import { DEFAULT_TILE_URL, tileTemplateOr } from '../../domain/desk/tiles.ts';
import { getDb } from '../../storage/db.ts';
import { loadTileUrl } from '../../storage/mapSettings.ts';
import { BackLink } from '../components/BackLink.tsx';
import { ErrorBanner } from '../components/ErrorSummary.tsx';
import { SelectField } from '../components/fields.tsx';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useI18n } from '../i18n/context.tsx';
import { useMessages } from '../i18n/useMessages.ts';
import { severityMessages } from '../i18n/messages/severity.ts';
import { link } from '../routes.ts';
import { SeverityMatrix } from './SeverityMatrix.tsx';
import { SeverityMap } from './SeverityMap.tsx';
import './severity.css';

/** The tile template the app was built with (VITE_TILE_URL), or OpenStreetMap's. */
const BUILT_TILE_URL = tileTemplateOr(import.meta.env.VITE_TILE_URL as string | undefined, DEFAULT_TILE_URL);

// Kept for the session, so opening an assessment and coming back keeps the filter.
let remembered: SeverityFilter = ANY;

function Filters(props: { filter: SeverityFilter; years: string[]; update: (f: SeverityFilter) => void }) {
  const { code } = useI18n();
  const t = useMessages(severityMessages);
  const { filter, update } = props;
  return (
    <div class="sev-filters">
      <SelectField
        label={t('severity.filter.status')}
        value={filter.status}
        placeholder={t('severity.filter.any')}
        options={MISSION_STATUSES.map((s) => ({ value: String(s), label: code('missionStatus', s) }))}
        onChange={(status) => update({ ...filter, status })}
      />
      <SelectField
        label={t('severity.filter.year')}
        value={filter.year}
        placeholder={t('severity.filter.any')}
        options={props.years.map((year) => ({ value: year, label: year }))}
        onChange={(year) => update({ ...filter, year })}
      />
    </div>
  );
}

function CellAssessments(props: {
  rows: MissionSeverityFacts[];
  canton: string;
  sector: string;
  filter: SeverityFilter;
}) {
  const { code, date } = useI18n();
  const t = useMessages(severityMessages);
  const canton = cantonByPcode(props.canton);
  const found = assessmentsBehind(props.rows, props.canton, props.sector, props.filter);
  return (
    <section aria-labelledby="sev-behind">
      <BackLink href={link.severity()}>{t('severity.behind.back')}</BackLink>
      <h2 id="sev-behind">
        {t('severity.behind.heading', {
          sector: code('sector', props.sector),
          canton: canton ? `${canton.name} (${canton.pcode})` : props.canton,
        })}
      </h2>
      {found.length === 0 ? (
        <p class="empty">{t('severity.behind.empty')}</p>
      ) : (
        <ul class="list sev-behind">
          {found.map(({ missionId, missionTitle, assessment, severity }) => (
            <li key={`${missionId}/${assessment.id}`} data-assessment-id={assessment.id}>
              <a class="list__link" href={link.assessment(missionId, assessment.id)}>
                <strong>{assessment.title}</strong>
                <span class="list__meta">
                  <span class={`sev-badge sev--${severity}`}>{code('severity', severity)}</span>
                  {assessment.date && <span>{date(assessment.date)}</span>}
                  {assessment.parish && <span>{assessment.parish}</span>}
                </span>
                <span class="list__meta">{t('severity.behind.meta', { mission: missionTitle })}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CoordinatorSeverityScreen() {
  const { t } = useI18n();
  const local = useMessages(severityMessages);
  const { query } = useLocation();
  const facts = useLiveQuery(() => getDb().severity.toArray(), []);
  const [filter, setFilter] = useState<SeverityFilter>(remembered);
  const [tileUrl, setTileUrl] = useState<string | null>(null);

  useEffect(() => {
    void loadTileUrl()
      .catch(() => '')
      .then((chosen) => setTileUrl(tileTemplateOr(chosen, BUILT_TILE_URL)));
  }, []);

  const rows = useMemo(() => facts.data ?? [], [facts.data]);
  const matrix = useMemo(() => severityMatrix(rows, filter), [rows, filter]);
  const points = useMemo(() => mapPoints(rows, filter), [rows, filter]);
  const years = useMemo(() => assessmentYears(rows), [rows]);
  const update = (next: SeverityFilter) => {
    remembered = next;
    setFilter(next);
  };

  const canton = query.canton ?? '';
  const sector = query.sector ?? '';
  const cell = CANTONS.some((c) => c.pcode === canton) && includes(SECTORS, sector);

  return (
    <section class="screen sev-screen">
      <header class="screen__header">
        <h1>{t('nav.severity')}</h1>
        <a class="button" href={link.home()}>
          {local('severity.back')}
        </a>
      </header>
      <ErrorBanner error={facts.error ? toMingaError(facts.error) : null} />
      {facts.isLoading ? (
        <p>{t('loading')}</p>
      ) : cell ? (
        <CellAssessments rows={rows} canton={canton} sector={sector} filter={filter} />
      ) : (
        <>
          <p>{local('severity.intro')}</p>
          <Filters filter={filter} years={years} update={update} />
          <section aria-labelledby="sev-matrix">
            <h2 id="sev-matrix">{local('severity.matrix.heading')}</h2>
            <SeverityMatrix rows={matrix} />
          </section>
          <section aria-labelledby="sev-map">
            <h2 id="sev-map">{local('severity.map.heading')}</h2>
            {tileUrl && <SeverityMap points={points} tileUrl={tileUrl} />}
          </section>
        </>
      )}
    </section>
  );
}
