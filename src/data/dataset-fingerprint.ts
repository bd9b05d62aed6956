/**
 * A fingerprint of the dataset files as read: SHA-256 over each file's path and text, in path
 * order. The build measures the shipped dataset once and ships the numbers with this fingerprint;
 * the page uses them only when the files it read give the same one. A layer file replaced in a
 * built copy (which the app allows, see scripts/vite/geodata-plugin.ts) changes it, and the page
 * measures what it actually loaded instead.
 */

export type DatasetFiles = ReadonlyMap<string, string>;

/**
 * Wraps a dataset reader so every file it returns is remembered, for fingerprinting afterwards.
 * The reader stays the caller's: failures pass through untouched.
 */
export function recordingReader(readText: (relativePath: string) => Promise<string>): {
  readText: (relativePath: string) => Promise<string>;
  files: Map<string, string>;
} {
  const files = new Map<string, string>();
  return {
    files,
    readText: async (relativePath) => {
      const text = await readText(relativePath);
      files.set(relativePath, text);
      return text;
    },
  };
}

/**
 * Hex SHA-256 of the files, or null where Web Crypto's digest is unavailable (a page served over
 * plain http from a LAN address is not a secure context): the caller then measures instead.
 */
export async function datasetFingerprint(files: DatasetFiles): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const encoder = new TextEncoder();
  // Length-prefixed, so no two different file lists can produce the same byte stream.
  const parts = [...files.keys()].sort().flatMap((path) => {
    const text = files.get(path)!;
    return [`${path.length}:${path}`, `${text.length}:`, text];
  });
  const digest = await subtle.digest('SHA-256', encoder.encode(parts.join('\n')));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
