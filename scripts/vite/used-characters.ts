/**
 * Which characters the app can show without a user's file: every character in its source, its
 * page and its dataset, plus the Latin and punctuation any label or number may use. The font
 * plugin subsets Noto Sans SC to this set; the browser test checks the built font covers it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Characters any text may need even if no source file spells them out today. */
export const ALWAYS_INCLUDED_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0xff], // Latin-1: ° ± ² ³ · × and accented names
  [0x2010, 0x2027], // dashes, quotes, ellipsis, bullet
  [0x2030, 0x203a], // ‰ ′ ″ ‹ ›
  [0x2190, 0x2193], // arrows in directions and legends
  [0x2212, 0x2212], // minus sign
  [0x2248, 0x2248], // ≈
  [0x2264, 0x2265], // ≤ ≥
  [0x3000, 0x303f], // CJK punctuation: 、。「」《》【】〜
  [0xff01, 0xff5e], // full-width forms: ，：；（）！？％
];

export interface UsedCharacterSources {
  /** Project root; the other paths are relative to it. */
  root: string;
  sourceDirectory?: string;
  indexHtml?: string;
  geodataDirectory?: string;
}

export interface UsedCharacters {
  /** The text's characters plus `ALWAYS_INCLUDED_RANGES`. */
  codePoints: Set<number>;
  /** Only the characters the files spell out. */
  textCodePoints: Set<number>;
  /** Files read, relative to the root: what a dev server should watch. */
  files: string[];
}

function listFiles(directory: string, accept: (path: string) => boolean): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(accept)
    .sort();
}

/** Source may write a character as `\u6cf8` or `\u{6cf8}`; count those as the character itself. */
function addEscapedCodePoints(text: string, into: Set<number>): void {
  for (const match of text.matchAll(/\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})/g)) {
    const codePoint = parseInt(match[1] ?? match[2] ?? '', 16);
    if (Number.isFinite(codePoint)) into.add(codePoint);
  }
}

function addText(text: string, into: Set<number>): void {
  for (const character of text) {
    const codePoint = character.codePointAt(0);
    if (codePoint !== undefined && codePoint >= 0x20) into.add(codePoint);
  }
  addEscapedCodePoints(text, into);
}

/** Every codepoint the app's own text and dataset use, plus `ALWAYS_INCLUDED_RANGES`. */
export function collectUsedCharacters(sources: UsedCharacterSources): UsedCharacters {
  const root = sources.root;
  const sourceFiles = listFiles(
    join(root, sources.sourceDirectory ?? 'src'),
    // Test strings are never shown to a user, and hostile ones would bloat the subset.
    (path) => /\.(ts|tsx)$/.test(path) && !/\.test\.tsx?$/.test(path),
  );
  const indexHtml = join(root, sources.indexHtml ?? 'index.html');
  const dataFiles = listFiles(join(root, sources.geodataDirectory ?? 'geodata'), (path) =>
    /\.(json|geojson)$/.test(path),
  );
  const files = [...sourceFiles, ...(existsSync(indexHtml) ? [indexHtml] : []), ...dataFiles];

  const textCodePoints = new Set<number>();
  for (const file of files) addText(readFileSync(file, 'utf8'), textCodePoints);
  const codePoints = new Set(textCodePoints);
  for (const [start, end] of ALWAYS_INCLUDED_RANGES) {
    for (let codePoint = start; codePoint <= end; codePoint++) codePoints.add(codePoint);
  }
  return { codePoints, textCodePoints, files: files.map((file) => relative(root, file)) };
}

/** The codepoints of the dataset alone (`geodata/**`), for the test that the font covers them. */
export function collectDatasetCharacters(root: string, geodataDirectory = 'geodata'): Set<number> {
  const codePoints = new Set<number>();
  for (const file of listFiles(join(root, geodataDirectory), (path) => /\.(json|geojson)$/.test(path))) {
    addText(readFileSync(file, 'utf8'), codePoints);
  }
  return codePoints;
}
