/**
 * What a planner's drawn shape measures: a polygon's ellipsoidal area and perimeter, a line's
 * ellipsoidal length, and for a finished polygon the green land inside it (绿地率), its overlap
 * with each layout unit (zone, core, wings, parks) and a land-use table of the zone's features it
 * covers.
 *
 * Two costs, two entry points: `measureDrawnGeometry` is microseconds and runs on every pointer
 * move while drawing; `analyseDrawnPolygon` clips against the zone's layers (Turf's exact-arithmetic
 * clipper) and runs in the drawn-shape worker once a shape is finished.
 *
 * A polygon whose outline crosses itself is refused (see drawn-shape-measurement.ts).
 *
 * Stays whole (over 350 lines): the per-unit overlaps, the green land and the land-use table all
 * clip against the same prepared layers in one pass; split, each part would re-prepare them.
 */
import type { Feature, Geometry, Polygon, Position } from 'geojson';
import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Dataset, LayerRole, ZoneFeatureProperties } from '../data/dataset-types.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { ellipsoidalLength } from '../geo/length.ts';
import {
  polygonOutlineProblem,
  perimeterOf,
  type DrawnGeometry,
  type OutlineProblem,
} from './drawn-shape-measurement.ts';
import { dissolve, intersection, polygonalParts, type Polygonal } from './dissolve.ts';
import { dissolveLocatedGreen, greenFeaturesOf, greenSpaceRatioWithin } from './green-space.ts';
import type { LandUseRow, LandUseTable } from './land-use-types.ts';

export {
  measureDrawnGeometry,
  ringCrossesItself,
  type DrawnGeometry,
  type OutlineProblem,
} from './drawn-shape-measurement.ts';

/** The roles whose features are the 一核、两翼、多园 layout the overlap is reported against. */
export const LAYOUT_ROLES: readonly LayerRole[] = ['zone', 'core', 'wing', 'park'];

interface PreparedFeature {
  layer: string;
  kind: string;
  polygonal: Polygonal;
  box: number[];
}

interface PreparedUnit {
  /** Its entry in polygonFeatures: the clip done for the land-use table is the unit's overlap. */
  featureIndex: number;
  id: string;
  layer: string;
  role: LayerRole;
  name: string;
  nameEn: string;
  approximate: boolean;
}

/** The zone's layers, merged and boxed once per dataset so each drawn shape only clips. */
export interface PreparedZone {
  /** Green land of known position, dissolved; null when the dataset has none or it would not merge. */
  locatedGreen: Polygonal | null;
  greenFailed: string | null;
  unknownPositionGreen: { id: string; name: string; nameEn: string; polygonal: Polygonal }[];
  units: PreparedUnit[];
  polygonFeatures: PreparedFeature[];
  /** Point and line features (and null geometries), which have no area to count. */
  otherFeatures: Feature<Geometry | null, ZoneFeatureProperties>[];
}

