/**
 * `virtual:app-font-faces` (and `virtual:app-font`, its family name alone): Noto Sans SC subset to
 * the characters the app and its dataset use, shipped from the app's own origin, with the
 * per-range files of `@fontsource/noto-sans-sc` as lazily loaded fallbacks for characters in
 * users' files. Runs at build and when the dev server starts.
 *
 * Why a subset: the full simplified-Chinese file is 1.1 MB, most of the first-load budget; the
 * app's own text needs a few hundred characters. Why fallbacks: a planner's file may name a place
 * with a character the subset lacks, and the test machines have no CJK font to fall back on.
 *
 * Most devices have a CJK font of their own, and then nothing here is fetched: the app imports
 * the faces module and registers them (`registerFontFaces()`) only where src/map/app-font.ts finds
 * none. It registers them with the CSS Font Loading API (`document.fonts.add`) rather than an inline `<style>`: the built
 * page's CSP has no 'unsafe-inline' for styles, and a `FontFace` with `unicodeRange` is the same
 * lazy, per-range loading that `@font-face` gives. For the same reason the page carries no
 * `<link rel="preload">` for the subset: the app starts that download itself, when it is needed.
 *
 * The subset's `unicodeRange` lists exactly the characters it holds and each fallback's range has
 * those carved out, so no two faces overlap: the browser and MapLibre's `font-faces` (which takes
 * the first declared file whose range covers a character, and treats a file with no range as
 * covering everything) pick the same file for every character.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import type { Plugin, ResolvedConfig } from 'vite';
import {
  codePointsToIntervals,
  parseUnicodeRange,
  intervalsContain,
  subtractCodePoints,
  type CodePointInterval,
} from './unicode-ranges.ts';
import { ALWAYS_INCLUDED_RANGES, collectUsedCharacters } from './used-characters.ts';

function isAlwaysIncluded(codePoint: number): boolean {
  return ALWAYS_INCLUDED_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end);
}

export const APP_FONT_MODULE_ID = 'virtual:app-font';
export const APP_FONT_FACES_MODULE_ID = 'virtual:app-font-faces';
const RESOLVED_ID = '\0' + APP_FONT_MODULE_ID;
const RESOLVED_FACES_ID = '\0' + APP_FONT_FACES_MODULE_ID;

export const APP_FONT_FAMILY = 'Noto Sans SC';
const FONTSOURCE_PACKAGE = '@fontsource/noto-sans-sc';
/** The one file in the package that holds all of simplified Chinese (GB2312-ish, ~7 900 chars) plus Latin. */
const SUBSET_SOURCE_FILE = 'files/noto-sans-sc-chinese-simplified-400-normal.woff2';
/** The package's stylesheet for weight 400: ~100 range-split files, with their `unicode-range`s. */
const FALLBACK_STYLESHEET = '400.css';
const SUBSET_FILE_NAME = 'noto-sans-sc-subset.woff2';

export interface FallbackFace {
  /** Module specifier Vite resolves to the file: `@fontsource/noto-sans-sc/files/….woff2` or an absolute path. */
  specifier: string;
  intervals: CodePointInterval[];
}

export interface AppFontBuild {
  /** Absolute path of the subset woff2, written under node_modules/.cache/app-font/<digest>/. */
  subsetFile: string;
  subsetBytes: number;
  subsetIntervals: CodePointInterval[];
  /** Bytes of the supplement files (characters of the app's text the subset source lacks). */
  supplementBytes: number;
  /** Characters wanted that neither the subset nor a supplement holds: drawn from the fallbacks. */
  missingCodePoints: number[];
  /** Supplements first (tiny, exact ranges), then the package's range files with covered characters carved out. */
  fallbacks: FallbackFace[];
}

/** Reads `400.css` of the fontsource package into (file, ranges) pairs, in stylesheet order. */
export function parseFontsourceStylesheet(css: string): { file: string; intervals: CodePointInterval[] }[] {
  const faces: { file: string; intervals: CodePointInterval[] }[] = [];
  for (const block of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const body = block[1] ?? '';
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)?.[1];
    const rangeText = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    if (!file || !rangeText) continue;
    const intervals = rangeText.split(',').map((entry) => {
      const interval = parseUnicodeRange(entry);
      if (!interval)
        throw new Error(`${FONTSOURCE_PACKAGE}/${FALLBACK_STYLESHEET}: bad unicode-range "${entry}" for ${file}`);
      return interval;
    });
    faces.push({ file, intervals });
  }
  return faces;
}

/** Subsets the font and works out the fallbacks. Separate from the plugin so a test can call it. */
/** Writes a generated font under node_modules/.cache/app-font/<digest>/, named for Vite's asset names. */
function writeCachedFont(root: string, name: string, bytes: Uint8Array): string {
  const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const directory = join(root, 'node_modules', '.cache', 'app-font', digest);
  const file = join(directory, name);
  mkdirSync(directory, { recursive: true });
  // Two builds may run at once (e2e and a developer): write aside, then rename atomically.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
  return file;
}

