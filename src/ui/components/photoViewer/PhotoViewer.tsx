// A record's photos full screen: zoom to check a crack, swipe through them, read and write their captions.
// Loaded on demand (load.ts); its styles travel with it.
import './photoViewer.css';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Sha256 } from '../../../domain/ids.ts';
import type { PhotoRef } from '../../../domain/model.ts';
import { tidyCaption } from '../../../domain/photoCaptions.ts';
import { MAX_CAPTION } from '../../../domain/schema/records.ts';
import { usePhotoUrl } from '../../hooks/usePhotoUrl.ts';
import { useI18n } from '../../i18n/context.tsx';
import { FieldNotes } from '../marks/FieldNotes.tsx';
import { useModal } from './useModal.ts';
import { ZoomStage } from './ZoomStage.tsx';
import { FIT, zoomAt, DOUBLE_TAP_SCALE, type View } from './zoom.ts';

export interface CaptionEditing {
  /** Saves one photo's caption; `startedFrom` is the caption shown when the user began to change it. */
  save: ((photo: Sha256, text: string, startedFrom: string) => void) | null;
  /** Why captions cannot be written here yet, when they could be later (an assessment not yet saved). */
  later?: boolean;
}

export interface PhotoViewerProps {
  photos: readonly PhotoRef[];
  startAt: number;
  captions: ReadonlyMap<Sha256, string>;
  captionEditing: CaptionEditing;
  onClose: () => void;
}

export function PhotoViewer(props: PhotoViewerProps) {
  const { t, number } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const requestClose = useModal(dialog, props.onClose);
  const total = props.photos.length;
  const [index, setIndex] = useState(Math.min(props.startAt, total - 1));
  const [view, setView] = useState<View>(FIT);
  const photo = props.photos[index];

  const go = (step: -1 | 1) => {
    const next = index + step;
    if (next < 0 || next >= total) return;
    setIndex(next);
    setView(FIT);
  };
  // Arrow keys move between photos wherever focus is in the viewer, except while a caption is typed.
  const goRef = useRef(go);
  goRef.current = go;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || target?.closest('textarea, input')) return;
      if (event.key === 'ArrowLeft') goRef.current(-1);
      else if (event.key === 'ArrowRight') goRef.current(1);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  // A photo removed on another device while shown: close rather than show a neighbour under its number.
  const closing = useRef(false);
  useEffect(() => {
    if (photo || closing.current) return;
    closing.current = true;
    requestClose();
  });
  if (!photo) return <dialog ref={dialog} class="photo-viewer" aria-label={t('viewer.close')} />;

  const zoomed = view.scale > 1;
  const toggleZoom = () => {
    const stage = dialog.current?.querySelector('.photo-viewer__stage');
    if (!stage) return;
    const { width, height } = stage.getBoundingClientRect();
    const size = { width, height };
    setView(zoomed ? FIT : zoomAt(FIT, DOUBLE_TAP_SCALE, { x: width / 2, y: height / 2 }, size));
  };
  const n = index + 1;

  return (
    <dialog
      ref={dialog}
      class="photo-viewer"
      aria-label={t('viewer.label', { n: number(n), total: number(total) })}
    >
      <div class="photo-viewer__bar">
        <p class="photo-viewer__position" aria-live="polite">
          {t('viewer.position', { n: number(n), total: number(total) })}
        </p>
        <button
          type="button"
          class="photo-viewer__close"
          aria-label={t('viewer.close')}
          onClick={requestClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <Photo
        key={`photo-${photo.sha256}`}
        photo={photo}
        alt={props.captions.get(photo.sha256) || t('photos.alt', { n: number(n) })}
        view={view}
        onView={setView}
        onSwipe={go}
      />
      <p class="photo-viewer__hint">{t('viewer.hint')}</p>
      <div class="photo-viewer__nav">
        {/* aria-disabled, not disabled: a button that becomes disabled under focus would drop focus out of the viewer. */}
        <button type="button" class="button" aria-disabled={index === 0} onClick={() => go(-1)}>
          <span aria-hidden="true">‹ </span>
          {t('viewer.previous')}
        </button>
        <button type="button" class="button" aria-pressed={zoomed} onClick={toggleZoom}>
          {zoomed ? t('viewer.zoomOut') : t('viewer.zoomIn')}
        </button>
        <button type="button" class="button" aria-disabled={index === total - 1} onClick={() => go(1)}>
          {t('viewer.next')}
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <Caption
        key={`caption-${photo.sha256}`}
        photo={photo.sha256}
        caption={props.captions.get(photo.sha256) ?? ''}
        editing={props.captionEditing}
      />
    </dialog>
  );
}

function Photo(props: {
  photo: PhotoRef;
  alt: string;
  view: View;
  onView: (view: View) => void;
  onSwipe: (direction: -1 | 1) => void;
}) {
  const { t } = useI18n();
  const url = usePhotoUrl(props.photo.sha256);
  // Without its bytes the stage still takes swipes, so the other photos stay one gesture away.
  return (
    <ZoomStage
      src={url ?? null}
      alt={props.alt}
      message={url === null ? t('viewer.notHere') : t('viewer.loading')}
      view={props.view}
      onView={props.onView}
      onSwipe={props.onSwipe}
    />
  );
}

/** The caption of the photo shown; saved when the field is left, the photo changed or the viewer closed. */
function Caption(props: { photo: Sha256; caption: string; editing: CaptionEditing }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState(props.caption);
  const startedFrom = useRef(props.caption);
  const latest = useRef(text);
  latest.current = text;
  const save = props.editing.save;

  const commit = () => {
    if (!save || tidyCaption(latest.current) === tidyCaption(startedFrom.current)) return;
    save(props.photo, latest.current, startedFrom.current);
    startedFrom.current = tidyCaption(latest.current);
  };
  // A colleague's caption arriving while this one is not being changed is shown at once.
  useEffect(() => {
    if (props.caption === startedFrom.current) return;
    if (tidyCaption(latest.current) === tidyCaption(startedFrom.current)) {
      setText(props.caption);
      startedFrom.current = props.caption;
    }
  }, [props.caption]);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => () => commitRef.current(), []);

  if (!save) {
    return (
      <div class="photo-viewer__caption">
        {props.editing.later ? (
          <p class="muted">{t('viewer.captionLater')}</p>
        ) : (
          <p class={props.caption ? '' : 'muted'}>{props.caption || t('viewer.noCaption')}</p>
        )}
      </div>
    );
  }
  return (
    <div class="photo-viewer__caption field">
      <label for={id}>{t('viewer.caption')}</label>
      <p class="field__hint" id={`${id}-hint`}>
        {t('viewer.captionHint')}
      </p>
      <textarea
        id={id}
        name="caption"
        rows={2}
        maxLength={MAX_CAPTION}
        value={text}
        aria-describedby={`${id}-hint`}
        onInput={(event) => setText(event.currentTarget.value)}
        onChange={commit}
      />
      <FieldNotes paths={[`captions.${props.photo}.text`]} />
    </div>
  );
}
