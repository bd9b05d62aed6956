/**
 * What the pointer means on the zone map: hovering a feature lights it and turns the cursor into a
 * hand; a click or tap selects the feature under it (the planner's imported features first, since
 * they lie on top), asks which one was meant when several markers overlap, or clears the selection
 * on empty map. While a shape is being drawn, the pointer belongs to the drawing. A parcel of an
 * opened `.pmtiles` archive answers for itself (its popup): the dataset beneath it stays quiet.
 */
import type { Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';
import type { FeatureReference, Manifest } from '../data/dataset-types.ts';
import { interactiveStyleLayerIds, manifestLayerIdOf } from './style.ts';
import { isStyleEditable } from './editable-map.ts';
import { shownPmtilesFillLayers } from './pmtiles-layer-ids.ts';
import type { UserFeatureHit } from './user-layers.ts';

/** How far from the pointer a feature still counts as under it, in CSS pixels (a finger is wide). */
export const TAP_TOLERANCE_PX = 4;

export interface PointerCallbacks {
  onFeatureClick: (feature: FeatureReference | null) => void;
  onFeaturesChoice?: ((features: FeatureReference[], at: { x: number; y: number }) => void) | undefined;
  onImportedFeatureClick?: ((hit: UserFeatureHit | null) => void) | undefined;
}

/** The planner's map tools, once loaded: they take the pointer while drawing, and answer first. */
export interface PointerPlannerTools {
  isDrawing: () => boolean;
  importedFeatureAt: (x: number, y: number, tolerancePx: number) => UserFeatureHit | null;
}

export interface PointerInteractionOptions {
  map: MapLibreMap;
  manifest: Manifest;
  callbacks: PointerCallbacks;
  planner: () => PointerPlannerTools | null;
  /** Lights or unlights the hovered feature (the map keeps the selection's state itself). */
  setHovered: (reference: FeatureReference | null, hovered: boolean) => void;
}

function referenceOf(feature: MapGeoJSONFeature): FeatureReference | null {
  const featureId = feature.properties['id'];
  if (typeof featureId !== 'string') return null;
  return { layerId: manifestLayerIdOf(feature.layer.id), featureId };
}

function sameReference(first: FeatureReference | null, second: FeatureReference | null): boolean {
  return first?.featureId === second?.featureId && first?.layerId === second?.layerId;
}

/** Listens to the map's pointer events; returns the function that stops listening. */
export function connectPointerInteraction({
  map,
  manifest,
  callbacks,
  planner,
  setHovered,
}: PointerInteractionOptions): () => void {
  const interactiveLayers = manifest.layers.flatMap(interactiveStyleLayerIds);
  const pointLayerIds = new Set(manifest.layers.filter((layer) => layer.geometry === 'point').map((layer) => layer.id));
  let hovered: FeatureReference | null = null;
  let overArchiveBefore = false;

  function visibleInteractiveLayers(): string[] {
    return interactiveLayers.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none');
  }

  /** Whether an opened archive's parcel is drawn at the pixel (its fill layer answers clicks there). */
  function archiveFeatureAt(x: number, y: number): boolean {
    const layers = [...shownPmtilesFillLayers].filter((id) => map.getLayer(id));
    return layers.length > 0 && map.queryRenderedFeatures([x, y], { layers }).length > 0;
  }

  /** Every feature under a pixel (within the tap tolerance), top first, each once. */
  function featuresAt(x: number, y: number): FeatureReference[] {
    const hits = map.queryRenderedFeatures(
      [
        [x - TAP_TOLERANCE_PX, y - TAP_TOLERANCE_PX],
        [x + TAP_TOLERANCE_PX, y + TAP_TOLERANCE_PX],
      ],
      { layers: visibleInteractiveLayers() },
    );
    const found: FeatureReference[] = [];
    for (const hit of hits) {
      const reference = referenceOf(hit);
      if (reference && !found.some((held) => sameReference(held, reference))) found.push(reference);
    }
    return found;
  }

  const onMove = (event: { point: { x: number; y: number } }): void => {
    // Without a style (a lost WebGL context, a style being rebuilt) there is nothing to point at.
    if (!isStyleEditable(map) || planner()?.isDrawing()) return;
    const overArchive = archiveFeatureAt(event.point.x, event.point.y);
    const reference = overArchive ? null : (featuresAt(event.point.x, event.point.y)[0] ?? null);
    if (sameReference(reference, hovered) && overArchive === overArchiveBefore) return;
    overArchiveBefore = overArchive;
    setHovered(hovered, false);
    hovered = reference;
    setHovered(hovered, true);
    const overImported = !reference && planner()?.importedFeatureAt(event.point.x, event.point.y, TAP_TOLERANCE_PX);
    map.getCanvas().style.cursor = reference || overImported || overArchive ? 'pointer' : '';
  };
  const onLeave = (): void => {
    setHovered(hovered, false);
    hovered = null;
  };
  const onClick = (event: { point: { x: number; y: number } }): void => {
    if (!isStyleEditable(map)) return;
    const tools = planner();
    // While a shape is being drawn or edited the click is a vertex, not a question about the map.
    if (tools?.isDrawing()) return;
    // The planner's own layers lie above the dataset, so they answer first.
    const importedHit = tools?.importedFeatureAt(event.point.x, event.point.y, TAP_TOLERANCE_PX) ?? null;
    callbacks.onImportedFeatureClick?.(importedHit);
    if (importedHit) {
      callbacks.onFeatureClick(null);
      return;
    }
    // A parcel of an opened archive shows its own popup; the district under it is not the question.
    if (archiveFeatureAt(event.point.x, event.point.y)) {
      callbacks.onFeatureClick(null);
      return;
    }
    const found = featuresAt(event.point.x, event.point.y);
    // Markers drawn on top of each other: a click cannot say which was meant, so the visitor does.
    // Areas under a marker are not offered; they are what the marker sits in, not a rival for it.
    const markers = found.filter((reference) => pointLayerIds.has(reference.layerId));
    if (markers.length > 1 && callbacks.onFeaturesChoice) {
      callbacks.onFeaturesChoice(markers, { x: event.point.x, y: event.point.y });
      return;
    }
    callbacks.onFeatureClick(found[0] ?? null);
  };

  map.on('mousemove', onMove);
  map.on('click', onClick);
  const canvas = map.getCanvas();
  canvas.addEventListener('mouseleave', onLeave);
  return () => {
    map.off('mousemove', onMove);
    map.off('click', onClick);
    canvas.removeEventListener('mouseleave', onLeave);
  };
}
