/**
 * Reads GeoJSON text someone hands us (a layer of the dataset, a planner's file) into a
 * FeatureCollection, or says in one line what is wrong and where.
 *
 * Accepts a Feature, a FeatureCollection, a bare geometry or a GeometryCollection, with or without
 * a UTF-8 byte-order mark. Features with a null geometry are kept (a place whose position is
 * unknown is still a place) and counted, so callers can report them as skipped. Nothing here
 * recurses on the input's shape beyond a fixed depth, so hostile nesting cannot overflow the stack.
 *
 * Coordinates are expected in WGS84 longitude, latitude (RFC 7946); a latitude outside ±90 is
 * reported with a hint that the axes may be swapped.
 *
 * Stays whole (over 350 lines): one reader with one bounded walk over the input; the checks per
 * geometry type share its position tracking, which is what makes every message say where.
 */
import type { Feature, FeatureCollection, Geometry, GeoJsonProperties, Position } from 'geojson';
import { findJsonSyntaxProblem } from './json-syntax.ts';

export interface GeoJsonProblem {
  /** One line for a person: file, what is wrong, where. */
  message: string;
  /** JSON path of the offending value, e.g. `features[3].geometry.coordinates[0][2]`. */
  path: string | null;
  line: number | null;
  column: number | null;
}

export type GeoJsonParseResult =
  | { ok: true; collection: FeatureCollection; nullGeometryCount: number }
  | ({ ok: false } & GeoJsonProblem);

