/** Names one feature of the dataset: the manifest layer it is in and its stable `id` property. */
export interface FeatureReference {
  layerId: string;
  featureId: string;
}

export function sameFeature(first: FeatureReference | null, second: FeatureReference | null): boolean {
  if (!first || !second) return first === second;
  return first.layerId === second.layerId && first.featureId === second.featureId;
}
