// Handing a file the server built to the browser's downloads, under the server's file name.
import { download } from '../api/client';

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GETs `path` (errors become ApiError) and saves it; `fallback` names it when the server does not. */
export async function downloadFile(path: string, fallback: string): Promise<void> {
  const { blob, filename } = await download(path);
  saveBlob(blob, filename ?? fallback);
}
