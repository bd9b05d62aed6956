/**
 * The places a visitor can add to a trip, derived from the dataset's green (scenic and green areas)
 * and place layers: one visit point each, a category, and a typical visit duration that is an
 * estimate for planning, not a measured figure. No opening hours, prices or phone numbers: the
 * dataset has none and the planner invents none.
 *
 * A polygon's visit point is its stated entrance when the feature gives one (`entrance_lon`,
 * `entrance_lat`, `entrance_source`), otherwise a point inside it (@turf/point-on-feature), which is
 * where nobody enters, so it is always marked approximate. A point is used as it is.
 *
 * @example
 * const { places, skipped } = visitPlaces(dataset);
 * // places[0] → { id: 'zhangba-longan-forest', category: 'scenic', visitPoint: 'centre', approximate: true, visitMinutes: 120, … }
 * // skipped → [{ id: 'yangqiao-lake-park', reason: 'position-unknown', … }]
 */
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, Geometry } from 'geojson';
import type { Confidence, Dataset, LocalizedText, ZoneFeatureProperties } from '../data/dataset-types.ts';
import type { LonLat } from './distance.ts';

export type PlaceCategory =
  | 'scenic'
  | 'park'
  | 'shopping'
  | 'culture'
  | 'public-service'
  | 'industry'
  | 'transport'
  | 'other';

export interface PlaceCategoryDefinition {
  title: LocalizedText;
  /** Planning default for a visit, minutes: an estimate, shown as one. */
  typicalVisitMinutes: number;
}

/** Typical visit lengths are rough planning defaults a user is expected to adjust. */
export const PLACE_CATEGORIES: Readonly<Record<PlaceCategory, PlaceCategoryDefinition>> = {
  scenic: { title: { zh: '景区', en: 'Scenic area' }, typicalVisitMinutes: 120 },
  park: { title: { zh: '公园绿地', en: 'Park and green space' }, typicalVisitMinutes: 60 },
  shopping: { title: { zh: '购物', en: 'Shopping' }, typicalVisitMinutes: 90 },
  culture: { title: { zh: '文化与创新', en: 'Culture and innovation' }, typicalVisitMinutes: 45 },
  'public-service': { title: { zh: '公共服务', en: 'Public service' }, typicalVisitMinutes: 30 },
  industry: { title: { zh: '产业园区与企业', en: 'Industry' }, typicalVisitMinutes: 60 },
  // Where a visitor arrives or leaves: a start or an end, not a visit.
  transport: { title: { zh: '火车站与机场', en: 'Station or airport' }, typicalVisitMinutes: 0 },
  other: { title: { zh: '其他', en: 'Other' }, typicalVisitMinutes: 30 },
};

export const VISIT_DURATION_EXPLANATION: LocalizedText = {
  zh: '游览时长为按类别给出的估计值，供规划参考，并非实测；可自行调整。本数据不含开放时间、票价或电话。',
  en: 'Visit durations are per-category estimates for planning, not measurements; adjust them freely. The dataset has no opening hours, prices or phone numbers.',
};

/** The dataset's `kind` values, mapped to a category; unknown kinds fall to `other`. */
const CATEGORY_BY_KIND: Readonly<Record<string, PlaceCategory>> = {
  'scenic-area': 'scenic',
  park: 'park',
  'wetland-park': 'park',
  'ecological-park': 'park',
  'green-belt': 'park',
  green: 'park',
  'shopping-centre': 'shopping',
  shopping: 'shopping',
  mall: 'shopping',
  'innovation-centre': 'culture',
  museum: 'culture',
  exhibition: 'culture',
  school: 'public-service',
  hospital: 'public-service',
  government: 'public-service',
  'industrial-park': 'industry',
  factory: 'industry',
  'data-centre': 'industry',
  'railway-station': 'transport',
  airport: 'transport',
};

/**
 * Kinds a visitor arrives at or leaves from, taken from any layer (they live in a context layer):
 * offered as a trip's start and end. A former airport (`former-airport`) is not among them.
 */
export const TRANSPORT_KINDS: ReadonlySet<string> = new Set(['railway-station', 'airport']);

/** A station or airport: fixed at the trip's start or end, never reordered into the middle. */
export function isTransportHub(place: Pick<VisitPlace, 'category'>): boolean {
  return place.category === 'transport';
}

export function placeCategory(kind: string): PlaceCategory {
  return Object.hasOwn(CATEGORY_BY_KIND, kind) ? CATEGORY_BY_KIND[kind]! : 'other';
}

/** Where on the place the trip goes: a stated entrance, a point inside an area, or the feature's point. */
export type VisitPointKind = 'entrance' | 'centre' | 'position';

export interface VisitPlace {
  id: string;
  layerId: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  category: PlaceCategory;
  point: LonLat;
  visitPoint: VisitPointKind;
  /** Draw and label as approximate: the feature is not surveyed, or the point is not an entrance. */
  approximate: boolean;
  confidence: Confidence;
  /**
   * The dataset only places this schematically (a guess, or "position unknown" drawn somewhere
   * plausible): show it as such, and navigate by name search rather than by coordinates.
   */
  positionIsSchematic: boolean;
  source: string;
  /** Where the entrance position comes from, when `visitPoint` is `entrance`. */
  entranceSource?: string;
  visitMinutes: number;
  /** Always true: durations come from PLACE_CATEGORIES, not from the place. */
  visitMinutesIsEstimate: true;
}

