/**
 * Names for downloaded files. Part of a name may come from a planner's file or drawn shape, so it
 * is cut down to characters every file system accepts: no path separators, no reserved Windows
 * characters or names, no control characters, no leading dots (hidden files, `..`).
 */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f<>:"/\\|?*\u2028\u2029]+/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAXIMUM_STEM_LENGTH = 80;

/** One safe stem from the parts, joined with '-'; `fallback` when nothing usable is left. */
export function safeFileStem(parts: readonly string[], fallback: string): string {
  const joined = parts
    .map((part) => part.normalize('NFC').replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim())
    .filter((part) => part.length > 0)
    .join('-');
  // Code points, not UTF-16 units: cutting a surrogate pair in half would leave an invalid name.
  const shortened = Array.from(joined).slice(0, MAXIMUM_STEM_LENGTH).join('');
  const stem = shortened.replace(/^[.\s-]+/, '').replace(/[.\s-]+$/, '');
  if (stem.length === 0 || WINDOWS_RESERVED.test(stem)) return fallback;
  return stem;
}

/** A whole file name: a safe stem and the given extension (without its dot). */
export function safeFileName(parts: readonly string[], extension: string, fallback = 'export'): string {
  return `${safeFileStem(parts, fallback)}.${extension}`;
}

/** A file name without its extension, for names built from an imported file's name. */
export function withoutExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}
