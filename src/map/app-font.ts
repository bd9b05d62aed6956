/**
 * The font the page and the map draw with, chosen once at start: the device's own CJK font when it
 * has one (nothing fetched), otherwise the Noto Sans SC subset shipped with the app, registered and
 * its download started at once — every label and panel needs it, and the first frame waits for it.
 *
 * The app (src/main.tsx) and the first-render bench's bare MapLibre page (bench/pages/bare.ts) both
 * take their font from here, so the benchmark compares them on the same font path.
 */
import { family, registerFontFaces, styleFontFaces } from 'virtual:app-font';
import { canvasDrawsSimplifiedChinese } from './cjk-font-detection.ts';
import { appFontFamilies, cssFontFamily, mapStyleFont } from './font-choice.ts';
import type { MapStyleFont } from './style-common.ts';

export interface AppFont {
  /** `system`: the device's CJK font draws everything; `shipped`: the subset shipped with the app does. */
  source: 'system' | 'shipped';
  /** For the map style (src/map/style.ts). */
  map: MapStyleFont;
  /** A CSS `font-family` list for the panels, without the generic family. */
  css: string;
}

let chosen: AppFont | undefined;

/** Measures once per page: after the shipped faces are registered, a second measurement would see them. */
export function chooseAppFont(): AppFont {
  if (chosen) return chosen;
  const families = appFontFamilies(family);
  const system = canvasDrawsSimplifiedChinese(families);
  if (!system) {
    const [subset] = registerFontFaces();
    // A failed download is not this module's to report: MapLibre names the file it could not load.
    subset?.load().catch(() => undefined);
  }
  chosen = {
    source: system ? 'system' : 'shipped',
    map: mapStyleFont({ family, faces: styleFontFaces }, system),
    css: cssFontFamily(families),
  };
  return chosen;
}
