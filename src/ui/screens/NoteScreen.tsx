// A field note: a big text area saved on every keystroke, with tags, GPS, links and photos.
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { toMingaError, type MingaError } from '../../domain/errors.ts';
import type { Sha256 } from '../../domain/ids.ts';
import type { LinkTarget, Note } from '../../domain/model.ts';
import { captionSave, captionsByPhoto } from '../../domain/photoCaptions.ts';
import {
  createRecord,
  deleteRecord,
  editRecordText,
  restoreRecord,
  updateRecord,
} from '../../storage/commands.ts';
import { LONG_TEXT_CHARS } from '../../domain/textSections.ts';
import type { TextEdit } from '../../domain/textMerge.ts';
import { LongNoteText } from '../components/mission/LongNoteText.tsx';
import type { OpenMission } from '../../storage/docStore.ts';
import type { MissionSnapshot } from '../../storage/missionView.ts';
import { useProfile } from '../appContext.ts';
import { ErrorBanner, ReadOnlyNotice } from '../components/ErrorSummary.tsx';
import { GpsField, NotePhotos, TagsField } from '../components/mission/NoteFields.tsx';
import { NoteLinks } from '../components/mission/NoteLinks.tsx';
import { useMission } from '../hooks/useMission.ts';
import { readOnlyReason, useMayEditMissionsOnceKnown } from '../hooks/useAccountRole.ts';
import { useTextBinding } from '../hooks/useTextBinding.ts';
import { useI18n } from '../i18n/context.tsx';
import { link } from '../routes.ts';
import { NotFound } from './NotFound.tsx';
import { BackLink } from '../components/BackLink.tsx';
import { DeletedNotice } from '../components/DeletedNotice.tsx';
import { ObserverNoNew } from '../components/ObserverNoNew.tsx';
import { FieldNotes, MarksContext } from '../components/marks/FieldNotes.tsx';
import { useMarks } from '../components/marks/useMarks.ts';
import { RecordComments } from '../components/review/RecordComments.tsx';

type NotePatch = Partial<Pick<Note, 'text' | 'tags' | 'gps' | 'photos' | 'captions' | 'links'>>;

/** Writes to one note; the note itself is created by the first change, never by merely opening the screen. */
function useNoteWriter(mission: OpenMission, noteId: string | null, onCreated: (id: string) => void) {
  const profile = useProfile();
  const [failure, setFailure] = useState<MingaError | null>(null);
  // A ref, not state: a second keystroke may come before the re-render that follows the first.
  const idRef = useRef(noteId);
  if (noteId !== null) idRef.current = noteId;

  /** The note as stored right now, fresher than the last render. */
  const current = (): Note | null => {
    const id = idRef.current;
    return id === null ? null : (mission.view.snapshot().notes.find((note) => note.id === id) ?? null);
  };
  const attempt = (write: () => void): boolean => {
    try {
      write();
      setFailure(null);
      return true;
    } catch (error) {
      setFailure(toMingaError(error));
      return false;
    }
  };
  const save = (patch: NotePatch, base?: NotePatch) =>
    attempt(() => {
      const id = idRef.current;
      if (id !== null) return updateRecord(mission, 'note', id, patch, profile, base);
      const fields = { text: '', tags: [], gps: null, photos: [], links: [], ...patch };
      idRef.current = createRecord(mission, 'note', fields, profile);
      onCreated(idRef.current);
    });
  const setDeleted = (deleted: boolean) =>
    idRef.current !== null &&
    attempt(() => (deleted ? deleteRecord : restoreRecord)(mission, 'note', idRef.current!, profile));
  /** One keystroke in a long note, as the edit it is (see LongNoteText). */
  const edit = (change: TextEdit) =>
    idRef.current !== null &&
    attempt(() => editRecordText(mission, 'note', idRef.current!, 'text', change, profile));
  return { current, save, edit, setDeleted, failure };
}

/** The part of the text to select on opening (a search result's match), read from `?at=…&length=…`. */
export interface TextSelection {
  start: number;
  length: number;
}

export function selectionFromQuery(query: Record<string, string> | undefined): TextSelection | null {
  const start = Number(query?.at);
  const length = Number(query?.length ?? 0);
  if (!Number.isSafeInteger(start) || start < 0 || !Number.isSafeInteger(length) || length < 0) return null;
  return query?.at === undefined ? null : { start, length };
}

function NoteText(props: {
  text: string | null;
  readOnly: boolean;
  select: TextSelection | null;
  onInput: (take: (stored: string | null) => string) => void;
}) {
  const { t } = useI18n();
  const { ref, take } = useTextBinding(props.text);
  const id = useId();
  const { select } = props;
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field) return;
    // Opened from a search result: the match selected and scrolled into view, read-only or not.
    if (select && select.start + select.length <= field.value.length) {
      field.setSelectionRange(select.start, select.start + select.length);
      field.blur();
      field.focus();
      return;
    }
    // Keyboard ready: browsers honour `autofocus` only once per page load, so focus by hand.
    if (field.readOnly) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [ref, select]);
  return (
    <div class="field">
      <label for={id}>{t('note.text')}</label>
      <textarea
        id={id}
        ref={ref}
        name="text"
        class="note-text"
        rows={12}
        autoFocus
        readOnly={props.readOnly}
        onInput={() => props.onInput(take)}
      />
    </div>
  );
}

interface EditorProps {
  select: TextSelection | null;
  mission: OpenMission;
  snapshot: MissionSnapshot;
  missionId: string;
  noteId: string | null;
  mayEdit: boolean;
  onCreated: (id: string) => void;
}

