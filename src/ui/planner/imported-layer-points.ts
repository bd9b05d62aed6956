/**
 * Reads an imported layer's features back from the import worker (as its GeoJSON export: WGS84,
 * in file order, so feature i is the map's feature i) for the trip's "add to trip" buttons.
 */
import type { FeatureCollection } from 'geojson';
import { exportImportedLayer } from '../../state/imported-layers-store.ts';

export async function loadImportedLayerCollection(layerId: string): Promise<FeatureCollection> {
  const collection = JSON.parse(await (await exportImportedLayer(layerId)).text()) as FeatureCollection;
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new Error('not a FeatureCollection');
  return collection;
}
