/**
 * The font the page and the map draw with, chosen once at start: the device's own CJK font when it
 * has one (nothing fetched), otherwise the Noto Sans SC subset shipped with the app, registered and
 * its download started at once — every label and panel needs it, and the first frame waits for it.
 *
 * The files' list and ranges (`virtual:app-font-faces`, ~12 KB gz) are imported only in the second
 * case: on a device with a CJK font, the typical one, they would be the largest module of the first
 * load and draw nothing.
 *
 * The app (src/main.tsx) and the first-render bench's bare MapLibre page (bench/pages/bare.ts) both
 * take their font from here, so the benchmark compares them on the same font path.
 */
import { family } from 'virtual:app-font';
import { canvasDrawsSimplifiedChinese } from './cjk-font-detection.ts';
import { appFontFamilies, cssFontFamily, mapStyleFont } from './font-choice.ts';
import type { MapStyleFont } from './style-common.ts';

export interface AppFont {
  /** `system`: the device's CJK font draws everything; `shipped`: the subset shipped with the app does. */
  source: 'system' | 'shipped';
  /**
   * For the map style (src/map/style.ts). Settled at once on a device with a CJK font; otherwise
   * once the faces module is here (the subset's download starts then). Never rejects.
   */
  map: Promise<MapStyleFont>;
  /** A CSS `font-family` list for the panels, without the generic family. */
  css: string;
}

let chosen: AppFont | undefined;

/** Measures once per page: after the shipped faces are registered, a second measurement would see them. */
export function chooseAppFont(): AppFont {
  if (chosen) return chosen;
  const families = appFontFamilies(family);
  const system = canvasDrawsSimplifiedChinese(families);
  chosen = {
    source: system ? 'system' : 'shipped',
    map: system ? Promise.resolve(mapStyleFont({ family, faces: [] }, true)) : shippedMapFont(),
    css: cssFontFamily(families),
  };
  return chosen;
}

async function shippedMapFont(): Promise<MapStyleFont> {
  try {
    const faces = await import('virtual:app-font-faces');
    const [subset] = faces.registerFontFaces();
    // A failed download is not this module's to report: MapLibre names the file it could not load.
    subset?.load().catch(() => undefined);
    return mapStyleFont({ family, faces: faces.styleFontFaces }, false);
  } catch (error) {
    // A map whose Chinese labels may draw as boxes beats no map: the panels, the Latin labels and
    // every click still work. (The list fails to load only offline before the app was cached.)
    console.warn('The shipped font files could not be set up; labels use the system fonts:', error);
    return mapStyleFont({ family, faces: [] }, true);
  }
}