/** Subsets a woff2 and reads back which characters the result really maps. */
async function subsetToCharacters(font: Uint8Array, codePoints: readonly number[]) {
  const bytes = await subsetFont(font, String.fromCodePoint(...codePoints), { targetFormat: 'woff2' });
  try {
    return { bytes, characters: new Set(fontkit.create(bytes).characterSet) };
  } catch {
    // None of the characters was in the font: harfbuzz leaves no cmap for fontkit to read.
    return { bytes, characters: new Set<number>() };
  }
}

/** Subsets the font and works out the fallbacks. Separate from the plugin so a test can call it. */
export async function buildAppFont(root: string): Promise<AppFontBuild> {
  const require = createRequire(join(root, 'package.json'));
  const packageDirectory = dirname(require.resolve(`${FONTSOURCE_PACKAGE}/package.json`));
  const source = readFileSync(join(packageDirectory, SUBSET_SOURCE_FILE));
  const sourceCharacters = new Set(fontkit.create(source).characterSet);

  const used = collectUsedCharacters({ root });
  const wanted = [...used.codePoints].filter((codePoint) => sourceCharacters.has(codePoint));

  // Ranges come from what a subset really maps, not what was asked for, so a range never
  // promises a glyph the file lacks (MapLibre would then draw a box from the system font).
  const subset = await subsetToCharacters(source, wanted);
  const covered = new Set(subset.characters);
  const subsetFile = writeCachedFont(root, SUBSET_FILE_NAME, subset.bytes);

  const stylesheetFaces = parseFontsourceStylesheet(readFileSync(join(packageDirectory, FALLBACK_STYLESHEET), 'utf8'));

  // Characters the app's own text uses (≈ → ≥ in labels) that the simplified-Chinese file lacks:
  // cut them out of the range file that has them, so a first render never waits on a 20-30 KB
  // fallback file for one arrow.
  const supplements: FallbackFace[] = [];
  let supplementBytes = 0;
  const stillMissing = new Set([...used.textCodePoints].filter((codePoint) => !covered.has(codePoint)));
  for (const face of stylesheetFaces) {
    const needed = [...stillMissing].filter((codePoint) => intervalsContain(face.intervals, codePoint));
    if (needed.length === 0) continue;
    const supplement = await subsetToCharacters(readFileSync(join(packageDirectory, face.file)), needed);
    const held = [...supplement.characters].filter((codePoint) => needed.includes(codePoint));
    if (held.length === 0) continue;
    for (const codePoint of held) {
      stillMissing.delete(codePoint);
      covered.add(codePoint);
    }
    const file = writeCachedFont(
      root,
      `noto-sans-sc-subset-supplement-${supplements.length + 1}.woff2`,
      supplement.bytes,
    );
    supplements.push({ specifier: file, intervals: codePointsToIntervals(held) });
    supplementBytes += supplement.bytes.byteLength;
  }

  // Control characters are never drawn, but MapLibre asks for a glyph for the `\n` of a
  // two-line label: left in the Latin file's range, that alone would fetch 13 KB at first render.
  const neverDrawn = new Set(covered);
  for (let codePoint = 0; codePoint < 0x20; codePoint++) neverDrawn.add(codePoint);
  for (let codePoint = 0x7f; codePoint < 0xa0; codePoint++) neverDrawn.add(codePoint);
  const fallbacks = stylesheetFaces
    .map(({ file, intervals }) => ({
      specifier: `${FONTSOURCE_PACKAGE}/${file}`,
      intervals: subtractCodePoints(intervals, neverDrawn),
    }))
    .filter((face) => face.intervals.length > 0);

  return {
    subsetFile,
    subsetBytes: subset.bytes.byteLength,
    subsetIntervals: codePointsToIntervals(subset.characters),
    supplementBytes,
    missingCodePoints: [...used.codePoints].filter((codePoint) => !covered.has(codePoint)),
    fallbacks: [...supplements, ...fallbacks],
  };
}

/**
 * Ranges packed for the browser bundle, where the ~100 fallback files' ranges would otherwise cost
 * ~65 KB: each interval as base-36 `gap` (from the previous end) and, if longer than one
 * codepoint, `+length`; `DECODE_RANGES_SOURCE` in the generated module turns them back into `U+…` entries.
 */
export function encodeRanges(intervals: readonly CodePointInterval[]): string {
  let previousEnd = 0;
  return intervals
    .map((interval) => {
      const gap = (interval.start - previousEnd).toString(36);
      const length = interval.end - interval.start;
      previousEnd = interval.end;
      return length === 0 ? gap : `${gap}+${length.toString(36)}`;
    })
    .join(',');
}

