/**
 * Which style layers draw the opened `.pmtiles` archives. Dependency-free, so the pointer (which
 * must let a parcel click show the parcel only, not also the district under it) can ask without
 * loading the pmtiles reader.
 */
export function pmtilesLayerIds(id: string): { fill: string; outline: string } {
  return { fill: `${id}-fill`, outline: `${id}-outline` };
}

/** The fill layers now on the map, one per drawn archive (added and removed by pmtiles-layer.ts). */
export const shownPmtilesFillLayers = new Set<string>();
