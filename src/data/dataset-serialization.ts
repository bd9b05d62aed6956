/**
 * How the dataset is written: the one format of every file in `geodata/`, shared by the build
 * (scripts/geodata/build.ts) and the app's dataset export, so a zip exported from the app and
 * unzipped over `geodata/` is the same kind of file the build writes: one feature per line, keys
 * in a fixed order, coordinates rounded per layer, rings wound per RFC 7946.
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import type { Manifest, ZoneFeatureProperties } from './dataset-types.ts';

type Areal = Polygon | MultiPolygon;

/**
 * Winding in the lon/lat plane, which is how RFC 7946 defines it: the shoelace sign. Kept apart
 * from the ellipsoidal area so the dataset's winding never depends on that code's sign convention.
 */
export function isCounterClockwise(ring: readonly Position[]): boolean {
  let twiceArea = 0;
  for (let index = 0; index + 1 < ring.length; index++) {
    const current = ring[index]!;
    const next = ring[index + 1]!;
    twiceArea += current[0]! * next[1]! - next[0]! * current[1]!;
  }
  return twiceArea > 0;
}

export function polygons(geometry: Areal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function fromPolygons(parts: Position[][][]): Areal | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return { type: 'Polygon', coordinates: parts[0]! };
  return { type: 'MultiPolygon', coordinates: parts };
}

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0 so the serialised text never carries "-0".
  return Math.round(value * factor) / factor + 0;
};

function normalizeRing(ring: readonly Position[], decimals: number, exterior: boolean): Position[] | null {
  const rounded: Position[] = [];
  for (const point of ring) {
    const next: Position = [round(point[0]!, decimals), round(point[1]!, decimals)];
    const previous = rounded[rounded.length - 1];
    if (previous && previous[0] === next[0] && previous[1] === next[1]) continue;
    rounded.push(next);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) rounded.push([first[0]!, first[1]!]);
  if (rounded.length < 4) return null;
  // RFC 7946: exteriors counter-clockwise, holes clockwise.
  const counterClockwise = isCounterClockwise(rounded);
  return counterClockwise === exterior ? rounded : rounded.reverse();
}

/** Rounded to `decimals`, duplicate vertices dropped, rings wound per RFC 7946. */
export function normalizeGeometry<G extends Geometry>(geometry: G, decimals = 6): G {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: geometry.coordinates.map((value) => round(value, decimals)) };
    case 'LineString':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((point) => point.map((value) => round(value, decimals))),
      };
    case 'MultiLineString':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((line) =>
          line.map((point) => point.map((value) => round(value, decimals))),
        ),
      };
    case 'Polygon':
    case 'MultiPolygon': {
      const parts = polygons(geometry)
        .map((rings) => rings.map((ring, index) => normalizeRing(ring, decimals, index === 0)))
        .filter((rings) => rings[0] !== null)
        .map((rings) => rings.filter((ring): ring is Position[] => ring !== null));
      const result = fromPolygons(parts);
      if (!result) throw new Error('geometry vanished when rounded');
      return result as G;
    }
    default:
      throw new Error(`normalizeGeometry: ${geometry.type} not used in the dataset`);
  }
}

/** Fixed key order, so the serialised text does not depend on how a feature was assembled. */
const PROPERTY_ORDER: (keyof ZoneFeatureProperties)[] = [
  'id',
  'layer',
  'name_zh',
  'name_en',
  'kind',
  'source',
  'confidence',
  'stated_area',
  'stated_area_unit',
  'stated_area_source',
  'sized_to_stated',
  'position_unknown',
  'notes_zh',
  'notes_en',
];

export function orderedProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of PROPERTY_ORDER) if (properties[key] !== undefined) ordered[key] = properties[key];
  for (const key of Object.keys(properties).sort()) if (!(key in ordered)) ordered[key] = properties[key];
  return ordered;
}

/**
 * Decimal places of longitude/latitude per layer (default 6, ≈ 0.1 m). The districts are context
 * drawn under the zone and 60 % of the dataset's bytes: 5 places (≈ 1 m, finer than a line at the
 * map's closest zoom, and than DataV's own accuracy) cut 3 KB gzipped from every first load and
 * move no district area by more than 1e-5 (measured: ≤ 6.4e-6).
 */
const COORDINATE_DECIMALS: Readonly<Record<string, number>> = { districts: 5 };

export function coordinateDecimals(layerId: string): number {
  return COORDINATE_DECIMALS[layerId] ?? 6;
}

interface WritableFeature {
  properties: { layer: string };
  geometry: Geometry;
}

/** One feature per line: small diffs when one shape moves, and still plain GeoJSON. */
export function serializeFeatureCollection(features: readonly WritableFeature[]): string {
  const lines = features.map((item) =>
    JSON.stringify({
      type: 'Feature',
      properties: orderedProperties(item.properties as unknown as Record<string, unknown>),
      geometry: normalizeGeometry(item.geometry, coordinateDecimals(item.properties.layer)),
    }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
