// A stored photo's object URL while a component shows it: from this device, or else asked of the server.
import { useEffect, useState } from 'preact/hooks';
import type { Sha256 } from '../../domain/ids.ts';
import { getDb } from '../../storage/db.ts';
import { photoUrl, releasePhotoUrl } from '../../storage/thumbnails.ts';
import { fetchMissingPhoto } from '../../sync/blobQueue.ts';

/** How often a photo on screen asks the server again for bytes it does not have, 3 s apart. */
const PHOTO_FETCH_ATTEMPTS = 20;

/** undefined while loading, null when this device does not have the bytes (yet), else an object URL. */
export function usePhotoUrl(sha256: Sha256): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    let shown = true;
    let fetched: string | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    setUrl(undefined);
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
    // The shared URL is revoked once nothing shows this photo any more.
    return () => {
      shown = false;
      clearTimeout(retry);
      releasePhotoUrl(sha256);
      if (fetched) URL.revokeObjectURL(fetched);
    };
  }, [sha256]);

  return url;
}
