/**
 * STUB (contract) — owned by the statistics/export helper: the current view as an A4 PNG with
 * legend, scale bar, north arrow and attribution.
 */
import type { Map } from 'maplibre-gl';

export interface MapImageOptions {
  language: 'zh' | 'en';
}

export async function exportMapImage(_map: Map, _options: MapImageOptions): Promise<Blob> {
  throw new Error('not built yet');
}
