/**
 * Keeps the address bar and the open feature in step: a link with `#feature=…` opens and frames
 * that feature, and opening or closing a feature rewrites the hash without adding history entries.
 */
import { effect } from '@preact/signals';
import type { Dataset } from '../data/dataset-types.ts';
import { findFeature, requestZoom, selectFeature, selectedFeature } from './app-state.ts';
import { sameFeature } from './feature-reference.ts';
import { featureFromHash, hashForFeature } from './url-state.ts';

export function connectUrlState(dataset: Dataset): () => void {
  const openFromHash = (zoom: boolean): void => {
    const reference = featureFromHash(window.location.hash);
    // A link to a feature this dataset lacks opens nothing rather than an empty panel.
    if (!reference || !findFeature(dataset, reference)) return;
    if (sameFeature(reference, selectedFeature.peek())) return;
    selectFeature(reference);
    if (zoom) requestZoom(reference);
  };
  openFromHash(true);

  const onHashChange = (): void => openFromHash(true);
  window.addEventListener('hashchange', onHashChange);
  const stopWriting = effect(() => {
    const hash = hashForFeature(selectedFeature.value);
    if (hash === window.location.hash || (!hash && !window.location.hash)) return;
    history.replaceState(history.state, '', hash || `${window.location.pathname}${window.location.search}`);
  });
  return () => {
    window.removeEventListener('hashchange', onHashChange);
    stopWriting();
  };
}
