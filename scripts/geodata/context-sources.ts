/**
 * The real context data in `scripts/geodata/sources/` (see its README.md for origins, licences and
 * accuracy): which file holds what, the citation each feature carries, and the checks that the
 * files still hold what the build expects. Pure: file texts in, positions out.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';

export const CONTEXT_SOURCE_FILES = {
  datavMidlines: 'rivers-datav-boundary-midlines.geojson',
  gshhg: 'rivers-gshhg-wdbii.geojson',
  naturalEarth: 'rivers-natural-earth-10m.geojson',
  stations: 'railway-stations-osm.geojson',
  runways: 'airport-runways-osm.geojson',
} as const;

export type ContextSourceTexts = Record<keyof typeof CONTEXT_SOURCE_FILES, string>;

export const DATAV_MIDLINE_SOURCE =
  'DataV.GeoAtlas / 高德 via @datapool/luzhou.geojson 1.0.0 (MIT), converted GCJ-02→WGS84: midline taken from the 江阳区|龙马潭区 shared boundary (scripts/geodata/sources/rivers-datav-boundary-midlines.geojson)';
export const GSHHG_SOURCE =
  'GSHHG 2.3.7 WDBII rivers, full resolution (Wessel & Smith; LGPL-3.0-or-later), extracted with GMT 6.4 (scripts/geodata/sources/rivers-gshhg-wdbii.geojson)';
export const NATURAL_EARTH_SOURCE =
  'Natural Earth 10m rivers and lake centerlines (public domain) (scripts/geodata/sources/rivers-natural-earth-10m.geojson)';
export const OSM_STATIONS_SOURCE =
  '© OpenStreetMap contributors (ODbL 1.0), early-2025 data via OpenQGIS/OMap-GeoDB oData-railway-station (scripts/geodata/sources/railway-stations-osm.geojson)';
export const OSM_RUNWAYS_SOURCE =
  '© OpenStreetMap contributors (ODbL 1.0), early-2025 data via OpenQGIS/OMap-GeoDB oData-aeroways (scripts/geodata/sources/airport-runways-osm.geojson)';

export interface ContextSources {
  datav: { tuo: Position[]; yangtze: Position[] };
  gshhg: { yangtze: Position[]; tuo: Position[] };
  naturalEarth: { yangtze: Position[]; tuo: Position[] };
  stations: { name: string; position: Position }[];
  runways: Position[][];
}

type AnyCollection = FeatureCollection<Geometry | null, Record<string, unknown> | null>;

function parseCollection(text: string, file: string): AnyCollection {
  const value = JSON.parse(text) as AnyCollection;
  if (value?.type !== 'FeatureCollection' || !Array.isArray(value.features))
    throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  return value;
}

function lineWhere(
  collection: AnyCollection,
  file: string,
  matches: (properties: Record<string, unknown>) => boolean,
  what: string,
): Position[] {
  const found = collection.features.filter(
    (item) => item.geometry?.type === 'LineString' && matches(item.properties ?? {}),
  );
  if (found.length !== 1) throw new Error(`${file}: expected one LineString for ${what}, found ${found.length}`);
  return (found[0]!.geometry as { coordinates: Position[] }).coordinates;
}

export function parseContextSources(texts: ContextSourceTexts): ContextSources {
  const files = CONTEXT_SOURCE_FILES;
  const datav = parseCollection(texts.datavMidlines, files.datavMidlines);
  const gshhg = parseCollection(texts.gshhg, files.gshhg);
  const naturalEarth = parseCollection(texts.naturalEarth, files.naturalEarth);
  const stations = parseCollection(texts.stations, files.stations);
  const runways = parseCollection(texts.runways, files.runways);
  return {
    datav: {
      tuo: lineWhere(
        datav,
        files.datavMidlines,
        (properties) => properties['segment'] === 'jiangyang_longmatan_tuo',
        'the lower 沱江',
      ),
      yangtze: lineWhere(
        datav,
        files.datavMidlines,
        (properties) => properties['segment'] === 'jiangyang_longmatan_yangtze',
        '长江 below the confluence',
      ),
    },
    gshhg: {
      // Level 1 is the only major river in the frame; the 沱江 is the level-3 line named so by position.
      yangtze: lineWhere(gshhg, files.gshhg, (properties) => properties['wdb_level'] === 1, 'the Yangtze (level 1)'),
      tuo: lineWhere(
        gshhg,
        files.gshhg,
        (properties) => String(properties['name_guess'] ?? '').includes('沱江'),
        'the 沱江',
      ),
    },
    naturalEarth: {
      yangtze: lineWhere(
        naturalEarth,
        files.naturalEarth,
        (properties) => properties['name_en'] === 'Yangtze',
        'Yangtze',
      ),
      tuo: lineWhere(naturalEarth, files.naturalEarth, (properties) => properties['name_en'] === 'Tuo', 'Tuo'),
    },
    stations: stations.features.flatMap((item) => {
      const name = item.properties?.['name'];
      // Two OSM stations carry no name: nothing to label or offer, so they are left out.
      if (item.geometry?.type !== 'Point' || typeof name !== 'string' || name.trim() === '') return [];
      return [{ name: name.trim(), position: item.geometry.coordinates }];
    }),
    runways: runways.features.flatMap((item) =>
      item.geometry?.type === 'LineString' && item.properties?.['aeroway'] === 'runway'
        ? [item.geometry.coordinates]
        : [],
    ),
  };
}
