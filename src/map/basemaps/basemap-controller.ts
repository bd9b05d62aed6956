/**
 * Loaded after the first frame (connect-basemaps.ts): reads the link and the remembered choice,
 * keeps `basemap=` in the address bar, and loads the drawing code (basemap-layers.ts, pmtiles,
 * the Protomaps layers) only when a basemap is chosen.
 */
import { effect } from '@preact/signals';
import type { Map } from 'maplibre-gl';
import { language } from '../../i18n/index.ts';
import {
  NO_BASEMAP,
  activeBasemapId,
  basemapById,
  basemapProblem,
  connectBasemapUrl,
  initialiseBasemapChoice,
  probeLocalArchive,
  tiandituKey,
  withdrawBasemap,
} from '../../state/basemap-choice.ts';
import type { BasemapLayers } from './basemap-layers.ts';

export function startBasemaps(map: Map, fontFamily: string): () => void {
  initialiseBasemapChoice(window.location.search);
  const stopUrl = connectBasemapUrl();
  let stopped = false;
  let layers: Promise<BasemapLayers> | null = null;

  const stopDrawing = effect(() => {
    const id = activeBasemapId.value;
    const labelLanguage = language.value;
    if (id === NO_BASEMAP && !layers) return;
    layers ??= import('./basemap-layers.ts').then(({ createBasemapLayers }) =>
      createBasemapLayers(map, fontFamily, {
        onFailure: (kind, removed) => {
          if (removed) withdrawBasemap(kind);
          else basemapProblem.value = kind;
        },
      }),
    );
    const basemap = basemapById(id) ?? null;
    layers
      .then((drawing) =>
        stopped
          ? undefined
          : drawing.show(basemap, {
              language: labelLanguage,
              key: basemap?.kind === 'raster' && basemap.key ? tiandituKey() : null,
            }),
      )
      .catch((error: unknown) => {
        // Never the error object itself: a tile URL in it would carry the key.
        console.warn('The basemap could not be drawn:', error instanceof Error ? error.name : 'unknown error');
        basemapProblem.value = 'tiles-failed';
      });
  });

  // Whether the deployer put an archive in the site: asked once, now that the first frame is drawn.
  void probeLocalArchive(new URL(import.meta.env.BASE_URL, window.location.href).href);

  return () => {
    stopped = true;
    stopDrawing();
    stopUrl();
    void layers?.then((drawing) => drawing.destroy());
  };
}
