/**
 * What the first-render benchmark sorts the requests before `data-map-ready` into: kinds of file
 * for the bytes table, and the short list of what the first frame needs. Everything else that
 * loads before the first frame is an offender of the goal "nothing the visitor did not ask for":
 * it competes with MapLibre for the bandwidth and the CPU.
 *
 * The list is by name on purpose, not by following the chunks' imports: a chunk the map module
 * imports statically would then count as needed, and that is exactly the kind of chunk the goal is
 * about (the pmtiles reader once came along with the map that way).
 */

export const FONT_CATEGORY = 'font (woff2, and the list of its files)';

export const BYTE_CATEGORIES: [name: string, pattern: RegExp][] = [
  ['maplibre-gl main (zone-map / bare chunk)', /\/assets\/(zone-map|maplibre-gl|bare)-[^/]*\.js$/],
  ['maplibre-gl worker', /maplibre-gl-worker[^/]*\.mjs$/],
  ['css', /\.css$/],
  // The font's list of files and ranges comes with it, only on a device without a CJK font.
  [FONT_CATEGORY, /(\.woff2|\/_virtual_app-font-faces-[^/]*\.js)$/],
  ['geodata', /\/geodata\//],
  ['statistics (build-time JSON)', /\/zone-statistics\.json$/],
  ['statistics worker', /statistics\.worker[^/]*\.js$/],
  ['app JS (entry and its chunks)', /\/assets\/[^/]*\.js$/],
  ['html', /(\/|\.html)$/],
];

export function categoryOf(url: string): string {
  const path = new URL(url).pathname;
  return BYTE_CATEGORIES.find(([, pattern]) => pattern.test(path))?.[0] ?? 'other';
}

/**
 * Needed to draw the first frame: the page, its entry script and stylesheet (the shell), the map
 * module and maplibre-gl (main, worker, css), the dataset, the font, and the build's statistics
 * (they are on screen with the map, goal 3). Chunk names are Vite's: `<name>-<hash>.<ext>`.
 */
const NEEDED_FOR_FIRST_FRAME: [what: string, pattern: RegExp][] = [
  ['page', /^\/(index\.html|bare\.html)?$/],
  // The browser fetches these itself because the page links its web-app manifest.
  ['web-app manifest and its icon', /^\/(manifest\.webmanifest|icon\.svg)$/],
  ['entry script and stylesheet', /^\/assets\/(index|bare)-[\w-]{8}\.(js|css)$/],
  // The bundler's runtime, which the map module shares with the lazy chunks. (Everything the entry
  // imports statically is in the entry's own chunk; English, on a Chinese visit, is not needed.)
  ['the bundler runtime', /^\/assets\/rolldown-runtime-[\w-]{8}\.js$/],
  ['map module and maplibre-gl', /^\/assets\/(zone-map|maplibre-gl)-[\w-]{8}\.(js|css)$/],
  // What the map module needs besides: Turf's coordinate walker (bbox frames the first view) and
  // the check that the style takes layers (shared with the planner's map tools).
  ['its helpers', /^\/assets\/(esm|editable-map)-[\w-]{8}\.js$/],
  ['maplibre-gl worker', /^\/assets\/maplibre-gl-worker-[\w-]{8}\.mjs$/],
  ['geodata', /^\/geodata\/[^/]+$/],
  ['font and the list of its files', /(\.woff2|^\/assets\/_virtual_app-font-faces-[\w-]{8}\.js)$/],
  ['build-time statistics', /^\/zone-statistics\.json$/],
];

export function isNeededForFirstFrame(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  return NEEDED_FOR_FIRST_FRAME.some(([, pattern]) => pattern.test(parsed.pathname));
}

/** What the goal allows, for the report's own words. */
export const NEEDED_FOR_FIRST_FRAME_TEXT = NEEDED_FOR_FIRST_FRAME.map(([what]) => what).join(', ');
