/**
 * Everything the map and the stats CLI say about the zone's numbers, as plain data: each feature's
 * measured area beside any stated one, each layer's dissolved area, each planning unit's
 * green-space ratio, and the zone summary beside the figures the founding article states.
 *
 * Measured and stated figures are kept in separate fields and never blended.
 */
import type { Feature, Geometry } from 'geojson';
import { area as sphericalArea } from '@turf/area';
import type { Confidence, Dataset, LocalizedText, StatedFigure, ZoneFeatureProperties } from '../data/dataset-types.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { toSquareMetres } from '../geo/units.ts';
import { dissolve, polygonalParts, type Polygonal } from './dissolve.ts';
import { greenSpaceRatioWithin } from './green-space.ts';

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
    statedDifferenceRatio: areaM2 !== null && statedAreaM2 !== null && statedAreaM2 > 0 ? areaM2 / statedAreaM2 - 1 : null,
    source: properties.source,
    confidence: properties.confidence,
    approximate: properties.confidence !== 'high',
  };
}

/** Runs a clipping step, turning the library's rare exception on degenerate rings into a problem line. */
function attempt<T>(problems: string[], what: string, fallback: T, step: () => T): T {
  try {
    return step();
  } catch (error) {
    problems.push(`${what}: could not be clipped (${error instanceof Error ? error.message : String(error)})`);
    return fallback;
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

  const dissolvedByLayer = new Map<string, Polygonal | null>();
  const layers = dataset.layers.map(({ definition, features: collection }) => {
    const dissolved = attempt(problems, `layer ${definition.id}`, null, () =>
      dissolve(collection.features.map((feature) => feature.geometry)),
    );
    dissolvedByLayer.set(definition.id, dissolved);
    return { id: definition.id, count: collection.features.length, areaM2: ellipsoidalArea(dissolved) };
  });

  const greenLayers = dataset.layers.filter((layer) => layer.definition.green);
  const greenProblemsBefore = problems.length;
  const dissolvedGreen = attempt(problems, 'green layers', null, () =>
    dissolve(greenLayers.map((layer) => dissolvedByLayer.get(layer.definition.id) ?? null)),
  );
  // Without green land we cannot say the ratio is 0: it is unknown.
  const greenKnown = problems.length === greenProblemsBefore && greenLayers.every((layer) => !problems.some((line) => line.startsWith(`layer ${layer.definition.id}:`)));

  const units: UnitMeasurement[] = dataset.layers
    .filter((layer) => layer.definition.unit)
    .flatMap((layer) =>
      layer.features.features
        .filter((feature) => polygonalParts(feature.geometry).length > 0)
        .map((feature) => {
          const properties = feature.properties;
          const boundary = dissolve(polygonalParts(feature.geometry));
          const measured = attempt(problems, `unit ${properties.id}`, null, () => greenSpaceRatioWithin(boundary, dissolvedGreen));
          return {
            id: properties.id,
            layer: properties.layer,
            name: properties.name_zh,
            nameEn: properties.name_en,
            areaM2: measured?.areaM2 ?? ellipsoidalArea(boundary),
            greenAreaM2: measured?.greenAreaM2 ?? 0,
            greenSpaceRatio: greenKnown ? (measured?.greenSpaceRatio ?? null) : null,
            approximate: properties.confidence !== 'high',
          };
        }),
    );

  const zoneLayers = dataset.layers.filter((layer) => layer.definition.role === 'zone');
  const dissolvedZone = attempt(problems, 'zone', null, () =>
    dissolve(zoneLayers.map((layer) => dissolvedByLayer.get(layer.definition.id) ?? null)),
  );
  const zoneMeasurement = attempt(problems, 'zone green land', null, () => greenSpaceRatioWithin(dissolvedZone, dissolvedGreen));

  const stated = dataset.manifest.stated;
  const summary: ZoneSummary = {
    zoneAreaM2: ellipsoidalArea(dissolvedZone),
    statedZoneAreaM2: statedFigureSquareMetres(stated.zoneArea),
    statedZoneAreaSource: stated.zoneArea.source,
    greenAreaM2: zoneMeasurement?.greenAreaM2 ?? 0,
    greenSpaceRatio: greenKnown ? (zoneMeasurement?.greenSpaceRatio ?? null) : null,
    statedGreenShare: stated.greenShare.unit === 'percent' ? stated.greenShare.value / 100 : null,
    statedGreenShareQualifier: stated.greenShare.qualifier,
    statedGreenShareSource: stated.greenShare.source,
    statedGreenShareCovers: stated.greenShare.covers,
  };

  return { features, layers, units, summary, problems };
}
