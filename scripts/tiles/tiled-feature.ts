/**
 * One input feature as the tiler keeps it: the properties a planner clicks for (its id, its class
 * codes, any other plain value) plus its area measured on the WGS84 ellipsoid, so the map shows the
 * same figure as the stats CLI; and where it lies in Web Mercator's unit square, so it can be put
 * in the spatial buckets of every tile it may reach before any tile is cut.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { ellipsoidalArea } from '../../src/geo/area.ts';

export type FieldTypes = Record<string, 'String' | 'Number' | 'Boolean'>;

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

/** Left, top, right, bottom in Web Mercator's unit square (y grows southwards, as tiles count). */
export type WorldBox = [number, number, number, number];

type Plain = string | number | boolean;

function isPlain(value: unknown): value is Plain {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

/** Calls `visit` with every position of a geometry. */
function eachPosition(geometry: Geometry, visit: (position: Position) => void): void {
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      visit(value as Position);
      return;
    }
    for (const member of value) walk(member);
  };
  if (geometry.type === 'GeometryCollection') for (const member of geometry.geometries) eachPosition(member, visit);
  else walk(geometry.coordinates);
}

/** The degrees bounds and the unit-square box of a geometry, extending `bounds` on the way. */
export function placeGeometry(geometry: Geometry, bounds: Bounds): WorldBox {
  const box: WorldBox = [Infinity, Infinity, -Infinity, -Infinity];
  eachPosition(geometry, ([longitude, latitude]) => {
    bounds[0] = Math.min(bounds[0], longitude!);
    bounds[1] = Math.min(bounds[1], latitude!);
    bounds[2] = Math.max(bounds[2], longitude!);
    bounds[3] = Math.max(bounds[3], latitude!);
    const x = longitude! / 360 + 0.5;
    // geojson-vt's own projection, clamped the same way, so a box never disagrees with its clipping.
    const sine = Math.sin((latitude! * Math.PI) / 180);
    const y = 0.5 - (0.25 * Math.log((1 + sine) / (1 - sine))) / Math.PI;
    const clamped = Math.min(Math.max(y, 0), 1);
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], clamped);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], clamped);
  });
  return box;
}

/**
 * The feature as tiled: kept properties (all plain ones when `keep` is absent), `id` (the feature's,
 * else its 1-based position) and `areaM2`; `fields` learns each property's MVT type.
 */
export function tiledFeature(
  feature: Feature,
  index: number,
  keep: readonly string[] | undefined,
  fields: FieldTypes,
): Feature | null {
  if (!feature.geometry) return null;
  const properties: Record<string, Plain> = {};
  const source = feature.properties ?? {};
  for (const name of keep ?? Object.keys(source)) {
    const value = source[name];
    if (isPlain(value)) properties[name] = value;
  }
  const id = feature.id ?? source.id ?? index + 1;
  properties.id = isPlain(id) ? id : index + 1;
  const areaM2 = ellipsoidalArea(feature.geometry);
  // Centimetre-square precision is more than any survey; fewer digits make smaller tiles.
  if (areaM2 > 0) properties.areaM2 = Math.round(areaM2 * 100) / 100;
  for (const [name, value] of Object.entries(properties)) {
    const type = typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Number' : 'Boolean';
    // A column with mixed types is declared String: MapLibre compares what it gets.
    fields[name] = fields[name] === undefined || fields[name] === type ? type : 'String';
  }
  const tiled: Feature = { type: 'Feature', geometry: feature.geometry, properties };
  // MVT feature ids are unsigned integers: keep one only when it is one (feature-state, hover).
  if (typeof id === 'number' && Number.isInteger(id) && id >= 0) tiled.id = id;
  return tiled;
}
