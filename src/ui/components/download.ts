// Hands a blob to the browser as a file download (backups, exports).
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The browser reads the blob asynchronously; free it once the download surely started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
