// Photos for any record: take one with the camera or choose from the gallery, see thumbnails, remove.
import { useEffect, useId, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { MingaError, toMingaError } from '../../domain/errors.ts';
import type { Sha256 } from '../../domain/ids.ts';
import type { GeoPoint, PhotoRef } from '../../domain/model.ts';
import { getDb } from '../../storage/db.ts';
import { savePhoto } from '../../storage/photos.ts';
import { photoUrl, releasePhotoUrl } from '../../storage/thumbnails.ts';
import { fetchMissingPhoto } from '../../sync/blobQueue.ts';
import { useI18n } from '../i18n/context.tsx';
import { ErrorBanner } from './ErrorSummary.tsx';

/** How often a thumbnail asks the server again for a photo it does not have, 3 s apart. */
const PHOTO_FETCH_ATTEMPTS = 20;

export interface PhotoFieldProps {
  photos: PhotoRef[];
  /** Called once per new photo, in the order chosen; a photo already listed is not added again. */
  onAdd: (ref: PhotoRef) => void;
  onRemove: (sha256: Sha256) => void;
  /** The location to keep with new photos, only when the user chose to keep it; null strips it. */
  keepLocation: GeoPoint | null;
  disabled?: boolean;
}

export function PhotoField(props: PhotoFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<MingaError | null>(null);

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
              disabled={props.disabled ?? false}
              onRemove={() => props.onRemove(photo.sha256)}
            />
          ))}
        </ul>
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

function Thumb(props: { photo: PhotoRef; n: number; disabled: boolean; onRemove: () => void }) {
  const { t } = useI18n();
  const { sha256 } = props.photo;
  // undefined while loading, null when this device does not have the bytes (yet), else an object URL.
  const [url, setUrl] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    let shown = true;
    let fetched: string | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const fetchWithRetries = async (attempt = 0): Promise<void> => {
      const blob = await fetchMissingPhoto(sha256);
      if (!shown) return;
      if (blob) setUrl((fetched = URL.createObjectURL(blob)));
      else if (attempt < PHOTO_FETCH_ATTEMPTS)
        retry = setTimeout(() => void fetchWithRetries(attempt + 1), 3000);
    };
    photoUrl(getDb(), sha256).then(
      (found) => {
        if (shown) setUrl(found ?? null);
        // Not on this device: ask the server, again a few times while it is on screen, since the
        // colleague's phone may upload it only now; the placeholder stays when offline or not allowed.
        if (shown && !found) void fetchWithRetries();
      },
      () => shown && setUrl(null),
    );
    // The shared URL is revoked once no thumbnail shows this photo any more.
    return () => {
      shown = false;
      clearTimeout(retry);
      releasePhotoUrl(sha256);
      if (fetched) URL.revokeObjectURL(fetched);
    };
  }, [sha256]);

  return (
    <li class="photo-field__thumb">
      {url ? (
        <img src={url} alt={t('photos.alt', { n: props.n })} width={132} height={132} />
      ) : (
        <span
          class="photo-field__placeholder"
          role="img"
          aria-label={url === null ? t('photos.notHere', { n: props.n }) : t('photos.alt', { n: props.n })}
        />
      )}
      {!props.disabled && (
        <button type="button" class="button button--danger" onClick={props.onRemove}>
          {t('photos.remove', { n: props.n })}
        </button>
      )}
    </li>
  );
}
