/**
 * Land-use tables for the zone's own layers and for any FeatureCollection (a planner's imported
 * file): area per category, its share, count, and green-space ratio (绿地率).
 *
 * Areas and counts are `measureCollection`'s groups, unchanged, so a table matches the stats CLI
 * (`npm run stats -- FILE --by PROP --json`) to the last digit for the same input. The green-space
 * ratio of a row is the zone's drawn green land inside the row's dissolved polygons over that
 * dissolved area; dissolving costs time that grows with vertices, so rows above a vertex limit get
 * no ratio and a note saying why, rather than freezing a worker for minutes.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Dataset } from '../data/dataset-types.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { dissolve, intersection, type Polygonal } from './dissolve.ts';
import { GREEN_SPACE_RATIO_DEFINITION, greenFeaturesOf } from './green-space.ts';
import type { LandUseRow, LandUseSource, LandUseTable } from './land-use-types.ts';
import { COLLECTION_AREA_METHOD, measureCollection, type CollectionMeasurement } from './measure-collection.ts';

/** Rows with more polygon vertices than this are not dissolved (≈ seconds of clipping at most). */
export const GREEN_RATIO_VERTEX_LIMIT = 50_000;

const METHOD = {
  zh: '各要素面积按 WGS84 椭球计算后求和（重叠要素分别计入，与统计命令行工具一致）；绿地率 = 类别合并后范围内的绿地面积 ÷ 类别合并面积。',
  en: `${COLLECTION_AREA_METHOD} (as the stats CLI does); green-space ratio = green land inside the category's merged polygons ÷ their merged area.`,
} as const;

type Note = { zh: string; en: string };

function polygonVertexCount(geometry: Geometry | null): number {
  if (!geometry) return 0;
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.reduce((sum, ring) => sum + ring.length, 0);
    case 'MultiPolygon':
      return geometry.coordinates.reduce(
        (sum, polygon) => sum + polygon.reduce((ringSum, ring) => ringSum + ring.length, 0),
        0,
      );
    case 'GeometryCollection':
      return geometry.geometries.reduce((sum, member) => sum + polygonVertexCount(member), 0);
    default:
      return 0;
  }
}

