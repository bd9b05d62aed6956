/**
 * The county-level units of 泸州市 from `@datapool/luzhou.geojson`, converted from GCJ-02 to WGS84.
 *
 * The package ships a browser script (`var LuzhouGeoJSON = {...};`) rather than JSON, so the object
 * literal is cut out of the text and parsed; nothing in it is executed.
 */
import { featureCollection, polygon } from '@turf/helpers';
import { union } from '@turf/union';
import gcoord from 'gcoord';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface DistrictProperties {
  adcode: number;
  name: string;
}

export type DistrictCollection = FeatureCollection<Polygon | MultiPolygon, DistrictProperties>;

/** English names by adcode (Ministry of Civil Affairs romanisation). */
export const DISTRICT_NAMES_EN: Readonly<Record<number, string>> = {
  510502: 'Jiangyang District',
  510503: 'Naxi District',
  510504: 'Longmatan District',
  510521: 'Lu County',
  510522: 'Hejiang County',
  510524: 'Xuyong County',
  510525: 'Gulin County',
};

export function parseLuzhouPackage(scriptText: string): DistrictCollection {
  const start = scriptText.indexOf('{');
  const end = scriptText.indexOf('};');
  if (start < 0 || end < start) {
    throw new Error('@datapool/luzhou.geojson: could not find the "var LuzhouGeoJSON = {...};" object literal');
  }
  const parsed = JSON.parse(scriptText.slice(start, end + 1)) as DistrictCollection;
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new Error('@datapool/luzhou.geojson: the object literal is not a GeoJSON FeatureCollection');
  }
  // Only adcode and name survive: the package's `center`/`centroid` are GCJ-02 points that would
  // otherwise ride along unconverted.
  const features = parsed.features.map((feature) => ({
    type: 'Feature' as const,
    properties: { adcode: feature.properties.adcode, name: feature.properties.name },
    geometry: feature.geometry,
  }));
  const collection: DistrictCollection = { type: 'FeatureCollection', features };
  // gcoord declares its own GeoJSON types; the shapes are the same, and it converts in place.
  type GcoordInput = Parameters<typeof gcoord.transform>[0];
  const converted = gcoord.transform(
    collection as unknown as GcoordInput,
    gcoord.GCJ02,
    gcoord.WGS84,
  ) as unknown as DistrictCollection;
  return {
    type: 'FeatureCollection',
    features: converted.features.map((district) => ({ ...district, geometry: dissolveParts(district.geometry) })),
  };
}

/**
 * DataV ships 纳溪 and 叙永 with tiny extra parts (0.01–0.05 km²) that fill notches of the main
 * ring and share its vertices, which makes the MultiPolygon self-touching (invalid). Dissolving the
 * parts gives one valid polygon with the same area.
 */
function dissolveParts(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon' || geometry.coordinates.length < 2) return geometry;
  const dissolved = union(featureCollection(geometry.coordinates.map((rings) => polygon(rings))));
  if (!dissolved) throw new Error('dissolving district parts left nothing');
  return dissolved.geometry;
}

export function districtByAdcode(districts: DistrictCollection, adcode: number) {
  const district = districts.features.find((feature) => feature.properties.adcode === adcode);
  if (!district) throw new Error(`district ${adcode} missing from @datapool/luzhou.geojson`);
  return district;
}

export const ADCODE = {
  jiangyang: 510502,
  naxi: 510503,
  longmatan: 510504,
  luxian: 510521,
} as const;
