/**
 * A bubble on the map stands for several places too close to tell apart at this zoom
 * (src/map/style-places.ts). A click or tap on one zooms in until they separate, centred on it, and
 * answers nothing else: the area under the bubble does not open, and no place is guessed.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { isStyleEditable } from './editable-map.ts';
import type { Manifest } from '../data/dataset-types.ts';
import { clusterStyleLayerIds } from './style.ts';

/** The zoom the camera moves to: where the bubble splits, at least one step closer, within the map's range. */
export function bubbleZoomTarget(expansionZoom: number, currentZoom: number, maximumZoom: number): number {
  return Math.min(maximumZoom, Math.max(expansionZoom, Math.floor(currentZoom) + 1));
}

/**
 * Listens for clicks on bubbles before MapLibre sees them (capture phase on the map's container),
 * so the map's own click handling never also selects what lies beneath. Returns the function that
 * stops listening.
 */
export function connectPlaceBubbles(map: MapLibreMap, manifest: Manifest): () => void {
  const bubbleLayers = manifest.layers.flatMap(clusterStyleLayerIds).filter((id) => id.endsWith(':cluster'));
  const container = map.getCanvasContainer();
  const onClick = (event: MouseEvent): void => {
    // While the WebGL context is lost there is no style to query (getLayer would throw).
    if (!isStyleEditable(map)) return;
    const visible = bubbleLayers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
    if (visible.length === 0) return;
    const bounds = container.getBoundingClientRect();
    const point: [number, number] = [event.clientX - bounds.left, event.clientY - bounds.top];
    const [bubble] = map.queryRenderedFeatures(point, { layers: visible });
    const clusterId = bubble?.properties['cluster_id'];
    if (!bubble || typeof clusterId !== 'number' || bubble.geometry.type !== 'Point') return;
    event.stopPropagation();
    const center = bubble.geometry.coordinates as [number, number];
    const source = map.getSource<GeoJSONSource>(bubble.source);
    source
      ?.getClusterExpansionZoom(clusterId)
      .then((zoom) => map.easeTo({ center, zoom: bubbleZoomTarget(zoom, map.getZoom(), map.getMaxZoom()) }))
      .catch((error: unknown) => console.warn('Could not zoom into the places:', error));
  };
  container.addEventListener('click', onClick, { capture: true });
  return () => container.removeEventListener('click', onClick, { capture: true });
}
