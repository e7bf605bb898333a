// Whether everything typed is on disk: one status for the whole app, fed by every durable writer.
import type { MingaErrorReason } from '../domain/errors.ts';

export type SaveState =
  { kind: 'saved'; at: number | null } | { kind: 'saving' } | { kind: 'failed'; reason: MingaErrorReason };

type Listener = (state: SaveState) => void;

const pendingByWriter = new Map<string, number>();
const failedByWriter = new Map<string, MingaErrorReason>();
const listeners = new Set<Listener>();
let lastSavedAt: number | null = null;

export function saveState(): SaveState {
  const failure = failedByWriter.values().next();
  if (!failure.done) return { kind: 'failed', reason: failure.value };
  for (const count of pendingByWriter.values()) if (count > 0) return { kind: 'saving' };
  return { kind: 'saved', at: lastSavedAt };
}

function emit(): void {
  const state = saveState();
  listeners.forEach((listener) => listener(state));
}

export function onSaveState(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportPending(writer: string, pending: number): void {
  pendingByWriter.set(writer, pending);
  emit();
}

/** Called when a strict-durability transaction has committed: the data is on disk. */
export function reportSaved(writer: string, pending: number, newestQueuedAt: number): void {
  pendingByWriter.set(writer, pending);
  failedByWriter.delete(writer);
  lastSavedAt = Date.now();
  emit();
  // Timing hook for the keystroke-to-disk benchmark: everything queued up to `newestQueuedAt` is on disk.
  globalThis.dispatchEvent?.(new CustomEvent('minga:saved', { detail: { newestQueuedAt } }));
}

export function reportFailed(writer: string, reason: MingaErrorReason): void {
  failedByWriter.set(writer, reason);
  emit();
}

export function forgetWriter(writer: string): void {
  pendingByWriter.delete(writer);
  failedByWriter.delete(writer);
  emit();
}
