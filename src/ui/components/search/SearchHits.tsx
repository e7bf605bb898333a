// The records of one mission that match the home search, each with its text around the match highlighted.
import { snippet } from '../../../domain/search/match.ts';
import type { MissionHits, SearchHit } from '../../../storage/search.ts';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';

/** Where a hit opens: the record's own screen; a note at the match, so the text found is selected. */
export function hitLink(hit: SearchHit): string {
  switch (hit.kind) {
    case 'mission':
      return link.mission(hit.missionId);
    case 'assessment':
      return link.assessment(hit.missionId, hit.id);
    case 'action':
      return link.action(hit.missionId, hit.id);
    case 'note':
      return hit.match.field === 'text'
        ? `${link.note(hit.missionId, hit.id)}?at=${hit.match.start}&length=${hit.match.length}`
        : link.note(hit.missionId, hit.id);
  }
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useI18n();
  const part = snippet(hit.text, hit.match.start, hit.match.length);
  // Text nodes only: what a record holds is shown as text, never parsed as markup.
  return (
    <li data-hit-kind={hit.kind} data-hit-id={hit.id}>
      <a class="search-hit" href={hitLink(hit)}>
        <span class="search-hit__kind">{t(`search.kind.${hit.kind}`)}</span>
        {hit.kind !== 'note' && hit.label && <strong class="search-hit__label">{hit.label}</strong>}
        <span class="search-hit__snippet">
          {part.cutBefore && '…'}
          {part.before}
          <mark>{part.match}</mark>
          {part.after}
          {part.cutAfter && '…'}
        </span>
      </a>
    </li>
  );
}

export function SearchHits({ title, found }: { title: string; found: MissionHits }) {
  const { t } = useI18n();
  // The mission's title already shows a match in it; other matches of the mission itself are listed.
  const shown = found.hits.filter((hit) => !(hit.kind === 'mission' && hit.match.field === 'title'));
  if (shown.length === 0) return null;
  const hidden = found.total - found.hits.length;
  return (
    <>
      <ul class="search-hits" aria-label={t('search.foundIn', { title })}>
        {shown.map((hit) => (
          <Hit key={`${hit.kind}/${hit.id}`} hit={hit} />
        ))}
      </ul>
      {hidden > 0 && <p class="list__meta search-hits__more">{t('search.more', { count: hidden })}</p>}
    </>
  );
}
