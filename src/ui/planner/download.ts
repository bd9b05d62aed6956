/** Hands a Blob to the browser as a download; nothing leaves the page. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The click has handed the URL to the download manager; revoking later keeps slow browsers safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
