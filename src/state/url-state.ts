/**
 * The part of the app state a link carries: which feature is open. Kept in the hash
 * (`#feature=<layer>/<id>`) so sharing a link shares the feature, and no server sees it.
 */
import type { FeatureReference } from './feature-reference.ts';

const FEATURE_KEY = 'feature';
/** Longer than any id a dataset would use; a pasted megabyte is not a feature reference. */
const MAXIMUM_REFERENCE_LENGTH = 300;

export function featureFromHash(hash: string): FeatureReference | null {
  if (hash.length > MAXIMUM_REFERENCE_LENGTH + FEATURE_KEY.length + 2) return null;
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(FEATURE_KEY);
  if (!value) return null;
  const separator = value.indexOf('/');
  if (separator <= 0 || separator === value.length - 1) return null;
  return { layerId: value.slice(0, separator), featureId: value.slice(separator + 1) };
}

export function hashForFeature(reference: FeatureReference | null): string {
  if (!reference) return '';
  const parameters = new URLSearchParams({ [FEATURE_KEY]: `${reference.layerId}/${reference.featureId}` });
  return `#${parameters.toString()}`;
}
