// Entry point: mounts the app, and resumes sync on a device that is signed in.
import { render } from 'preact';
import { App } from './ui/App.tsx';
import { startPwa } from './pwa/index.ts';
import { startIncomingFiles } from './pwa/incoming.ts';
import { hasSyncToken } from './sync/signedIn.ts';
import { followDeviceDataRemoval } from './storage/removalChannel.ts';
import './ui/styles.css';

render(<App />, document.getElementById('app')!);
startPwa();
startIncomingFiles();
// Another tab removed this device's data (sign-out on a shared phone): start afresh, as a new phone, rather
// than keep documents open that would sync the missions back.
followDeviceDataRemoval(
  () => window.location.reload(),
  async () => (await import('./storage/wipe.ts')).releaseEverything(),
);
// The sync module (and the Hocuspocus client) loads only when signed in, never as part of the first screen.
void hasSyncToken()
  .then(async (signedIn) => {
    if (signedIn) await (await import('./sync/index.ts')).startSync();
  })
  .catch((error: unknown) => console.warn('sync did not start', error));
