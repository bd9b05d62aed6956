/**
 * Green-space ratio (绿地率) of any polygon: the share of its area that is green land.
 *
 * Green land is the union of the green polygons, so a park inside a green belt counts once. This is
 * NOT the green coverage ratio (绿化覆盖率), which counts the vertical projection of tree canopy
 * and is always at least as high; a figure must say which it is, so callers show the definition.
 */
import type { Feature, Geometry } from 'geojson';
import type { Dataset, ZoneFeatureProperties } from '../data/dataset-types.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { dissolve, intersection, type Polygonal } from './dissolve.ts';

export { GREEN_SPACE_RATIO_DEFINITION } from './green-space-definition.ts';

export interface GreenSpaceMeasurement {
  areaM2: number;
  greenAreaM2: number;
  /** greenAreaM2 / areaM2; null when the boundary has no area. */
  greenSpaceRatio: number | null;
}

/** Green land of a boundary already dissolved: call once per boundary with one dissolved green set. */
export function greenSpaceRatioWithin(
  boundary: Polygonal | null,
  dissolvedGreen: Polygonal | null,
): GreenSpaceMeasurement {
  const boundaryAsOne = boundary ? dissolve([boundary]) : null;
  const areaM2 = ellipsoidalArea(boundaryAsOne);
  const greenAreaM2 = ellipsoidalArea(intersection(boundaryAsOne, dissolvedGreen));
  return { areaM2, greenAreaM2, greenSpaceRatio: areaM2 > 0 ? greenAreaM2 / areaM2 : null };
}

/**
 * @example
 * greenSpaceRatioOf(parcel, greenFeatures) // { areaM2: 1.2e6, greenAreaM2: 3.1e5, greenSpaceRatio: 0.258 }
 */
export function greenSpaceRatioOf(
  polygon: Geometry | Feature,
  greenFeatures: readonly (Feature | Geometry)[],
): GreenSpaceMeasurement {
  const geometryOf = (item: Geometry | Feature) => (item.type === 'Feature' ? item.geometry : item);
  const boundary = dissolve([geometryOf(polygon)]);
  return greenSpaceRatioWithin(boundary, dissolve(greenFeatures.map(geometryOf)));
}

/** The dataset's green land: every feature of the layers the manifest marks as green. */
export function greenFeaturesOf(dataset: Dataset): Feature<Geometry | null, ZoneFeatureProperties>[] {
  return dataset.layers.filter((layer) => layer.definition.green).flatMap((layer) => layer.features.features);
}

/**
 * Green land whose position is known, merged (overlaps once). Green land of unknown position is
 * only where we chose to draw it, so it counts zone-wide but in no smaller area.
 */
export function dissolveLocatedGreen(
  greenFeatures: readonly Feature<Geometry | null, ZoneFeatureProperties>[],
): Polygonal | null {
  return dissolve(
    greenFeatures.filter((feature) => feature.properties.position_unknown !== true).map((feature) => feature.geometry),
  );
}
