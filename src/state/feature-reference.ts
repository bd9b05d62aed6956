import type { FeatureReference } from '../data/dataset-types.ts';

// Defined in src/data so that src/map can name a feature without importing state.
export type { FeatureReference };

export function sameFeature(first: FeatureReference | null, second: FeatureReference | null): boolean {
  if (!first || !second) return first === second;
  return first.layerId === second.layerId && first.featureId === second.featureId;
}