function NoteEditor({ mission, snapshot, missionId, noteId, mayEdit, onCreated, select }: EditorProps) {
  const { t, dateTime } = useI18n();
  const { route } = useLocation();
  const writer = useNoteWriter(mission, noteId, onCreated);
  const note = noteId === null ? null : (snapshot.notes.find((n) => n.id === noteId) ?? null);
  const reason = readOnlyReason(mayEdit, note);
  // Read from the document, not the last render's snapshot: typing may be ahead of rendering.
  const text = writer.current()?.text ?? null;
  const readOnly = reason !== null;
  const [settleFailure, setSettleFailure] = useState<MingaError | null>(null);
  const marks = useMarks({
    kind: 'note',
    id: note?.id ?? null,
    marks: note?.marks ?? null,
    mission,
    readOnly,
    onError: setSettleFailure,
  });
  const saveCaption = (photo: Sha256, text: string, startedFrom: string) => {
    const save = captionSave(writer.current()?.captions ?? [], photo, text, startedFrom);
    if (save) writer.save({ captions: save.captions }, { captions: save.base });
  };
  const remove = () => {
    if (window.confirm(t('note.delete.confirm')) && writer.setDeleted(true))
      route(link.mission(missionId, 'notes'));
  };

  return (
    <MarksContext.Provider value={marks}>
      <section class="screen note-screen">
        <BackLink href={link.mission(missionId, 'notes')}>{t('note.backToNotes')}</BackLink>
        <h1>{t('note.heading')}</h1>
        {reason && <ReadOnlyNotice reason={reason} />}
        <ErrorBanner error={writer.failure} />
        <ErrorBanner error={settleFailure} />
        <FieldNotes paths={['deletedAt']} />
        {note?.deletedAt && (
          <DeletedNotice
            message={t('note.deleted')}
            readOnly={readOnly}
            onRestore={() => writer.setDeleted(false)}
          />
        )}
        {note && text !== null && text.length >= LONG_TEXT_CHARS ? (
          <LongNoteText
            mission={mission}
            noteId={note.id}
            text={text}
            readOnly={readOnly}
            select={select}
            onEdit={writer.edit}
          />
        ) : (
          <NoteText
            text={text}
            readOnly={readOnly}
            select={select}
            onInput={(take) => writer.save({ text: take(writer.current()?.text ?? null) })}
          />
        )}
        <FieldNotes paths={['text']} />
        {note?.createdAt && (
          <p class="list__meta">{t('note.meta', { when: dateTime(note.createdAt), who: note.createdBy })}</p>
        )}
        <TagsField
          tags={note?.tags ?? []}
          disabled={readOnly}
          onSave={(tags, startedFrom) => writer.save({ tags }, { tags: startedFrom })}
        />
        <FieldNotes paths={['tags']} />
        <GpsField gps={note?.gps ?? null} disabled={readOnly} onSave={(gps) => writer.save({ gps })} />
        {/* A position with a broken coordinate reads as none: its values are said here, with a way to clear. */}
        <FieldNotes paths={['gps']} prefix="gps." />
        <NoteLinks
          missionId={missionId}
          links={note?.links ?? []}
          snapshot={snapshot}
          disabled={readOnly}
          onChange={(links: LinkTarget[]) => writer.save({ links })}
        />
        <FieldNotes paths={['links']} />
        <NotePhotos
          photos={note?.photos ?? []}
          captions={captionsByPhoto(note?.photos ?? [], note?.captions ?? [])}
          onCaption={readOnly ? null : saveCaption}
          gps={note?.gps ?? null}
          disabled={readOnly}
          // Applied to the note as stored when the photo is ready, not as it was when it was chosen.
          onChange={(update) => writer.save({ photos: update(writer.current()?.photos ?? []) })}
        />
        <FieldNotes paths={['photos']} prefix="captions." />
        {note && <RecordComments open={mission} target={{ kind: 'note', id: note.id }} />}
        {note && !readOnly && !note.deletedAt && (
          <div class="form-actions">
            <button type="button" class="button button--danger" onClick={remove}>
              {t('action.delete')}
            </button>
          </div>
        )}
      </section>
    </MarksContext.Provider>
  );
}

export function NoteScreen() {
  const { params, query } = useRoute();
  const [select] = useState(() => selectionFromQuery(query));
  const { t } = useI18n();
  const missionId = params.id ?? '';
  const recordId = params.recordId ?? 'new';
  const { mission, snapshot, error } = useMission(missionId);
  const mayEdit = useMayEditMissionsOnceKnown();
  // The note this screen created. The address bar then names it, so a reload reopens it; the router is not
  // told, so the editor is not remounted under the thumb: focus, caret and every keystroke stay.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const noteId = recordId === 'new' ? createdId : recordId;

  const onCreated = (id: string) => {
    setCreatedId(id);
    history.replaceState(history.state, '', link.note(missionId, id));
  };

  if (error?.reason === 'notFound') return <NotFound />;
  if (error) return <ErrorBanner error={error} />;
  if (!mission || !snapshot || mayEdit === undefined) return <p class="loading">{t('loading')}</p>;
  if (!snapshot.mission) return <NotFound />;
  if (noteId === null && !mayEdit) {
    return (
      <ObserverNoNew
        heading={t('mission.newNote')}
        message={t('readOnly.observer')}
        back={link.mission(missionId, 'notes')}
        backLabel={t('note.backToNotes')}
      />
    );
  }
  const exists = noteId === null || noteId === createdId || snapshot.notes.some((n) => n.id === noteId);
  if (!exists) return <NotFound />;
  return (
    <NoteEditor
      mission={mission}
      snapshot={snapshot}
      missionId={missionId}
      noteId={noteId}
      mayEdit={mayEdit}
      onCreated={onCreated}
      select={select}
    />
  );
}
