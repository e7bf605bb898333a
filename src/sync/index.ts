// What the rest of the app uses of sync: sign in and out, start at launch, and the status to show.
export { configureSync, pendingChanges, signIn, signOut, startSync, stopSync, syncUrl } from './session.ts';
export type { SignOutResult, SyncEnvironment } from './session.ts';
export { onSyncStatus, syncStatus } from './status.ts';
export type { RefusalReason, SyncStatus } from './status.ts';
export { syncInBackground } from './background.ts';