/**
 * The inverse of `encodeRanges`, as JavaScript source for the generated module (a string, not a
 * function's `toString()`, which a transpiler may have decorated with helpers the page lacks).
 */
export const DECODE_RANGES_SOURCE = `(encoded) => {
  let previousEnd = 0;
  return encoded.split(',').map((entry) => {
    const [gap, length = '0'] = entry.split('+');
    const start = previousEnd + parseInt(gap, 36);
    previousEnd = start + parseInt(length, 36);
    return previousEnd === start ? 'U+' + start.toString(16) : 'U+' + start.toString(16) + '-' + previousEnd.toString(16);
  });
}`;

/** `virtual:app-font`: the family name alone, for every device (the panels' and charts' font lists). */
function familyModuleSource(): string {
  return `export const family = ${JSON.stringify(APP_FONT_FAMILY)};\n`;
}

/**
 * `virtual:app-font-faces`: the files and their ranges. Only a device without a CJK font of its own
 * imports it; on every other device its ~12 KB gz of ranges (and decoding them) stayed out of the
 * first load, where they had been the largest module of the entry chunk.
 */
function facesModuleSource(font: AppFontBuild): string {
  const imports = [
    `import { family } from ${JSON.stringify(APP_FONT_MODULE_ID)};`,
    `import subsetUrl from ${JSON.stringify(font.subsetFile + '?url')};`,
  ];
  const fallbackEntries: string[] = [];
  font.fallbacks.forEach((face, index) => {
    imports.push(`import fallback${index} from ${JSON.stringify(face.specifier + '?url')};`);
    fallbackEntries.push(`[fallback${index}, ${JSON.stringify(encodeRanges(face.intervals))}]`);
  });
  return `${imports.join('\n')}
const expand = ${DECODE_RANGES_SOURCE};
export const url = subsetUrl;
export const unicodeRange = expand(${JSON.stringify(encodeRanges(font.subsetIntervals))});
export const fallbacks = [
${fallbackEntries.join(',\n')}
].map(([fallbackUrl, compact]) => ({ url: fallbackUrl, unicodeRange: expand(compact) }));
export const styleFontFaces = [{ url, 'unicode-range': unicodeRange }].concat(
  fallbacks.map((fallback) => ({ url: fallback.url, 'unicode-range': fallback.unicodeRange })),
);
let registered;
export function registerFontFaces() {
  if (registered) return registered;
  registered = [];
  if (typeof document === 'undefined' || typeof FontFace === 'undefined' || !document.fonts) return registered;
  for (const face of [{ url, unicodeRange }].concat(fallbacks)) {
    const fontFace = new FontFace(family, 'url("' + face.url + '") format("woff2")', {
      unicodeRange: face.unicodeRange.join(','), weight: '400', style: 'normal', display: 'swap',
    });
    document.fonts.add(fontFace);
    registered.push(fontFace);
  }
  return registered;
}
`;
}

export interface AppFontPluginOptions {
  /** Where src/, index.html and geodata/ are; the Vite root unless a page elsewhere (bench/pages) is built. */
  projectRoot?: string;
}

/** Vite plugin providing `virtual:app-font` and `virtual:app-font-faces` (see src/virtual-modules.d.ts). */
export function appFontPlugin(options: AppFontPluginOptions = {}): Plugin {
  let config: ResolvedConfig;
  let pending: Promise<AppFontBuild> | undefined;
  return {
    name: 'luzhou:app-font',
    configResolved(resolved) {
      config = resolved;
    },
    resolveId(id) {
      if (id === APP_FONT_MODULE_ID) return RESOLVED_ID;
      return id === APP_FONT_FACES_MODULE_ID ? RESOLVED_FACES_ID : undefined;
    },
    async load(id) {
      if (id === RESOLVED_ID) return familyModuleSource();
      if (id !== RESOLVED_FACES_ID) return undefined;
      pending ??= buildAppFont(options.projectRoot ?? config.root);
      const font = await pending;
      const missingFromText = font.missingCodePoints.filter((codePoint) => !isAlwaysIncluded(codePoint));
      if (missingFromText.length > 0) {
        config.logger.warn(
          `[app-font] used in src/ or geodata/ but in no Noto Sans SC file, so drawn by the system font: ${String.fromCodePoint(...missingFromText)}`,
        );
      }
      config.logger.info(
        `[app-font] ${APP_FONT_FAMILY} subset: ${font.subsetBytes} bytes + ${font.supplementBytes} in supplements, ` +
          `${font.subsetIntervals.length} ranges, ${font.fallbacks.length} fallback files`,
      );
      return facesModuleSource(font);
    },
  };
}
