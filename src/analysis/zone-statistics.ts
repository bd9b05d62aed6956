/**
 * Everything the map and the stats CLI say about the zone's numbers, as plain data: each feature's
 * measured area beside any stated one, each layer's dissolved area, each planning unit's
 * green-space ratio, and the zone summary beside the figures the founding article states.
 *
 * Measured and stated figures are kept in separate fields and never blended.
 */
import type { Feature, Geometry } from 'geojson';
import { area as sphericalArea } from '@turf/area';
import { bbox } from '@turf/bbox';
import type {
  Confidence,
  Dataset,
  LayerDefinition,
  LocalizedText,
  StatedFigure,
  ZoneFeatureProperties,
} from '../data/dataset-types.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { toSquareMetres } from '../geo/units.ts';
import { dissolve, intersection, polygonalParts, type Polygonal } from './dissolve.ts';
import { dissolveLocatedGreen, greenFeaturesOf, greenSpaceRatioWithin } from './green-space.ts';

export { GREEN_SPACE_RATIO_DEFINITION } from './green-space.ts';

export interface FeatureMeasurement {
  id: string;
  layer: string;
  name: string;
  nameEn: string;
  kind: string;
  /** WGS84 ellipsoidal area in m²; null for points, lines and unknown positions (nothing to measure). */
  areaM2: number | null;
  /** `@turf/area` on its sphere, kept for comparison (≈ +0.13 % high at 29°N); null like areaM2. */
  sphericalAreaM2: number | null;
  /** The published figure converted to m²; null where none is published. */
  statedAreaM2: number | null;
  /** measured / stated − 1; null unless both exist. */
  statedDifferenceRatio: number | null;
  /** The shape was drawn to its stated figure (`sized_to_stated`): the difference is zero by construction, not a check. */
  sizedToStated: boolean;
  source: string;
  confidence: Confidence;
  /** Anything but `high` confidence: draw and label it approximate. */
  approximate: boolean;
}

export interface LayerMeasurement {
  id: string;
  count: number;
  /** Area of the layer's polygons merged (overlaps once); 0 for point and line layers. */
  areaM2: number;
}

export interface UnitMeasurement {
  id: string;
  layer: string;
  name: string;
  nameEn: string;
  areaM2: number;
  greenAreaM2: number;
  greenSpaceRatio: number | null;
  approximate: boolean;
  /**
   * Green features drawn inside this unit but left out of its ratio because their position is
   * unknown (`position_unknown`): which wing or core holds them is only where we chose to draw them.
   * Always empty for the zone itself, whose ratio counts them (the source names them the zone's).
   */
  greenNotCounted: { id: string; name: string; nameEn: string }[];
}

export interface ZoneSummary {
  /** Merged area of every `zone`-role layer's polygons, measured. */
  zoneAreaM2: number;
  /** The manifest's stated zone area in m² (202 km² from the founding article); null if stated as a percent. */
  statedZoneAreaM2: number | null;
  statedZoneAreaSource: string;
  /** Green land inside the zone (green layers merged, clipped to the zone), measured. */
  greenAreaM2: number;
  /** greenAreaM2 / zoneAreaM2 (绿地率); null when the zone has no area. */
  greenSpaceRatio: number | null;
  /** The stated green share as a fraction (0.4 for "over 40 %"); null when not stated as a percent. */
  statedGreenShare: number | null;
  statedGreenShareQualifier: 'over' | 'about' | 'exactly';
  statedGreenShareSource: string;
  /** What the stated share probably covers; the article does not define it. */
  statedGreenShareCovers: LocalizedText;
}

export interface ZoneStatistics {
  features: FeatureMeasurement[];
  layers: LayerMeasurement[];
  units: UnitMeasurement[];
  summary: ZoneSummary;
  /** Geometry the clipping library could not handle, one line each; the numbers above omit it. */
  problems: string[];
}

function boxesMeet(first: number[], second: number[]): boolean {
  return first[0]! <= second[2]! && second[0]! <= first[2]! && first[1]! <= second[3]! && second[1]! <= first[3]!;
}

function statedSquareMetres(properties: ZoneFeatureProperties): number | null {
  const value = properties.stated_area;
  const unit = properties.stated_area_unit;
  if (typeof value !== 'number' || !Number.isFinite(value) || !unit) return null;
  return toSquareMetres(value, unit);
}

function statedFigureSquareMetres(figure: StatedFigure): number | null {
  return figure.unit === 'percent' ? null : toSquareMetres(figure.value, figure.unit);
}

export function measureFeature(feature: Feature<Geometry | null, ZoneFeatureProperties>): FeatureMeasurement {
  const properties = feature.properties;
  const polygonal = polygonalParts(feature.geometry).length > 0;
  const areaM2 = polygonal ? ellipsoidalArea(feature.geometry) : null;
  const statedAreaM2 = statedSquareMetres(properties);
  return {
    id: properties.id,
    layer: properties.layer,
    name: properties.name_zh,
    nameEn: properties.name_en,
    kind: properties.kind,
    areaM2,
    sphericalAreaM2: polygonal && feature.geometry ? sphericalArea(feature.geometry) : null,
    statedAreaM2,
    statedDifferenceRatio:
      areaM2 !== null && statedAreaM2 !== null && statedAreaM2 > 0 ? areaM2 / statedAreaM2 - 1 : null,
    sizedToStated: properties.sized_to_stated === true,
    source: properties.source,
    confidence: properties.confidence,
    approximate: properties.confidence !== 'high',
  };
}