/** GeometryCollections inside GeometryCollections beyond this are refused, not recursed into. */
export const MAXIMUM_GEOMETRY_COLLECTION_DEPTH = 8;

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** Thrown only inside this module and always caught by `parseGeoJson`. */
class GeoJsonShapeError extends Error {
  constructor(
    readonly problem: string,
    readonly path: string,
  ) {
    super(problem);
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return `${typeof value} ${String(value)}`;
}

/** JSON path of a member: `features[3].geometry`, or just `coordinates` at the top level. */
function member(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

const ALL_TYPES = ['FeatureCollection', 'Feature', ...GEOMETRY_TYPES];

/** `"Featurecollection" (did you mean "FeatureCollection"?)`: type names are case-sensitive. */
function describeType(type: unknown): string {
  if (typeof type !== 'string') return typeName(type);
  const match = ALL_TYPES.find((known) => known.toLowerCase() === type.toLowerCase());
  return match
    ? `${JSON.stringify(type)} (did you mean ${JSON.stringify(match)}? type names are case-sensitive)`
    : typeName(type);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkPosition(value: unknown, path: string): Position {
  if (!Array.isArray(value))
    throw new GeoJsonShapeError(`a position must be an array [longitude, latitude], found ${typeName(value)}`, path);
  for (let index = 0; index < value.length; index++) {
    const coordinate: unknown = value[index];
    if (Array.isArray(coordinate)) {
      throw new GeoJsonShapeError(
        'coordinates are nested deeper than this geometry type allows (expected [longitude, latitude] here)',
        path,
      );
    }
    if (typeof coordinate !== 'number' || !Number.isFinite(coordinate)) {
      throw new GeoJsonShapeError(`coordinate is not a number (found ${typeName(coordinate)})`, `${path}[${index}]`);
    }
  }
  if (value.length < 2)
    throw new GeoJsonShapeError(`a position needs longitude and latitude, found ${value.length} number(s)`, path);
  const longitude = value[0] as number;
  const latitude = value[1] as number;
  const longitudeOutside = longitude < -180 || longitude > 180;
  const latitudeOutside = latitude < -90 || latitude > 90;
  if (longitudeOutside && latitudeOutside) {
    throw new GeoJsonShapeError(
      `[${longitude}, ${latitude}] is not longitude/latitude in degrees (projected coordinates such as metres? convert to WGS84 first)`,
      path,
    );
  }
  if (latitudeOutside) {
    const hint = Math.abs(longitude) <= 90 ? ' (longitude and latitude swapped?)' : '';
    throw new GeoJsonShapeError(`latitude ${latitude} is outside −90…90${hint}`, `${path}[1]`);
  }
  if (longitudeOutside) throw new GeoJsonShapeError(`longitude ${longitude} is outside −180…180`, `${path}[0]`);
  return value as Position;
}

function checkArray(value: unknown, path: string, what: string): unknown[] {
  if (!Array.isArray(value)) throw new GeoJsonShapeError(`${what} must be an array, found ${typeName(value)}`, path);
  return value;
}

/** A finite number, or absent: the optional third and fourth members of a position. */
function isOptionalCoordinate(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * The common case, checked without building a JSON path: a 50 MB file has millions of positions,
 * and a path string per position was most of the validation's time. Anything else goes through
 * `checkPosition`, which says exactly what is wrong and where.
 */
function isOrdinaryPosition(position: unknown): boolean {
  if (!Array.isArray(position) || position.length < 2 || position.length > 4) return false;
  const longitude: unknown = position[0];
  const latitude: unknown = position[1];
  return (
    typeof longitude === 'number' &&
    typeof latitude === 'number' &&
    longitude >= -180 &&
    longitude <= 180 &&
    latitude >= -90 &&
    latitude <= 90 &&
    isOptionalCoordinate(position[2]) &&
    isOptionalCoordinate(position[3])
  );
}

function checkPositions(value: unknown, path: string, minimum: number, what: string): Position[] {
  const positions = checkArray(value, path, what);
  for (let index = 0; index < positions.length; index++) {
    const position: unknown = positions[index];
    if (!isOrdinaryPosition(position)) checkPosition(position, `${path}[${index}]`);
  }
  if (positions.length < minimum) {
    throw new GeoJsonShapeError(`${what} has ${positions.length} position(s); it needs at least ${minimum}`, path);
  }
  return positions as Position[];
}

function checkRing(value: unknown, path: string): Position[] {
  const ring = checkPositions(value, path, 4, 'a polygon ring');
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new GeoJsonShapeError('polygon ring is not closed (its last position must repeat its first)', path);
  }
  return ring;
}

function checkPolygonRings(value: unknown, path: string): void {
  const rings = checkArray(value, path, 'polygon coordinates');
  if (rings.length === 0) throw new GeoJsonShapeError('polygon has no rings', path);
  rings.forEach((ring, index) => checkRing(ring, `${path}[${index}]`));
}

function checkGeometry(value: unknown, path: string, collectionDepth: number): Geometry {
  if (!isPlainObject(value))
    throw new GeoJsonShapeError(`geometry must be an object or null, found ${typeName(value)}`, path);
  const type = value.type;
  if (typeof type !== 'string' || !GEOMETRY_TYPES.has(type)) {
    throw new GeoJsonShapeError(`unknown geometry type ${describeType(type)}`, member(path, 'type'));
  }
  const coordinatesPath = member(path, 'coordinates');
  const coordinates = value.coordinates;
  switch (type) {
    case 'Point':
      checkPosition(coordinates, coordinatesPath);
      break;
    case 'MultiPoint':
      checkPositions(coordinates, coordinatesPath, 0, 'MultiPoint coordinates');
      break;
    case 'LineString':
      checkPositions(coordinates, coordinatesPath, 2, 'a line');
      break;
    case 'MultiLineString':
      checkArray(coordinates, coordinatesPath, 'MultiLineString coordinates').forEach((line, index) =>
        checkPositions(line, `${coordinatesPath}[${index}]`, 2, 'a line'),
      );
      break;
    case 'Polygon':
      checkPolygonRings(coordinates, coordinatesPath);
      break;
    case 'MultiPolygon':
      checkArray(coordinates, coordinatesPath, 'MultiPolygon coordinates').forEach((polygon, index) =>
        checkPolygonRings(polygon, `${coordinatesPath}[${index}]`),
      );
      break;
    case 'GeometryCollection': {
      if (collectionDepth >= MAXIMUM_GEOMETRY_COLLECTION_DEPTH) {
        throw new GeoJsonShapeError(
          `GeometryCollections nested more than ${MAXIMUM_GEOMETRY_COLLECTION_DEPTH} deep`,
          path,
        );
      }
      const members = checkArray(value.geometries, member(path, 'geometries'), 'geometries');
      members.forEach((geometry, index) =>
        checkGeometry(geometry, `${member(path, 'geometries')}[${index}]`, collectionDepth + 1),
      );
      break;
    }
  }
  return value as unknown as Geometry;
}

/**
 * A property value nested deeper than this is refused. JSON.parse reads any depth, but what the
 * import does next (structuredClone for GCJ-02, JSON.stringify for the map, postMessage from the
 * worker) recurses and overflowed the stack at a few thousand levels (found by the fuzzer,
 * issue 12). Real attribute tables are flat or a few levels deep.
 */
export const MAXIMUM_PROPERTY_DEPTH = 100;

function checkPropertyDepth(properties: Record<string, unknown>, path: string): void {
  // Explicit stack: this walk must not overflow on the very input it exists to refuse.
  const pending: { value: unknown; depth: number; name: string }[] = [];
  for (const name in properties) {
    const child = properties[name];
    if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: 1, name });
  }
  while (pending.length > 0) {
    const { value, depth, name } = pending.pop()!;
    if (depth > MAXIMUM_PROPERTY_DEPTH) {
      throw new GeoJsonShapeError(
        `property ${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)} is nested more than ${MAXIMUM_PROPERTY_DEPTH} levels deep`,
        `${path}[${JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name)}]`,
      );
    }
    const container = value as Record<string, unknown>;
    for (const key in container) {
      const child = container[key];
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth: depth + 1, name });
    }
  }
}

