/* global self, caches, File, Response, URL */
// Loaded into the generated service worker (vite.config.ts, workbox importScripts). A mission file shared to the
// installed app (manifest share_target: a multipart POST to /share-target) is kept in a cache for the page, which
// then opens the receive panel with it (src/pwa/incoming.ts): the same preview and confirmation as a file chosen
// by hand. Registered before workbox's own listeners, and only for this POST: precaching is untouched.
const SHARE_PATH = '/share-target';
const SHARED_CACHE = 'minga-shared';
const SHARED_KEY = '/shared-bundle';
/** MAX_BUNDLE_FILE_BYTES of src/domain/bundle/format.ts: a larger file would be refused anyway. */
const MAX_BYTES = 256 * 1024 * 1024;

async function keepShared(request) {
  try {
    const form = await request.formData();
    const file = form.getAll('bundle').find((value) => value instanceof File);
    if (file && file.size > 0 && file.size <= MAX_BYTES) {
      const cache = await caches.open(SHARED_CACHE);
      await cache.put(
        SHARED_KEY,
        new Response(file, {
          headers: {
            'content-type': file.type || 'application/zip',
            'x-file-name': encodeURIComponent(file.name),
          },
        }),
      );
    }
  } catch (error) {
    console.warn('shared file could not be kept', error);
  }
  return Response.redirect('/settings?receive=shared', 303);
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.origin !== self.location.origin || url.pathname !== SHARE_PATH)
    return;
  event.respondWith(keepShared(event.request));
});
