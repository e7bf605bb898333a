// Photos for any record: take one with the camera or choose from the gallery, see thumbnails, remove.
import { useId, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { MingaError, toMingaError } from '../../domain/errors.ts';
import type { Sha256 } from '../../domain/ids.ts';
import type { GeoPoint, PhotoRef } from '../../domain/model.ts';
import { getDb } from '../../storage/db.ts';
import { savePhoto } from '../../storage/photos.ts';
import { usePhotoUrl } from '../hooks/usePhotoUrl.ts';
import { useI18n } from '../i18n/context.tsx';
import { ErrorBanner } from './ErrorSummary.tsx';
import { loadPhotoViewer } from './photoViewer/load.ts';
import type { CaptionEditing, PhotoViewerProps } from './photoViewer/PhotoViewer.tsx';

const NO_CAPTIONS: ReadonlyMap<Sha256, string> = new Map();

export interface PhotoFieldProps {
  photos: PhotoRef[];
  /** Called once per new photo, in the order chosen; a photo already listed is not added again. */
  onAdd: (ref: PhotoRef) => void;
  onRemove: (sha256: Sha256) => void;
  /** The location to keep with new photos, only when the user chose to keep it; null strips it. */
  keepLocation: GeoPoint | null;
  disabled?: boolean;
  /** Captions by photo, as the record holds them. */
  captions?: ReadonlyMap<Sha256, string>;
  /** How captions are written from the viewer; without it they are only shown. */
  captionEditing?: CaptionEditing;
}

export function PhotoField(props: PhotoFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<MingaError | null>(null);
  const viewer = usePhotoViewer();
  const captions = props.captions ?? NO_CAPTIONS;

  const addFiles = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    // Cleared at once, so choosing the same file again still fires a change.
    input.value = '';
    if (files.length === 0) return;
    setBusy(true);
    setFailure(null);
    const listed = new Set<string>(props.photos.map((p) => p.sha256));
    // One at a time: decoding several camera photos at once can exhaust a small phone's memory.
    for (const file of files) {
      try {
        const ref = await savePhoto(getDb(), file, { keepLocation: props.keepLocation });
        if (listed.has(ref.sha256)) continue;
        listed.add(ref.sha256);
        props.onAdd(ref);
      } catch (error) {
        setFailure(toMingaError(error));
      }
    }
    setBusy(false);
  };

  const disabled = props.disabled || busy;
  return (
    <div class="photo-field">
      <ErrorBanner error={failure} />
      {props.photos.length === 0 ? (
        <p class="empty">{t('photos.none')}</p>
      ) : (
        <ul class="thumbs photo-field__thumbs">
          {props.photos.map((photo, index) => (
            <Thumb
              key={photo.sha256}
              photo={photo}
              n={index + 1}
              caption={captions.get(photo.sha256) ?? ''}
              disabled={props.disabled ?? false}
              onOpen={() => viewer.open(index)}
              onRemove={() => props.onRemove(photo.sha256)}
            />
          ))}
        </ul>
      )}
      {viewer.failed && (
        <p class="field__error" role="alert">
          {t('viewer.unavailable')}
        </p>
      )}
      {viewer.Viewer && viewer.openAt !== null && (
        <viewer.Viewer
          photos={props.photos}
          startAt={viewer.openAt}
          captions={captions}
          captionEditing={props.captionEditing ?? { save: null }}
          onClose={viewer.close}
        />
      )}
      {busy && <p role="status">{t('photos.adding')}</p>}
      {!props.disabled && (
        <div class="form-actions photo-field__inputs">
          <input
            id={`${id}-camera`}
            class="sr-only photo-field__input"
            type="file"
            accept="image/*"
            capture="environment"
            disabled={disabled}
            onChange={(event) => void addFiles(event)}
          />
          <label for={`${id}-camera`} class="button photo-field__button">
            {t('photos.take')}
          </label>
          <input
            id={`${id}-gallery`}
            class="sr-only photo-field__input"
            type="file"
            accept="image/*"
            multiple
            disabled={disabled}
            onChange={(event) => void addFiles(event)}
          />
          <label for={`${id}-gallery`} class="button photo-field__button">
            {t('photos.choose')}
          </label>
        </div>
      )}
    </div>
  );
}

/** Which photo the viewer shows, and the viewer itself once its code has loaded. */
function usePhotoViewer() {
  const [openAt, setOpenAt] = useState<number | null>(null);
  const [Viewer, setViewer] = useState<((props: PhotoViewerProps) => JSX.Element) | null>(null);
  const [failed, setFailed] = useState(false);
  const open = (index: number) => {
    setFailed(false);
    loadPhotoViewer().then(
      (module) => {
        setViewer(() => module.PhotoViewer);
        setOpenAt(index);
      },
      () => setFailed(true),
    );
  };
  return { openAt, Viewer, failed, open, close: () => setOpenAt(null) };
}

function Thumb(props: {
  photo: PhotoRef;
  n: number;
  caption: string;
  disabled: boolean;
  onOpen: () => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const url = usePhotoUrl(props.photo.sha256);
  const { n, caption } = props;
  return (
    <li class="photo-field__thumb">
      {/* The image's text names the button: what opening it shows, or that the photo is not here yet. */}
      <button type="button" class="photo-field__open" onClick={props.onOpen}>
        {url ? (
          <img
            src={url}
            alt={caption ? t('photos.captioned', { n, caption }) : t('photos.open', { n })}
            width={132}
            height={132}
          />
        ) : (
          <span class="photo-field__placeholder">
            {url === null ? (
              t('photos.notHere', { n })
            ) : (
              <span class="sr-only">{t('photos.open', { n })}</span>
            )}
          </span>
        )}
      </button>
      {caption && <p class="photo-field__caption">{caption}</p>}
      {!props.disabled && (
        <button type="button" class="button button--danger" onClick={props.onRemove}>
          {t('photos.remove', { n })}
        </button>
      )}
    </li>
  );
}
