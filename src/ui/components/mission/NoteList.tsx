// The notes tab: search, newest first, shown 50 at a time so a mission with a thousand notes opens quickly.
import { useMemo, useState } from 'preact/hooks';
import type { Note } from '../../../domain/model.ts';
import { markersOf } from '../../../domain/recordMarkers.ts';
import { matchesQuery } from '../../../domain/rules.ts';
import { TextField } from '../fields.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { link } from '../../routes.ts';
import { RecordFlags } from '../marks/FieldNotes.tsx';
import { RecordMarkers } from '../RecordMarkers.tsx';

export const PAGE_SIZE = 50;

/** The first two lines, each cut short: the list shows a glimpse, the note screen the whole text. */
export function previewOf(text: string): string {
  return text
    .trim()
    .split('\n')
    .slice(0, 2)
    .map((line) => (line.length > 160 ? `${line.slice(0, 160)}…` : line))
    .join('\n');
}

function NoteRow({ missionId, note }: { missionId: string; note: Note }) {
  const { t, dateTime } = useI18n();
  const preview = previewOf(note.text);
  return (
    <li data-note-id={note.id}>
      <a class="list__link" href={link.note(missionId, note.id)}>
        <span class={preview ? 'note-preview' : 'note-preview muted'}>
          {preview || t('mission.notes.emptyNote')}
        </span>
        <span class="list__meta">
          {note.createdAt && <time dateTime={note.createdAt}>{dateTime(note.createdAt)}</time>}
          <RecordMarkers markers={markersOf(note)} />
          <RecordFlags marks={note.marks} />
        </span>
        {note.tags.length > 0 && (
          <span class="tag-list">
            {note.tags.map((tag) => (
              <span key={tag} class="tag">
                {tag}
              </span>
            ))}
          </span>
        )}
      </a>
    </li>
  );
}

export function NoteList({ missionId, notes }: { missionId: string; notes: Note[] }) {
  const { t, number } = useI18n();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const live = useMemo(
    () =>
      notes.filter((note) => note.deletedAt === null).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [notes],
  );
  const found = useMemo(
    () =>
      query.trim() ? live.filter((note) => matchesQuery(`${note.text} ${note.tags.join(' ')}`, query)) : live,
    [live, query],
  );
  const shown = found.slice(0, limit);
  const search = (value: string) => {
    setQuery(value);
    setLimit(PAGE_SIZE);
  };
  return (
    <section>
      <div role="search">
        <TextField type="search" name="q" label={t('mission.notes.search')} value={query} onInput={search} />
      </div>
      {found.length === 0 ? (
        <p class="empty">{live.length === 0 ? t('mission.notes.empty') : t('mission.notes.noMatch')}</p>
      ) : (
        <ul class="list">
          {shown.map((note) => (
            <NoteRow key={note.id} missionId={missionId} note={note} />
          ))}
        </ul>
      )}
      {found.length > shown.length && (
        <div class="form-actions">
          <p class="list__meta" aria-live="polite">
            {t('mission.notes.shown', { shown: number(shown.length), total: number(found.length) })}
          </p>
          <button type="button" class="button" onClick={() => setLimit(limit + PAGE_SIZE)}>
            {t('action.showMore')}
          </button>
        </div>
      )}
    </section>
  );
}
