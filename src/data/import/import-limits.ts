/**
 * Limits checked before a file is read, so a file far too large for a browser tab is refused with
 * a message instead of exhausting memory. A 200 MB GeoJSON becomes several times that as parsed
 * objects; beyond it a phone (and many laptops) kill the tab.
 */

/** Largest file accepted, in bytes. */
export const MAXIMUM_FILE_BYTES = 200 * 1024 * 1024;

/** Largest total of the unzipped members of a Shapefile zip that are read (.shp, .dbf, .prj, .cpg). */
export const MAXIMUM_UNZIPPED_BYTES = 400 * 1024 * 1024;

/** A zip member more than this many times larger than its compressed bytes is taken for a zip bomb. */
export const MAXIMUM_COMPRESSION_RATIO = 200;

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** The message for a file over the limit, or null when it may be read. */
export function fileSizeProblem(fileName: string, sizeBytes: number, limitBytes = MAXIMUM_FILE_BYTES): string | null {
  if (sizeBytes <= limitBytes) return null;
  return `${fileName}: the file is ${formatMegabytes(sizeBytes)}, more than the ${formatMegabytes(limitBytes)} a browser tab can import (文件过大)`;
}
