/**
 * Well-Known Binary (OGC Simple Features 1.2, ISO and PostGIS-extended type codes) into GeoJSON
 * geometry, for GeoPackage blobs. Hand-written: the maintained WKB readers on npm need Node's
 * Buffer (wkx) or bring a large dependency tree (loaders.gl); WKB is small and fully specified.
 * Z is kept, M dropped. Nesting and counts are bounded by the bytes actually present, so a hostile
 * count cannot make it allocate or loop beyond the blob's size.
 */
import type { Geometry, Position } from 'geojson';

export class WkbProblem extends Error {}

const TYPES = [
  '',
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'GeometryCollection',
] as const;
const LARGEST_NESTING = 32;

/** @example wkbToGeometry(Uint8Array.of(1, 1, 0, 0, 0, …16 bytes of x and y)) // { type: 'Point', coordinates: [x, y] } */
export function wkbToGeometry(bytes: Uint8Array): Geometry | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const need = (count: number) => {
    if (offset + count > bytes.length) throw new WkbProblem(`WKB cut short at byte ${offset}`);
  };

  function read(depth: number): Geometry | null {
    if (depth > LARGEST_NESTING) throw new WkbProblem('WKB nested too deeply');
    need(5);
    const little = view.getUint8(offset) === 1;
    offset += 1;
    let code = view.getUint32(offset, little);
    offset += 4;
    // PostGIS extended flags, then ISO's thousands.
    let hasZ = (code & 0x80000000) !== 0;
    let hasM = (code & 0x40000000) !== 0;
    if (code & 0x20000000) {
      need(4);
      offset += 4;
    }
    code &= 0x0fffffff;
    const dimension = Math.floor(code / 1000);
    if (dimension === 1 || dimension === 3) hasZ = true;
    if (dimension === 2 || dimension === 3) hasM = true;
    const type = TYPES[code % 1000];
    if (!type) throw new WkbProblem(`WKB geometry type ${code} is not one GeoJSON has`);
    const width = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);

    const count = () => {
      need(4);
      const value = view.getUint32(offset, little);
      offset += 4;
      return value;
    };
    const position = (): Position => {
      need(8 * width);
      const x = view.getFloat64(offset, little);
      const y = view.getFloat64(offset + 8, little);
      const z = hasZ ? view.getFloat64(offset + 16, little) : null;
      offset += 8 * width;
      return z === null ? [x, y] : [x, y, z];
    };
    const positions = (): Position[] => {
      const length = count();
      need(length * 8 * width);
      return Array.from({ length }, position);
    };
    const rings = (): Position[][] => {
      const length = count();
      need(length * 4);
      return Array.from({ length }, positions);
    };
    const members = <T extends Geometry>(expected: T['type']): T[] => {
      const length = count();
      need(length * 5);
      return Array.from({ length }, () => {
        const member = read(depth + 1);
        if (!member || member.type !== expected)
          throw new WkbProblem(`WKB ${type} holds a ${member?.type ?? 'empty geometry'}`);
        return member as T;
      });
    };

    switch (type) {
      case 'Point': {
        const point = position();
        // An empty point is written as NaN coordinates.
        return Number.isNaN(point[0]) && Number.isNaN(point[1]) ? null : { type, coordinates: point };
      }
      case 'LineString':
        return { type, coordinates: positions() };
      case 'Polygon':
        return { type, coordinates: rings() };
      case 'MultiPoint':
        return { type, coordinates: members<GeoJSON.Point>('Point').map((point) => point.coordinates) };
      case 'MultiLineString':
        return { type, coordinates: members<GeoJSON.LineString>('LineString').map((line) => line.coordinates) };
      case 'MultiPolygon':
        return { type, coordinates: members<GeoJSON.Polygon>('Polygon').map((polygon) => polygon.coordinates) };
      case 'GeometryCollection': {
        const length = count();
        need(length * 5);
        const geometries: Geometry[] = [];
        for (let index = 0; index < length; index++) {
          const member = read(depth + 1);
          if (member) geometries.push(member);
        }
        return { type, geometries };
      }
    }
  }

  return read(0);
}
