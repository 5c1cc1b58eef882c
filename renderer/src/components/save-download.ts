import type { Download } from '../../../shared/domain/customer-import.js';

/** Saves a file the core made (an export, a report) the way a browser saves a download; Electron's shell does the same with it. */
export function saveDownload(file: Download): void {
  const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // The click has handed the blob to the download; the address is no longer needed.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