/**
 * Runs a clipping step, turning the library's rare exception on degenerate rings into a problem
 * line. Returns null on failure so callers can tell "no green land" (0) from "unknown" (null).
 */
function attempt<T>(problems: string[], what: string, step: () => T): { value: T } | null {
  try {
    return { value: step() };
  } catch (error) {
    problems.push(`${what}: could not be clipped (${error instanceof Error ? error.message : String(error)})`);
    return null;
  }
}

/**
 * @example
 * const statistics = computeZoneStatistics(dataset);
 * statistics.summary.greenSpaceRatio // e.g. 0.07, shown with GREEN_SPACE_RATIO_DEFINITION
 */
export function computeZoneStatistics(dataset: Dataset): ZoneStatistics {
  const problems: string[] = [];
  const features = dataset.layers.flatMap((layer) => layer.features.features.map((feature) => measureFeature(feature)));

  // A layer whose polygons could not be merged is left out (undefined) and named in `problems`.
  const dissolvedByLayer = new Map<string, Polygonal | null>();
  const layers = dataset.layers.map(({ definition, features: collection }) => {
    const dissolved = attempt(problems, `layer ${definition.id}`, () =>
      dissolve(collection.features.map((feature) => feature.geometry)),
    );
    if (dissolved) dissolvedByLayer.set(definition.id, dissolved.value);
    return { id: definition.id, count: collection.features.length, areaM2: ellipsoidalArea(dissolved?.value) };
  });
  const mergedLayers = (role: (definition: LayerDefinition) => boolean, what: string) => {
    const chosen = dataset.layers.filter((layer) => role(layer.definition)).map((layer) => layer.definition.id);
    if (!chosen.every((id) => dissolvedByLayer.has(id))) return null;
    return attempt(problems, what, () => dissolve(chosen.map((id) => dissolvedByLayer.get(id) ?? null)));
  };

  // Null when any green layer failed: a ratio without all the green land would be silently low.
  const green = mergedLayers((definition) => definition.green, 'green layers');
  const measureAgainstGreen = (boundary: Polygonal | null, what: string, greenLand = green) =>
    greenLand ? (attempt(problems, what, () => greenSpaceRatioWithin(boundary, greenLand.value))?.value ?? null) : null;

  // Green land whose position is unknown counts zone-wide (the source names it the zone's) but in no
  // sub-unit, since the unit it falls in is only where we chose to draw it.
  const greenFeatures = greenFeaturesOf(dataset);
  const unknownPositionGreen = greenFeatures.filter((feature) => feature.properties.position_unknown === true);
  const locatedGreen =
    unknownPositionGreen.length === 0 || !green
      ? green
      : attempt(problems, 'green land of known position', () => dissolveLocatedGreen(greenFeatures));
  const drawnInside = (boundary: Polygonal | null, feature: Feature<Geometry | null, ZoneFeatureProperties>) => {
    const shape = dissolve([feature.geometry]);
    if (!boundary || !shape || !boxesMeet(bbox(boundary), bbox(shape))) return false;
    return ellipsoidalArea(intersection(boundary, shape)) > 0;
  };

  const units: UnitMeasurement[] = dataset.layers
    .filter((layer) => layer.definition.unit)
    .flatMap((layer) =>
      layer.features.features
        .filter((feature) => polygonalParts(feature.geometry).length > 0)
        .map((feature) => {
          const properties = feature.properties;
          const boundary =
            attempt(problems, `unit ${properties.id}`, () => dissolve(polygonalParts(feature.geometry)))?.value ?? null;
          const isZone = layer.definition.role === 'zone';
          const measured = measureAgainstGreen(boundary, `unit ${properties.id}`, isZone ? green : locatedGreen);
          const greenNotCounted = isZone
            ? []
            : unknownPositionGreen
                .filter(
                  (item) =>
                    attempt(problems, `unit ${properties.id} × ${item.properties.id}`, () =>
                      drawnInside(boundary, item),
                    )?.value,
                )
                .map((item) => ({
                  id: item.properties.id,
                  name: item.properties.name_zh,
                  nameEn: item.properties.name_en,
                }));
          return {
            id: properties.id,
            layer: properties.layer,
            name: properties.name_zh,
            nameEn: properties.name_en,
            areaM2: measured?.areaM2 ?? ellipsoidalArea(feature.geometry),
            greenAreaM2: measured?.greenAreaM2 ?? 0,
            greenSpaceRatio: measured?.greenSpaceRatio ?? null,
            approximate: properties.confidence !== 'high',
            greenNotCounted,
          };
        }),
    );

  const zone = mergedLayers((definition) => definition.role === 'zone', 'zone');
  const zoneMeasurement = zone ? measureAgainstGreen(zone.value, 'zone green land') : null;

  const stated = dataset.manifest.stated;
  const summary: ZoneSummary = {
    zoneAreaM2: ellipsoidalArea(zone?.value),
    statedZoneAreaM2: statedFigureSquareMetres(stated.zoneArea),
    statedZoneAreaSource: stated.zoneArea.source,
    greenAreaM2: zoneMeasurement?.greenAreaM2 ?? 0,
    greenSpaceRatio: zoneMeasurement?.greenSpaceRatio ?? null,
    statedGreenShare: stated.greenShare.unit === 'percent' ? stated.greenShare.value / 100 : null,
    statedGreenShareQualifier: stated.greenShare.qualifier,
    statedGreenShareSource: stated.greenShare.source,
    statedGreenShareCovers: stated.greenShare.covers,
  };

  return { features, layers, units, summary, problems };
}
