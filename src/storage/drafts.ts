// Form drafts on disk: written on every change, one write at a time and always the latest, reported to the
// save status like any other write, so "saved" and the app update wait for them too.
import { toMingaError } from '../domain/errors.ts';
import { getDb } from './db.ts';
import { reportFailed, reportPending, reportSaved } from './saveStatus.ts';

const KEY_PREFIX = 'draft:';
const WRITER = 'drafts';

export async function loadDraft<T>(key: string): Promise<T | undefined> {
  const row = await getDb().settings.get(KEY_PREFIX + key);
  return row?.value as T | undefined;
}

export class DraftWriter<T> {
  private readonly key: string;
  private busy = false;
  private next: { value: T } | null = null;
  private discarded = false;

  constructor(key: string) {
    this.key = KEY_PREFIX + key;
  }

  write(value: T): void {
    this.discarded = false;
    this.next = { value };
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.next && !this.discarded) {
        const { value } = this.next;
        this.next = null;
        reportPending(WRITER, 1);
        await getDb().settings.put({ key: this.key, value });
        reportSaved(WRITER, 0, performance.now());
      }
    } catch (error) {
      // The draft stays on screen; the next change tries again.
      reportFailed(WRITER, toMingaError(error).reason);
    } finally {
      this.busy = false;
    }
  }

  /** After save or cancel: waits for a write in flight, then removes the draft. */
  async discard(): Promise<void> {
    this.discarded = true;
    this.next = null;
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 5));
    await getDb().settings.delete(this.key);
  }
}