/** The same key `measureCollection` groups by, so rows and features can be matched up. */
function groupKey(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The zone's green land: every green layer's polygons merged, overlaps once (as the zone statistics do). */
export function dissolvedGreenLand(dataset: Dataset): Polygonal | null {
  return dissolve(greenFeaturesOf(dataset).map((feature) => feature.geometry));
}

interface GreenOptions {
  greenLand: Polygonal | null;
  vertexLimit: number;
}

function greenFigures(
  features: readonly Feature[],
  by: string,
  measurement: CollectionMeasurement,
  options: GreenOptions,
  notes: Note[],
): Map<string | null, { greenAreaM2: number | null; greenSpaceRatio: number | null }> {
  const byKey = new Map<string | null, Geometry[]>();
  for (const feature of features) {
    if (!feature.geometry) continue;
    const key = groupKey(feature.properties?.[by]);
    const list = byKey.get(key);
    if (list) list.push(feature.geometry);
    else byKey.set(key, [feature.geometry]);
  }
  const figures = new Map<string | null, { greenAreaM2: number | null; greenSpaceRatio: number | null }>();
  const tooBig: string[] = [];
  const failed: string[] = [];
  for (const group of measurement.groups ?? []) {
    const geometries = byKey.get(group.key) ?? [];
    const vertices = geometries.reduce((sum, geometry) => sum + polygonVertexCount(geometry), 0);
    if (vertices > options.vertexLimit) {
      tooBig.push(group.key ?? '—');
      figures.set(group.key, { greenAreaM2: null, greenSpaceRatio: null });
      continue;
    }
    try {
      const merged = dissolve(geometries);
      const mergedAreaM2 = ellipsoidalArea(merged);
      const greenAreaM2 = ellipsoidalArea(intersection(merged, options.greenLand));
      figures.set(group.key, { greenAreaM2, greenSpaceRatio: mergedAreaM2 > 0 ? greenAreaM2 / mergedAreaM2 : null });
    } catch (error) {
      failed.push(`${group.key ?? '—'} (${error instanceof Error ? error.message : String(error)})`);
      figures.set(group.key, { greenAreaM2: null, greenSpaceRatio: null });
    }
  }
  if (tooBig.length > 0) {
    const limit = options.vertexLimit.toLocaleString('en');
    notes.push({
      zh: `${tooBig.join('、')}：多边形顶点超过 ${limit} 个，合并计算耗时过长，未计算绿地率。`,
      en: `${tooBig.join(', ')}: more than ${limit} polygon vertices, too many to merge in reasonable time, so no green-space ratio.`,
    });
  }
  if (failed.length > 0) {
    notes.push({
      zh: `以下类别的多边形无法裁剪，未计算绿地率：${failed.join('；')}`,
      en: `Polygons that could not be clipped, no green-space ratio: ${failed.join('; ')}`,
    });
  }
  return figures;
}

function buildRows(
  measurement: CollectionMeasurement,
  denominatorM2: number,
  figures: Map<string | null, { greenAreaM2: number | null; greenSpaceRatio: number | null }> | null,
): LandUseRow[] {
  return (measurement.groups ?? []).map((group) => {
    const green = figures?.get(group.key) ?? { greenAreaM2: null, greenSpaceRatio: null };
    return {
      key: group.key,
      areaM2: group.areaM2,
      share: denominatorM2 > 0 ? group.areaM2 / denominatorM2 : null,
      count: group.count,
      greenAreaM2: green.greenAreaM2,
      greenSpaceRatio: green.greenSpaceRatio,
    };
  });
}

function skippedNote(measurement: CollectionMeasurement): Note[] {
  const { points, lines, nullGeometries } = measurement.skipped;
  if (points + lines + nullGeometries === 0) return [];
  return [
    {
      zh: `未计面积：${points} 个点、${lines} 条线、${nullGeometries} 个无几何要素。`,
      en: `Not measured: ${points} point, ${lines} line and ${nullGeometries} null geometries.`,
    },
  ];
}

export interface LandUseOptions {
  /** Green land to compute ratios against; null or absent: no green-space ratios. */
  greenLand?: Polygonal | null;
  vertexLimit?: number;
}

/**
 * The zone's own layers (every layer but the context ones: districts and river), grouped by
 * 'layer', 'kind' or any property; shares are of the zone boundary's measured (merged) area.
 *
 * @example
 * zoneLandUseTable(dataset, 'layer').rows // [{ key: 'zone', areaM2: 2.0e8, share: 1, … }, { key: 'wings', … }, …]
 */
export function zoneLandUseTable(dataset: Dataset, groupBy: string, options: LandUseOptions = {}): LandUseTable {
  const counted = dataset.layers.filter((layer) => layer.definition.role !== 'context');
  const collection: FeatureCollection = {
    type: 'FeatureCollection',
    features: counted.flatMap((layer) => layer.features.features),
  };
  const measurement = measureCollection(collection, { by: groupBy });
  const zoneBoundary = dissolve(
    dataset.layers
      .filter((layer) => layer.definition.role === 'zone')
      .flatMap((layer) => layer.features.features.map((feature) => feature.geometry)),
  );
  const denominatorM2 = ellipsoidalArea(zoneBoundary);
  const notes: Note[] = [
    {
      zh: '各图层相互重叠（核心区、两翼、园区都在高新区范围内，绿地也在其中），占比之和会超过 100%。',
      en: 'Layers overlap (the core, wings and parks lie inside the zone, and green land inside them), so the shares add up to more than 100 %.',
    },
    {
      zh: `未计入背景图层：${dataset.layers
        .filter((layer) => layer.definition.role === 'context')
        .map((layer) => layer.definition.title.zh)
        .join('、')}。`,
      en: `Context layers not counted: ${dataset.layers
        .filter((layer) => layer.definition.role === 'context')
        .map((layer) => layer.definition.title.en)
        .join(', ')}.`,
    },
    ...skippedNote(measurement),
  ];
  const greenLand = options.greenLand === undefined ? dissolvedGreenLand(dataset) : options.greenLand;
  const figures = greenLand
    ? greenFigures(
        collection.features,
        groupBy,
        measurement,
        { greenLand, vertexLimit: options.vertexLimit ?? GREEN_RATIO_VERTEX_LIMIT },
        notes,
      )
    : null;
  notes.push(GREEN_SPACE_RATIO_DEFINITION);
  return {
    source: { kind: 'zone' },
    groupedBy: groupBy,
    rows: buildRows(measurement, denominatorM2, figures),
    totalAreaM2: measurement.totalAreaM2,
    denominatorM2,
    denominator: { zh: '高新区范围（合并后）的测量面积', en: 'measured area of the zone boundary (merged)' },
    method: METHOD,
    notes,
    featureCount: measurement.featureCount,
    skipped: measurement.skipped,
  };
}

/**
 * Any FeatureCollection grouped by a property; shares are of the collection's total measured area.
 * 'kind' and 'layer', when no feature has such a property, mean the geometry type and the whole
 * file (one row, keyed by `layerName`).
 *
 * @example
 * collectionLandUseTable(parcels, 'land_use', { kind: 'imported', layerId }, { greenLand }).rows
 * // [{ key: 'industrial', areaM2: 8.1e6, share: 0.62, count: 40, greenAreaM2: 2.1e5, greenSpaceRatio: 0.026 }, …]
 */
export function collectionLandUseTable(
  collection: FeatureCollection,
  groupBy: string,
  source: LandUseSource,
  options: LandUseOptions & { layerName?: string } = {},
): LandUseTable {
  const hasProperty = collection.features.some(
    (feature) => feature.properties !== null && groupBy in (feature.properties ?? {}),
  );
  let grouped = collection;
  let by = groupBy;
  const notes: Note[] = [];
  if (!hasProperty && (groupBy === 'kind' || groupBy === 'layer')) {
    // Synthetic property on shallow copies: measureCollection still does all the measuring.
    by = '\u0000group';
    const valueOf = (feature: Feature) =>
      groupBy === 'kind' ? (feature.geometry?.type ?? null) : (options.layerName ?? 'layer');
    grouped = {
      type: 'FeatureCollection',
      features: collection.features.map((feature) => ({ ...feature, properties: { [by]: valueOf(feature) } })),
    };
    notes.push(
      groupBy === 'kind'
        ? {
            zh: '文件没有 kind 属性：按几何类型分组。',
            en: 'The file has no "kind" property: grouped by geometry type.',
          }
        : {
            zh: '文件没有 layer 属性：整个文件为一组。',
            en: 'The file has no "layer" property: the whole file is one group.',
          },
    );
  }
  const measurement = measureCollection(grouped, { by });
  notes.push(
    {
      zh: '占比的分母是全部要素面积之和；相互重叠的要素分别计入。',
      en: "Shares are of the sum of all features' areas; overlapping features are each counted.",
    },
    ...skippedNote(measurement),
  );
  const greenLand = options.greenLand ?? null;
  const figures = greenLand
    ? greenFigures(
        grouped.features,
        by,
        measurement,
        { greenLand, vertexLimit: options.vertexLimit ?? GREEN_RATIO_VERTEX_LIMIT },
        notes,
      )
    : null;
  if (!greenLand)
    notes.push({
      zh: '没有可用的绿地数据，未计算绿地率。',
      en: 'No green land to compare with, so no green-space ratios.',
    });
  else notes.push(GREEN_SPACE_RATIO_DEFINITION);
  return {
    source,
    groupedBy: groupBy,
    rows: buildRows(measurement, measurement.totalAreaM2, figures),
    totalAreaM2: measurement.totalAreaM2,
    denominatorM2: measurement.totalAreaM2,
    denominator: { zh: '全部要素面积之和', en: "sum of all features' areas" },
    method: METHOD,
    notes,
    featureCount: measurement.featureCount,
    skipped: measurement.skipped,
  };
}