export type SkipReason =
  | 'position-unknown'
  | 'unsupported-geometry'
  | 'invalid-coordinates'
  | 'missing-id'
  | 'duplicate-id';

export interface SkippedPlace {
  layerId: string;
  id: string;
  reason: SkipReason;
  message: LocalizedText;
}

function isValidPosition(longitude: unknown, latitude: unknown): longitude is number {
  return (
    typeof longitude === 'number' &&
    typeof latitude === 'number' &&
    Number.isFinite(longitude) &&
    Number.isFinite(latitude) &&
    Math.abs(longitude) <= 180 &&
    Math.abs(latitude) <= 90
  );
}

function allPositionsValid(geometry: Geometry): boolean {
  const positions =
    geometry.type === 'Polygon'
      ? geometry.coordinates.flat()
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.flat(2)
        : geometry.type === 'Point'
          ? [geometry.coordinates]
          : [];
  return positions.length > 0 && positions.every((position) => isValidPosition(position[0], position[1]));
}

function skip(layerId: string, id: string, reason: SkipReason, name: string): SkippedPlace {
  const messages: Record<SkipReason, LocalizedText> = {
    'position-unknown': {
      zh: `“${name}”位置未知，无法加入行程。`,
      en: `"${name}" has no known position and cannot be added to a trip.`,
    },
    'unsupported-geometry': {
      zh: `“${name}”不是点或面，无法作为游览地点。`,
      en: `"${name}" is neither a point nor an area, so it is not a place to visit.`,
    },
    'invalid-coordinates': { zh: `“${name}”的坐标无效。`, en: `"${name}" has invalid coordinates.` },
    'missing-id': { zh: `图层 ${layerId} 中有要素缺少 id。`, en: `A feature in layer ${layerId} has no id.` },
    'duplicate-id': {
      zh: `id “${id}”重复，已忽略后出现的要素。`,
      en: `The id "${id}" appears twice; the later feature is ignored.`,
    },
  };
  return { layerId, id, reason, message: messages[reason] };
}

/**
 * Every feature of the dataset's `green` and `place` layers that has a usable position, and every
 * station and airport (`TRANSPORT_KINDS`) of any layer, in manifest order; and every one left out
 * with the reason.
 */
export function visitPlaces(dataset: Dataset): { places: VisitPlace[]; skipped: SkippedPlace[] } {
  const places: VisitPlace[] = [];
  const skipped: SkippedPlace[] = [];
  const seen = new Set<string>();
  for (const layer of dataset.layers) {
    const visitLayer = layer.definition.role === 'green' || layer.definition.role === 'place';
    const layerId = layer.definition.id;
    for (const feature of layer.features.features as Feature<Geometry | null, ZoneFeatureProperties>[]) {
      const properties = (feature.properties ?? {}) as ZoneFeatureProperties & Record<string, unknown>;
      if (!visitLayer && !TRANSPORT_KINDS.has(String(properties.kind))) continue;
      const id = typeof properties.id === 'string' ? properties.id : '';
      const name = String(properties.name_zh || properties.name_en || id || '?');
      if (!id) {
        skipped.push(skip(layerId, id, 'missing-id', name));
        continue;
      }
      if (seen.has(id)) {
        skipped.push(skip(layerId, id, 'duplicate-id', name));
        continue;
      }
      const geometry = feature.geometry;
      // A shape drawn where no source puts it would send a visitor to a made-up spot.
      if (!geometry || feature.properties.position_unknown === true) {
        skipped.push(skip(layerId, id, 'position-unknown', name));
        continue;
      }
      if (geometry.type !== 'Point' && geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
        skipped.push(skip(layerId, id, 'unsupported-geometry', name));
        continue;
      }
      if (!allPositionsValid(geometry)) {
        skipped.push(skip(layerId, id, 'invalid-coordinates', name));
        continue;
      }
      let point: LonLat;
      let visitPoint: VisitPointKind;
      let entranceSource: string | undefined;
      if (
        geometry.type !== 'Point' &&
        isValidPosition(properties['entrance_lon'], properties['entrance_lat']) &&
        typeof properties['entrance_source'] === 'string'
      ) {
        point = [properties['entrance_lon'] as number, properties['entrance_lat'] as number];
        visitPoint = 'entrance';
        entranceSource = properties['entrance_source'];
      } else if (geometry.type === 'Point') {
        point = [geometry.coordinates[0]!, geometry.coordinates[1]!];
        visitPoint = 'position';
      } else {
        const inside = pointOnFeature({ type: 'Feature', geometry, properties: {} }).geometry.coordinates;
        point = [inside[0]!, inside[1]!];
        visitPoint = 'centre';
      }
      const kind = typeof properties.kind === 'string' ? properties.kind : '';
      const category = placeCategory(kind);
      const confidence = properties.confidence;
      seen.add(id);
      places.push({
        id,
        layerId,
        nameZh: String(properties.name_zh ?? ''),
        nameEn: String(properties.name_en ?? ''),
        kind,
        category,
        point,
        visitPoint,
        approximate: confidence !== 'high' || visitPoint === 'centre',
        confidence,
        positionIsSchematic: confidence === 'schematic',
        source: String(properties.source ?? ''),
        ...(entranceSource !== undefined ? { entranceSource } : {}),
        visitMinutes: PLACE_CATEGORIES[category].typicalVisitMinutes,
        visitMinutesIsEstimate: true,
      });
    }
  }
  return { places, skipped };
}
