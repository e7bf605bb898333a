// "Back up everything": a bundle of every mission, its reviews and photos, counted only once it was truly written.
// Where the browser can save a file itself (File System Access API) it writes there and reads the saved file
// back; elsewhere it downloads the file and asks the user to choose the saved file back. Either way the file is
// read through the bundle reader and must hold all this device would lose (see storage/backupCoverage.ts).
import { useId, useState } from 'preact/hooks';
import { BUNDLE_MIME, isBundleError } from '../../domain/bundle/format.ts';
import { useApp } from '../appContext.ts';
import type { MessageKey } from '../i18n/catalog.ts';
import { useI18n } from '../i18n/context.tsx';
import { downloadBlob } from './download.ts';

interface WritableFile {
  write(data: Blob): Promise<void>;
  close(): Promise<void>;
}
interface SavedFileHandle {
  createWritable(): Promise<WritableFile>;
  getFile(): Promise<File>;
}
type SavePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<SavedFileHandle>;

function savePicker(): SavePicker | null {
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  return typeof picker === 'function' ? picker.bind(window) : null;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; doing: 'making' | 'checking' }
  | { kind: 'pick'; file: string }
  | { kind: 'confirmed'; file: string; missions: number; photos: number }
  /** `pick`: the downloaded file still waits to be chosen back. */
  | { kind: 'error'; message: MessageKey; pick?: string };

/** Loaded on demand: it opens every document and carries the bundle writer and reader. */
const loadBackup = () => import('../../storage/backupCoverage.ts');

export function BackupMaker({ onConfirmed }: { onConfirmed: () => void }) {
  const { t } = useI18n();
  const { profile } = useApp();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const pickHint = useId();

  /** `pick`: the downloaded file's name, offered again when the chosen file is not the right one. */
  const check = async (file: File, pick?: string) => {
    setState({ kind: 'busy', doing: 'checking' });
    try {
      const result = await (await loadBackup()).confirmBackup(file);
      if (!result.ok) {
        setState({ kind: 'error', message: 'backup.incomplete', pick });
        return;
      }
      setState({ kind: 'confirmed', file: file.name, missions: result.missions, photos: result.photos });
      onConfirmed();
    } catch (error) {
      if (isBundleError(error)) setState({ kind: 'error', message: `exchange.refusal.${error.code}`, pick });
      else {
        console.warn('backup check failed', error);
        setState({ kind: 'error', message: 'backup.failed', pick });
      }
    }
  };

  const make = async () => {
    setState({ kind: 'busy', doing: 'making' });
    try {
      const backup = await loadBackup();
      const bundle = await backup.buildBackup({
        name: profile?.name ?? '',
        deviceId: profile?.deviceId ?? 'device',
      });
      if (!bundle) {
        setState({ kind: 'error', message: 'backup.nothing' });
        return;
      }
      const blob = new Blob([bundle.bytes as Uint8Array<ArrayBuffer>], { type: BUNDLE_MIME });
      const picker = savePicker();
      if (!picker) {
        downloadBlob(blob, bundle.fileName);
        setState({ kind: 'pick', file: bundle.fileName });
        return;
      }
      let handle: SavedFileHandle;
      try {
        handle = await picker({
          suggestedName: bundle.fileName,
          types: [{ description: t('backup.fileType'), accept: { [BUNDLE_MIME]: ['.zip'] } }],
        });
      } catch (error) {
        if ((error as { name?: string }).name === 'AbortError') {
          setState({ kind: 'idle' });
          return;
        }
        throw error;
      }
      const writable = await handle.createWritable();
      await writable.write(blob);
      await writable.close();
      await check(await handle.getFile());
    } catch (error) {
      console.warn('backup failed', error);
      setState({ kind: 'error', message: 'backup.failed' });
    }
  };

  const busy = state.kind === 'busy';
  const picking = state.kind === 'pick' ? state.file : state.kind === 'error' ? (state.pick ?? null) : null;
  return (
    <div class="backup-maker">
      <p>
        <button type="button" class="button--primary" disabled={busy} onClick={() => void make()}>
          {busy && state.doing === 'making' ? t('backup.making') : t('backup.make')}
        </button>
      </p>
      {picking !== null && (
        <p class="field__hint" id={pickHint}>
          {t('backup.pickBack', { file: picking })}
        </p>
      )}
      {picking !== null && (
        <label class="field">
          <span class="field__label">{t('backup.pickLabel')}</span>
          <input
            type="file"
            accept=".zip,application/zip"
            aria-describedby={pickHint}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              if (file) void check(file, picking ?? undefined);
            }}
          />
        </label>
      )}
      {busy && state.doing === 'checking' && <p role="status">{t('backup.checking')}</p>}
      {state.kind === 'confirmed' && (
        <p class="banner banner--info" role="status">
          {t('backup.confirmed', { file: state.file, missions: state.missions, photos: state.photos })}
        </p>
      )}
      {state.kind === 'error' && (
        <p class="banner banner--error" role="status">
          {t(state.message)}
        </p>
      )}
    </div>
  );
}