function boxesMeet(first: number[], second: number[]): boolean {
  return first[0]! <= second[2]! && second[0]! <= first[2]! && first[1]! <= second[3]! && second[1]! <= first[3]!;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function prepareZone(dataset: Dataset): PreparedZone {
  const greenFeatures = greenFeaturesOf(dataset);
  let locatedGreen: Polygonal | null = null;
  let greenFailed: string | null = null;
  try {
    // As in the zone statistics: green land whose position is unknown is only where we chose to
    // draw it, so it counts in no area smaller than the zone; it is named instead.
    locatedGreen = dissolveLocatedGreen(greenFeatures);
  } catch (error) {
    greenFailed = message(error);
  }
  const unknownPositionGreen = greenFeatures
    .filter((feature) => feature.properties.position_unknown === true && polygonalParts(feature.geometry).length > 0)
    .map((feature) => ({
      id: feature.properties.id,
      name: feature.properties.name_zh,
      nameEn: feature.properties.name_en,
      polygonal: polygonalParts(feature.geometry)[0]!,
    }));
  const units: PreparedUnit[] = [];
  const polygonFeatures: PreparedFeature[] = [];
  const otherFeatures: Feature<Geometry | null, ZoneFeatureProperties>[] = [];
  for (const { definition, features } of dataset.layers) {
    for (const feature of features.features) {
      const parts = polygonalParts(feature.geometry);
      if (parts.length === 0) {
        otherFeatures.push(feature);
        continue;
      }
      const polygonal: Polygonal =
        parts.length === 1
          ? parts[0]!
          : {
              type: 'MultiPolygon',
              coordinates: parts.flatMap((part) => (part.type === 'Polygon' ? [part.coordinates] : part.coordinates)),
            };
      const box = bbox(polygonal);
      polygonFeatures.push({
        layer: feature.properties.layer || definition.id,
        kind: feature.properties.kind,
        polygonal,
        box,
      });
      if (LAYOUT_ROLES.includes(definition.role)) {
        units.push({
          featureIndex: polygonFeatures.length - 1,
          id: feature.properties.id,
          layer: definition.id,
          role: definition.role,
          name: feature.properties.name_zh,
          nameEn: feature.properties.name_en,
          approximate: feature.properties.confidence !== 'high',
        });
      }
    }
  }
  return { locatedGreen, greenFailed, unknownPositionGreen, units, polygonFeatures, otherFeatures };
}

export interface UnitOverlap extends Omit<PreparedUnit, 'featureIndex'> {
  /** Ground the drawn polygon shares with the unit, ellipsoidal m². */
  overlapAreaM2: number;
  /** overlapAreaM2 / the drawn polygon's area. */
  shareOfShape: number;
}

export interface DrawnPolygonAnalysis {
  shapeId: string;
  areaM2: number;
  perimeterM: number;
  /** Null when the green land could not be measured (see problems). */
  greenAreaM2: number | null;
  greenSpaceRatio: number | null;
  /** Green land of unknown position drawn inside the shape, left out of its ratio (named, not hidden). */
  greenNotCounted: { id: string; name: string; nameEn: string }[];
  /** Every layout unit (zone, core, wings, parks), in dataset order; units it misses have 0. */
  overlaps: UnitOverlap[];
  landUseByLayer: LandUseTable;
  landUseByKind: LandUseTable;
  /** Clipping failures, one line each; the figures they concern are null or left out. */
  problems: string[];
}

export type DrawnPolygonAnalysisResult =
  | { ok: true; analysis: DrawnPolygonAnalysis }
  | { ok: false; shapeId: string; problem: OutlineProblem | 'not-a-polygon'; perimeterM: number };

const LAND_USE_METHOD = {
  zh: '每个要素落在所绘范围内的部分按 WGS84 椭球面积计算后按类别相加；要素彼此重叠的部分在各自类别中各计一次。',
  en: 'The part of each feature inside the drawn shape, measured on the WGS84 ellipsoid, summed per category; ground where features overlap is counted in each.',
};

const DRAWN_DENOMINATOR = { zh: '所绘范围的面积', en: 'area of the drawn shape' };

function landUseTable(
  shapeId: string,
  groupedBy: 'layer' | 'kind',
  clippedParts: { feature: PreparedFeature; part: Polygonal; areaM2: number }[],
  drawnAreaM2: number,
  green: Polygonal | null,
  greenNote: { zh: string; en: string } | null,
  skipped: LandUseTable['skipped'],
  problems: string[],
): LandUseTable {
  const groups = new Map<string, { areaM2: number; count: number; parts: Polygonal[] }>();
  for (const { feature, part, areaM2 } of clippedParts) {
    const key = groupedBy === 'layer' ? feature.layer : feature.kind;
    const group = groups.get(key) ?? { areaM2: 0, count: 0, parts: [] };
    group.areaM2 += areaM2;
    group.count += 1;
    group.parts.push(part);
    groups.set(key, group);
  }
  const rows: LandUseRow[] = [...groups.entries()].map(([key, group]) => {
    let greenAreaM2: number | null = null;
    let greenSpaceRatio: number | null = null;
    if (green) {
      try {
        const measured = greenSpaceRatioWithin(dissolve(group.parts), green);
        greenAreaM2 = measured.greenAreaM2;
        greenSpaceRatio = measured.greenSpaceRatio;
      } catch (error) {
        problems.push(`${groupedBy} ${key}: green land could not be clipped (${message(error)})`);
      }
    }
    return {
      key,
      areaM2: group.areaM2,
      share: drawnAreaM2 > 0 ? group.areaM2 / drawnAreaM2 : null,
      count: group.count,
      greenAreaM2,
      greenSpaceRatio,
    };
  });
  rows.sort((first, second) => second.areaM2 - first.areaM2 || String(first.key).localeCompare(String(second.key)));
  const notes: { zh: string; en: string }[] = [
    {
      zh: '各类别可能互相重叠（如行政区与园区），合计可超过所绘范围面积。',
      en: 'Categories may overlap (districts and parks, for example), so the rows can add up to more than the drawn area.',
    },
  ];
  if (greenNote) notes.push(greenNote);
  return {
    source: { kind: 'drawn', shapeId },
    groupedBy,
    rows,
    totalAreaM2: rows.reduce((sum, row) => sum + row.areaM2, 0),
    denominatorM2: drawnAreaM2,
    denominator: DRAWN_DENOMINATOR,
    method: LAND_USE_METHOD,
    notes,
    featureCount: clippedParts.length + skipped.points + skipped.lines + skipped.nullGeometries,
    skipped,
  };
}

function pointsAndLinesInside(polygon: Polygon, features: PreparedZone['otherFeatures']): LandUseTable['skipped'] {
  const skipped = { points: 0, lines: 0, nullGeometries: 0 };
  const positionsOf = (geometry: Geometry): Position[] => {
    switch (geometry.type) {
      case 'Point':
        return [geometry.coordinates];
      case 'MultiPoint':
      case 'LineString':
        return geometry.coordinates;
      case 'MultiLineString':
        return geometry.coordinates.flat();
      case 'GeometryCollection':
        return geometry.geometries.flatMap(positionsOf);
      default:
        return [];
    }
  };
  for (const feature of features) {
    // A feature with no position cannot be said to lie inside a drawn shape; it is not counted.
    if (!feature.geometry) continue;
    if (!positionsOf(feature.geometry).some((position) => booleanPointInPolygon(position, polygon))) continue;
    if (feature.geometry.type === 'Point' || feature.geometry.type === 'MultiPoint') skipped.points += 1;
    else skipped.lines += 1;
  }
  return skipped;
}

/**
 * Everything the panel shows about a finished polygon. Pure; the worker calls it once per finished
 * or edited polygon with a zone prepared once.
 *
 * @example
 * const zone = prepareZone(dataset);
 * analyseDrawnPolygon('shape-1', polygon, zone) // { ok: true, analysis: { areaM2, greenSpaceRatio, overlaps: […], landUseByLayer, … } }
 */
export function analyseDrawnPolygon(
  shapeId: string,
  geometry: DrawnGeometry,
  zone: PreparedZone,
): DrawnPolygonAnalysisResult {
  const perimeterM = geometry.type === 'Polygon' ? perimeterOf(geometry) : ellipsoidalLength(geometry);
  if (geometry.type !== 'Polygon') return { ok: false, shapeId, problem: 'not-a-polygon', perimeterM };
  const problem = polygonOutlineProblem(geometry);
  if (problem) return { ok: false, shapeId, problem, perimeterM };

  const problems: string[] = [];
  const areaM2 = ellipsoidalArea(geometry);
  const shapeBox = bbox(geometry);

  let greenAreaM2: number | null = null;
  let greenSpaceRatio: number | null = null;
  let greenNote: { zh: string; en: string } | null = null;
  if (zone.greenFailed) {
    problems.push(`green layers: could not be merged (${zone.greenFailed})`);
    greenNote = {
      zh: '绿地图层无法合并，未计算绿地率。',
      en: 'The green layers could not be merged; no green-space ratio.',
    };
  } else {
    try {
      const measured = greenSpaceRatioWithin(geometry, zone.locatedGreen);
      greenAreaM2 = measured.greenAreaM2;
      greenSpaceRatio = measured.greenSpaceRatio;
    } catch (error) {
      problems.push(`green land: could not be clipped (${message(error)})`);
    }
  }

  const greenNotCounted = zone.unknownPositionGreen
    .filter((item) => {
      if (!boxesMeet(shapeBox, bbox(item.polygonal))) return false;
      try {
        return ellipsoidalArea(intersection(geometry, item.polygonal)) > 0;
      } catch {
        return false;
      }
    })
    .map(({ id, name, nameEn }) => ({ id, name, nameEn }));
  if (greenNotCounted.length > 0) {
    greenNote = {
      zh: `位置未知的绿地（${greenNotCounted.map((item) => item.name).join('、')}）画在此范围内，但未计入其绿地率。`,
      en: `Green land of unknown position (${greenNotCounted.map((item) => item.nameEn).join(', ')}) is drawn inside this shape but not counted in its ratio.`,
    };
  }

  // Each zone feature is clipped once; null where it could not be (named in problems).
  const clippedByFeature: ({ part: Polygonal; areaM2: number } | null)[] = zone.polygonFeatures.map((feature) => {
    if (!boxesMeet(shapeBox, feature.box)) return { part: { type: 'MultiPolygon', coordinates: [] }, areaM2: 0 };
    try {
      const part = intersection(geometry, feature.polygonal);
      return { part: part ?? { type: 'MultiPolygon', coordinates: [] }, areaM2: ellipsoidalArea(part) };
    } catch (error) {
      problems.push(`${feature.layer} feature: could not be clipped (${message(error)})`);
      return null;
    }
  });
  const clippedParts: { feature: PreparedFeature; part: Polygonal; areaM2: number }[] = [];
  zone.polygonFeatures.forEach((feature, index) => {
    const clipped = clippedByFeature[index];
    if (clipped && clipped.areaM2 > 0) clippedParts.push({ feature, ...clipped });
  });

  const overlaps: UnitOverlap[] = zone.units.map(({ featureIndex, ...unit }) => {
    const overlapAreaM2 = clippedByFeature[featureIndex]?.areaM2 ?? 0;
    return { ...unit, overlapAreaM2, shareOfShape: areaM2 > 0 ? overlapAreaM2 / areaM2 : 0 };
  });

  const skipped = pointsAndLinesInside(geometry, zone.otherFeatures);
  const green = zone.greenFailed ? null : zone.locatedGreen;

  return {
    ok: true,
    analysis: {
      shapeId,
      areaM2,
      perimeterM,
      greenAreaM2,
      greenSpaceRatio,
      greenNotCounted,
      overlaps,
      landUseByLayer: landUseTable(shapeId, 'layer', clippedParts, areaM2, green, greenNote, skipped, problems),
      landUseByKind: landUseTable(shapeId, 'kind', clippedParts, areaM2, green, greenNote, skipped, problems),
      problems,
    },
  };
}
