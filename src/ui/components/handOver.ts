// Hands a bundle file to the user: the share sheet where the browser can share files (Bluetooth, messaging),
// a download otherwise.
import { BUNDLE_MIME } from '../../domain/bundle/format.ts';
import { downloadBlob } from './download.ts';

export async function handOver(bytes: Uint8Array<ArrayBuffer>, fileName: string): Promise<void> {
  const file = new File([bytes], fileName, { type: BUNDLE_MIME });
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: fileName });
      return;
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') return;
    }
  }
  downloadBlob(file, fileName);
}
