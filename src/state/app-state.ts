/**
 * Everything the panels and the map agree on, as signals. Components read them; the functions
 * below are the only writers, so each change has one place to look.
 */
import { signal } from '@preact/signals';
import type { Dataset, LayerDefinition, Manifest } from '../data/dataset-types.ts';
import type { ZoneStatistics } from '../analysis/zone-statistics.ts';
import type { FeatureReference } from './feature-reference.ts';

export type DatasetState =
  | { status: 'loading' }
  | { status: 'failed'; problems: string[] }
  /** `statistics` is null while they are being computed: they wait until the map has drawn. */
  | { status: 'ready'; dataset: Dataset; statistics: ZoneStatistics | null; statisticsError?: string };

/** `starting` until the first complete frame; `unavailable` when there is no WebGL at all. */
export type MapStatus = 'starting' | 'ready' | 'unavailable' | 'context-lost';

export const datasetState = signal<DatasetState>({ status: 'loading' });
export const mapStatus = signal<MapStatus>('starting');
/** Why the map is `unavailable`: no WebGL at all, or a lost WebGL context that never came back. */
export const mapUnavailableReason = signal<'no-webgl' | 'context-failed'>('no-webgl');
export const layerVisibility = signal<Readonly<Record<string, boolean>>>({});
export const selectedFeature = signal<FeatureReference | null>(null);
export const overviewOpen = signal<boolean>(true);
/** The table of every feature over the map: for keyboards, screen readers and searching by source. */
export const listOpen = signal<boolean>(false);

export function initialLayerVisibility(manifest: Manifest): Record<string, boolean> {
  return Object.fromEntries(manifest.layers.map((layer) => [layer.id, layer.visible]));
}

export function withLayerToggled(
  visibility: Readonly<Record<string, boolean>>,
  layerId: string,
): Readonly<Record<string, boolean>> {
  return { ...visibility, [layerId]: !visibility[layerId] };
}

export function setDatasetReady(dataset: Dataset, statistics: ZoneStatistics | null = null): void {
  layerVisibility.value = initialLayerVisibility(dataset.manifest);
  datasetState.value = { status: 'ready', dataset, statistics };
}

export function setStatistics(statistics: ZoneStatistics): void {
  const current = datasetState.value;
  if (current.status === 'ready') datasetState.value = { ...current, statistics };
}

/** Measuring failed outright: the map and the stated figures stay, with the reason beside them. */
export function setStatisticsFailed(reason: string): void {
  const current = datasetState.value;
  if (current.status === 'ready') datasetState.value = { ...current, statisticsError: reason };
}

export function setDatasetFailed(problems: string[]): void {
  datasetState.value = { status: 'failed', problems };
}

export function toggleLayer(layerId: string): void {
  const next = withLayerToggled(layerVisibility.value, layerId);
  // A hidden feature cannot stay selected: its panel would describe something the map no longer shows.
  if (selectedFeature.peek()?.layerId === layerId && !next[layerId]) {
    // An unsaved edit of it asks first; a "no" keeps the layer shown (a fresh object re-renders the
    // checkbox the planner just cleared).
    if (selectionGuard && !selectionGuard(null)) {
      layerVisibility.value = { ...layerVisibility.value };
      return;
    }
    selectedFeature.value = null;
  }
  layerVisibility.value = next;
}

/** Overlapping place markers under one tap, offered as a short list; `at` is the tap's pixel in the map. */
export const featureChoice = signal<{ features: FeatureReference[]; at: { x: number; y: number } } | null>(null);

export function offerFeatureChoice(features: FeatureReference[], at: { x: number; y: number }): void {
  featureChoice.value = { features, at };
}

/**
 * Asked before the selection moves to another feature; false keeps it. The in-place editor sets it
 * so an unsaved edit is never dropped by a search result, a list row or a link without asking.
 */
let selectionGuard: ((next: FeatureReference | null) => boolean) | null = null;

export function guardSelection(guard: ((next: FeatureReference | null) => boolean) | null): void {
  selectionGuard = guard;
}

export function selectFeature(reference: FeatureReference | null): void {
  const current = selectedFeature.peek();
  const same =
    current !== null &&
    reference !== null &&
    current.layerId === reference.layerId &&
    current.featureId === reference.featureId;
  if (!same && selectionGuard && !selectionGuard(reference)) return;
  // Any selection answers (or dismisses) a pending choice between markers.
  featureChoice.value = null;
  selectedFeature.value = reference;
}

/** The definition and properties of a referenced feature, or null if the dataset has no such feature. */
export function findFeature(dataset: Dataset, reference: FeatureReference) {
  const layer = dataset.layers.find((entry) => entry.definition.id === reference.layerId);
  const feature = layer?.features.features.find((candidate) => candidate.properties.id === reference.featureId);
  if (!layer || !feature) return null;
  return { definition: layer.definition as LayerDefinition, feature };
}

/** A request to frame one feature; a fresh object each time so asking twice zooms twice. */
export const zoomRequest = signal<{ reference: FeatureReference } | null>(null);

export function requestZoom(reference: FeatureReference): void {
  zoomRequest.value = { reference };
}
