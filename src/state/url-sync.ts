/**
 * Keeps the address bar and the app in step. A link opens its feature, view, layers and language;
 * each new selection is a history entry (so back and forward walk through what was opened), while
 * moving the map, toggling layers and switching language rewrite the current entry in place.
 */
import { effect } from '@preact/signals';
import type { Dataset } from '../data/dataset-types.ts';
import { language } from '../i18n/index.ts';
import {
  findFeature,
  initialLayerVisibility,
  layerVisibility,
  requestZoom,
  selectFeature,
  selectedFeature,
  toggleLayer,
} from './app-state.ts';
import { sameFeature, type FeatureReference } from './feature-reference.ts';
import { currentMapView, requestedMapView } from './map-view.ts';
import { featureFromHash, hashForFeature, readUrlState, searchForState } from './url-state.ts';

function showLayer(layerId: string): void {
  if (!layerVisibility.peek()[layerId]) toggleLayer(layerId);
}

/** Opens what the hash names, or closes the panel when it names nothing (back past the first selection). */
function applyFeature(dataset: Dataset, reference: FeatureReference | null, zoom: boolean): void {
  // A link to a feature this dataset lacks opens nothing rather than an empty panel.
  const target = reference && findFeature(dataset, reference) ? reference : null;
  if (sameFeature(target, selectedFeature.peek())) return;
  if (target) showLayer(target.layerId);
  selectFeature(target);
  const selected = selectedFeature.peek();
  if (!sameFeature(target, selected)) {
    // The planner kept an unsaved edit: the address (already moved by back or a typed hash) goes back
    // to naming what is on screen, so a shared or reloaded link shows it.
    const hash = hashForFeature(selected, window.location.hash);
    history.pushState(history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
    return;
  }
  if (target && zoom) requestZoom(target);
}

/** The visible layers, or undefined when they are the manifest's defaults (a shorter link). */
function visibleLayersIfChanged(dataset: Dataset, visibility: Readonly<Record<string, boolean>>): string[] | undefined {
  const defaults = initialLayerVisibility(dataset.manifest);
  const ids = dataset.manifest.layers.map((layer) => layer.id);
  if (ids.every((id) => Boolean(visibility[id]) === Boolean(defaults[id]))) return undefined;
  return ids.filter((id) => visibility[id]);
}

export function connectUrlState(dataset: Dataset): () => void {
  const initial = readUrlState(window.location.search, window.location.hash);
  if (initial.visibleLayers) {
    const wanted = new Set(initial.visibleLayers);
    for (const layer of dataset.manifest.layers) {
      if (Boolean(layerVisibility.peek()[layer.id]) !== wanted.has(layer.id)) toggleLayer(layer.id);
    }
  }
  if (initial.view) {
    requestedMapView.value = initial.view;
    // Until the map reports its own view (or forever, without WebGL) the link's view stays in it.
    currentMapView.value = initial.view;
  }
  // A link with a view shows that view; one with only a feature frames the feature.
  applyFeature(dataset, initial.feature ?? null, !initial.view);

  const onNavigate = (): void => applyFeature(dataset, featureFromHash(window.location.hash), true);
  window.addEventListener('popstate', onNavigate);
  // A hash typed into the address bar fires only this one.
  window.addEventListener('hashchange', onNavigate);

  const stopSelection = effect(() => {
    const hash = hashForFeature(selectedFeature.value, window.location.hash);
    if (hash === window.location.hash || (!hash && !window.location.hash)) return;
    history.pushState(history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  });
  const stopQuery = effect(() => {
    const search = searchForState(window.location.search, {
      ...(currentMapView.value ? { view: currentMapView.value } : {}),
      ...withLayers(visibleLayersIfChanged(dataset, layerVisibility.value)),
      language: language.value,
    });
    if (search === window.location.search) return;
    history.replaceState(history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  });
  return () => {
    window.removeEventListener('popstate', onNavigate);
    window.removeEventListener('hashchange', onNavigate);
    stopSelection();
    stopQuery();
  };
}

function withLayers(visibleLayers: string[] | undefined): { visibleLayers?: string[] } {
  return visibleLayers ? { visibleLayers } : {};
}
