// Parts of the note screen below the text: tags typed with commas, the GPS position with its accuracy, photos.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Sha256 } from '../../../domain/ids.ts';
import type { GeoPoint, PhotoRef } from '../../../domain/model.ts';
import { splitTags } from '../../../domain/rules.ts';
import { useGeolocation } from '../../hooks/useGeolocation.ts';
import { useI18n } from '../../i18n/context.tsx';
import { GeoLink } from '../GeoLink.tsx';
import { PhotoField } from '../PhotoField.tsx';

/**
 * Saved on every keystroke, so "Saved" is true without leaving the field; the text is tidied only when the field
 * is left, never under the user's fingers (a comma just typed stays). `onSave` also gets the tags the typed text
 * started from, so a tag a colleague added meanwhile is kept, not overwritten (docs/merge.md M4, M11).
 */
export function TagsField(props: {
  tags: string[];
  disabled: boolean;
  onSave: (tags: string[], startedFrom: string[]) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const saved = props.tags.join(', ');
  const [text, setText] = useState(saved);
  const shown = useRef(props.tags);
  // Follow changes made elsewhere, unless the user is typing here.
  const lastSaved = useRef(saved);
  useEffect(() => {
    if (lastSaved.current === saved) return;
    lastSaved.current = saved;
    if (input.current?.ownerDocument.activeElement !== input.current) {
      setText(saved);
      shown.current = props.tags;
    }
  }, [saved, props.tags]);
  const save = (value: string) => {
    const tags = splitTags(value);
    if (tags.join(', ') !== shown.current.join(', ')) props.onSave(tags, shown.current);
    shown.current = tags;
    return tags;
  };
  return (
    <div class="field">
      <label for={id}>{t('note.tags')}</label>
      <p class="field__hint" id={`${id}-hint`}>
        {t('note.tagsHint')}
      </p>
      <input
        id={id}
        ref={input}
        name="tags"
        value={text}
        disabled={props.disabled}
        aria-describedby={`${id}-hint`}
        onInput={(e) => {
          setText(e.currentTarget.value);
          save(e.currentTarget.value);
        }}
        onChange={(e) => setText(save(e.currentTarget.value).join(', '))}
      />
    </div>
  );
}

export function GpsField(props: {
  gps: GeoPoint | null;
  disabled: boolean;
  onSave: (gps: GeoPoint | null) => void;
}) {
  const { t, number } = useI18n();
  const { state, locate } = useGeolocation();
  const { gps, onSave } = props;
  const add = async () => {
    const point = await locate();
    if (point) onSave(point);
  };
  return (
    <section class="note-gps">
      <h2>{t('note.gps.heading')}</h2>
      {gps && (
        <>
          <p>
            {t('note.gps.value', {
              lat: gps.lat.toFixed(5),
              lon: gps.lon.toFixed(5),
              accuracy: number(Math.round(gps.accuracy)),
            })}
          </p>
          <GeoLink gps={gps} />
        </>
      )}
      <p role="status">
        {state.kind === 'locating' && t('note.gps.locating')}
        {state.kind === 'denied' && t('note.gps.denied')}
        {state.kind === 'unavailable' && t('note.gps.unavailable')}
      </p>
      {/* Read-only: the position is shown, with no control that could not be used. */}
      {props.disabled ? (
        !gps && <p class="muted">{t('note.gps.none')}</p>
      ) : (
        <div class="form-actions">
          <button type="button" class="button" disabled={state.kind === 'locating'} onClick={add}>
            {gps ? t('note.gps.update') : t('note.gps.add')}
          </button>
          {gps && (
            <button type="button" class="button" onClick={() => onSave(null)}>
              {t('action.remove')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** Photos keep no location unless the technician ticks the box and the note has a position. */
export function NotePhotos(props: {
  photos: PhotoRef[];
  captions: ReadonlyMap<Sha256, string>;
  /** Saves one photo's caption from the viewer; null when the note cannot be changed. */
  onCaption: ((photo: Sha256, text: string, startedFrom: string) => void) | null;
  gps: GeoPoint | null;
  disabled: boolean;
  onChange: (update: (photos: PhotoRef[]) => PhotoRef[]) => void;
}) {
  const { t } = useI18n();
  const hintId = useId();
  const [keepLocation, setKeepLocation] = useState(false);
  return (
    <section class="note-photos">
      <h2>{t('note.photos.heading')}</h2>
      {!props.disabled && (
        <>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={keepLocation}
              aria-describedby={hintId}
              onChange={(e) => setKeepLocation(e.currentTarget.checked)}
            />
            {t('photos.keepLocation')}
          </label>
          <p class="field__hint" id={hintId}>
            {t('photos.keepLocationHint')}
          </p>
        </>
      )}
      <PhotoField
        photos={props.photos}
        keepLocation={keepLocation ? props.gps : null}
        disabled={props.disabled}
        captions={props.captions}
        captionEditing={{ save: props.onCaption }}
        onAdd={(ref) => props.onChange((photos) => [...photos, ref])}
        onRemove={(sha256: Sha256) => props.onChange((photos) => photos.filter((p) => p.sha256 !== sha256))}
      />
    </section>
  );
}
