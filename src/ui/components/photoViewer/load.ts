// The photo viewer is loaded only when a photo is first opened, so that the screens that list photos stay small.
type ViewerModule = typeof import('./PhotoViewer.tsx');

let loading: Promise<ViewerModule> | null = null;

export function loadPhotoViewer(): Promise<ViewerModule> {
  // A failed load (offline before the chunk was cached) is tried again on the next tap.
  loading ??= import('./PhotoViewer.tsx').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