function checkFeature(value: unknown, path: string): Feature {
  if (!isPlainObject(value)) throw new GeoJsonShapeError(`a feature must be an object, found ${typeName(value)}`, path);
  if (value.type !== 'Feature')
    throw new GeoJsonShapeError(`expected type "Feature", found ${typeName(value.type)}`, member(path, 'type'));
  if (!('geometry' in value))
    throw new GeoJsonShapeError('feature has no "geometry" member (use null for an unknown position)', path);
  const geometry = value.geometry === null ? null : checkGeometry(value.geometry, member(path, 'geometry'), 0);
  const properties = value.properties ?? null;
  if (properties !== null && !isPlainObject(properties)) {
    throw new GeoJsonShapeError(
      `properties must be an object or null, found ${typeName(properties)}`,
      member(path, 'properties'),
    );
  }
  if (properties !== null) checkPropertyDepth(properties, member(path, 'properties'));
  const feature: Feature = {
    type: 'Feature',
    geometry: geometry as Geometry,
    properties: properties as GeoJsonProperties,
  };
  if (typeof value.id === 'string' || typeof value.id === 'number') feature.id = value.id;
  return feature;
}

function toCollection(root: unknown): FeatureCollection {
  if (!isPlainObject(root)) throw new GeoJsonShapeError(`expected a GeoJSON object, found ${typeName(root)}`, '');
  const type = root.type;
  if (type === 'FeatureCollection') {
    const features = checkArray(root.features, 'features', '"features"');
    return {
      type: 'FeatureCollection',
      features: features.map((feature, index) => checkFeature(feature, `features[${index}]`)),
    };
  }
  if (type === 'Feature') return { type: 'FeatureCollection', features: [checkFeature(root, '')] };
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    return {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: checkGeometry(root, '', 0), properties: {} }],
    };
  }
  throw new GeoJsonShapeError(
    type === undefined ? 'not GeoJSON: the object has no "type"' : `not GeoJSON: unknown type ${describeType(type)}`,
    type === undefined ? '' : 'type',
  );
}

export function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `JSON.parse` with a positioned, one-line message instead of an engine-specific exception. */
export function parseJsonText(
  text: string,
  fileName: string,
): { ok: true; value: unknown } | ({ ok: false } & GeoJsonProblem) {
  const body = stripByteOrderMark(text);
  if (body.trim() === '')
    return { ok: false, message: `${fileName}: the file is empty`, path: null, line: null, column: null };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const located = findJsonSyntaxProblem(body);
    if (located) {
      const nonJsonNumber = /^(?:NaN|-?Infinity)/.test(body.slice(located.offset));
      if (nonJsonNumber) located.problem += ' (NaN and Infinity are not allowed in JSON)';
      return {
        ok: false,
        message: `${fileName}: not valid JSON: ${located.problem} at line ${located.line}, column ${located.column}`,
        path: null,
        line: located.line,
        column: located.column,
      };
    }
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${fileName}: not valid JSON: ${reason}`, path: null, line: null, column: null };
  }
}

/** Validates an already-parsed value as GeoJSON (for callers that parsed it themselves). */
export function normaliseGeoJson(value: unknown, fileName: string): GeoJsonParseResult {
  try {
    const collection = toCollection(value);
    const nullGeometryCount = collection.features.reduce(
      (count, feature) => count + (feature.geometry === null ? 1 : 0),
      0,
    );
    return { ok: true, collection, nullGeometryCount };
  } catch (error) {
    if (error instanceof GeoJsonShapeError) {
      return {
        ok: false,
        message: `${fileName}: ${error.problem} ${error.path === '' ? 'at the top level' : `at ${error.path}`}`,
        path: error.path,
        line: null,
        column: null,
      };
    }
    // A RangeError from an engine limit is the only other way here; say so rather than crash.
    return {
      ok: false,
      message: `${fileName}: could not be read as GeoJSON (${error instanceof Error ? error.message : String(error)})`,
      path: null,
      line: null,
      column: null,
    };
  }
}

/**
 * @example
 * parseGeoJson('{"type":"Point","coordinates":[105.44,28.89]}', 'point.geojson')
 * // { ok: true, collection: { type: 'FeatureCollection', features: [ … ] }, nullGeometryCount: 0 }
 * parseGeoJson('{"type":"Point","coordinates":[105.44]}', 'bad.geojson')
 * // { ok: false, message: 'bad.geojson: a position needs longitude and latitude, found 1 number(s) at coordinates', … }
 */
export function parseGeoJson(text: string, fileName: string): GeoJsonParseResult {
  const parsed = parseJsonText(text, fileName);
  if (!parsed.ok) return parsed;
  return normaliseGeoJson(parsed.value, fileName);
}
