/**
 * The committed zone dataset in geodata/: what the map, the stats CLI and a planner rely on.
 * Every layer named by the manifest is checked for the contract's properties, valid WGS84
 * geometry, stated figures met by measured ellipsoidal area, and geography that matches the
 * evidence (wings inside their districts, nothing built in the river). The last test rebuilds
 * the whole dataset and compares it with the committed bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { difference } from '@turf/difference';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';
import { lineIntersect } from '@turf/line-intersect';
import { pointOnFeature } from '@turf/point-on-feature';
import type { Feature, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAuthoritativeTexts, readContextSourceTexts, readLuzhouPackageText } from '../../scripts/build-geodata.ts';
import { buildGeodata } from '../../scripts/geodata/build.ts';
import { AUTHORITATIVE_LAYERS } from '../../scripts/geodata/layout.ts';
import { CONFIDENCE_LEVELS, type Manifest, type ZoneFeatureProperties } from '../../src/data/dataset-types.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { validateLayerFeatures } from '../../src/data/validate-features.ts';

const GEODATA = join(import.meta.dirname, '..', '..', 'geodata');
const readText = (name: string) => readFileSync(join(GEODATA, name), 'utf8');

type Areal = Polygon | MultiPolygon;
type ZoneFeature = Feature<Geometry, ZoneFeatureProperties & Record<string, unknown>>;

const manifest = JSON.parse(readText('manifest.json')) as Manifest;
const layers = new Map<string, ZoneFeature[]>(
  manifest.layers.map((definition) => [definition.id, JSON.parse(readText(definition.file)).features as ZoneFeature[]]),
);
const allFeatures = [...layers.values()].flat();
const byId = (id: string): ZoneFeature => {
  const found = allFeatures.find((item) => item.properties.id === id);
  if (!found) throw new Error(`no feature ${id}`);
  return found;
};
const areal = (id: string) => byId(id).geometry as Areal;
const polygonFeatures = allFeatures.filter(
  (item) => item.geometry.type === 'Polygon' || item.geometry.type === 'MultiPolygon',
);

// 1 亩 = 10000/15 m² (zone-facts §1); written out here rather than taken from the build, so a unit slip there fails.
const SQUARE_METRES = { m2: 1, ha: 10_000, km2: 1_000_000, mu: 10_000 / 15 } as const;

function intersectionArea(first: Areal, second: Areal): number {
  return ellipsoidalArea(intersect(featureCollection([feature(first), feature(second)]))?.geometry);
}
function outsideArea(shape: Areal, container: Areal): number {
  return ellipsoidalArea(difference(featureCollection([feature(shape), feature(container)]))?.geometry);
}
function rings(geometry: Areal): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}
/** RFC 7946 winding is the sign of the ring's area in the lon/lat plane (shoelace). */
function isCounterClockwise(ring: Position[]): boolean {
  let twiceArea = 0;
  for (let index = 0; index + 1 < ring.length; index++)
    twiceArea += ring[index]![0]! * ring[index + 1]![1]! - ring[index + 1]![0]! * ring[index]![1]!;
  return twiceArea > 0;
}
/** Kilometres east and north of a point near Luzhou: a local flat approximation, plenty for metre-level clearances. */
function localKm(position: Position): [number, number] {
  return [(position[0]! - 105.5) * 111.32 * Math.cos((28.9 * Math.PI) / 180), (position[1]! - 28.9) * 110.574];
}
function distanceKm(from: Position, to: Position): number {
  const [fromEast, fromNorth] = localKm(from);
  const [toEast, toNorth] = localKm(to);
  return Math.hypot(fromEast - toEast, fromNorth - toNorth);
}
function segmentDistanceKm(point: Position, start: Position, end: Position): number {
  const [px, py] = localKm(point);
  const [ax, ay] = localKm(start);
  const [bx, by] = localKm(end);
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  const along =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / lengthSquared));
  return Math.hypot(px - (ax + along * (bx - ax)), py - (ay + along * (by - ay)));
}

describe('manifest', () => {
  it('lists the binding layer ids bottom to top, each with an existing file', () => {
    expect(manifest.layers.map((layer) => layer.id)).toEqual([
      'districts',
      'river',
      'runways',
      'zone',
      'wings',
      'core',
      'parks',
      'areas',
      'green',
      'places',
      'transport',
    ]);
    for (const layer of manifest.layers) expect(() => readText(layer.file), layer.file).not.toThrow();
  });

  it('marks only the green layer as green land and only zone, core and wings as planning units', () => {
    expect(manifest.layers.filter((layer) => layer.green).map((layer) => layer.id)).toEqual(['green']);
    expect(manifest.layers.filter((layer) => layer.unit).map((layer) => layer.id)).toEqual(['zone', 'wings', 'core']);
  });

  it('gives every layer a colour, both titles and both descriptions', () => {
    for (const layer of manifest.layers) {
      expect(layer.color, layer.id).toMatch(/^#[0-9a-f]{6}$/i);
      for (const text of [layer.title.zh, layer.title.en, layer.description.zh, layer.description.en]) {
        expect(text.trim().length, layer.id).toBeGreaterThan(0);
      }
    }
  });

  it('states the zone area as 202 km² and the green share as "over 40 %", saying what that share covers', () => {
    expect(manifest.stated.zoneArea).toMatchObject({ value: 202, unit: 'km2' });
    expect(manifest.stated.greenShare).toMatchObject({ value: 40, unit: 'percent', qualifier: 'over' });
    expect(manifest.stated.greenShare.covers.en).toMatch(/绿地率/);
    expect(manifest.credits.some((credit) => credit.en.includes('DataV') && credit.en.includes('高德'))).toBe(true);
  });
});

describe('every feature', () => {
  it('carries the contract properties with a valid confidence, in its own layer', () => {
    for (const definition of manifest.layers) {
      const features = layers.get(definition.id)!;
      expect(features.length, definition.id).toBeGreaterThan(0);
      for (const { properties } of features) {
        const label = properties.id;
        expect(properties.layer, label).toBe(definition.id);
        for (const key of ['id', 'name_zh', 'name_en', 'kind', 'source'] as const) {
          expect(typeof properties[key], `${label}.${key}`).toBe('string');
          expect(properties[key].trim().length, `${label}.${key}`).toBeGreaterThan(0);
        }
        expect(CONFIDENCE_LEVELS, label).toContain(properties.confidence);
      }
    }
  });

  it('has an ascii kebab-case id unique across the dataset', () => {
    const ids = allFeatures.map((item) => item.properties.id);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says in its notes what is estimated whenever it is not high confidence', () => {
    for (const { properties } of allFeatures) {
      if (properties.confidence === 'high') continue;
      expect(properties.notes_zh?.length ?? 0, properties.id).toBeGreaterThan(0);
      expect(properties.notes_en?.length ?? 0, properties.id).toBeGreaterThan(0);
    }
  });

  it('gives a stated area only together with its unit and its source', () => {
    for (const { properties } of allFeatures) {
      const present = [properties.stated_area, properties.stated_area_unit, properties.stated_area_source].filter(
        (value) => value !== undefined,
      );
      expect([0, 3], properties.id).toContain(present.length);
      if (properties.stated_area_unit) expect(Object.keys(SQUARE_METRES)).toContain(properties.stated_area_unit);
    }
  });

  it('keeps notes out of names: no bracketed description that is not part of the real name', () => {
    // Brackets that are part of an official name: 中国电子(泸州), 华为(四川), a hospital campus.
    const realBracketed = /^\((泸州|四川|沙茜院区)\)$/;
    for (const { properties } of allFeatures) {
      for (const bracket of properties.name_zh.match(/[((][^()()]*[))]/g) ?? []) {
        expect(bracket.replace(/[((]/, '(').replace(/[))]/, ')'), `${properties.id}: ${properties.name_zh}`).toMatch(
          realBracketed,
        );
      }
      expect(`${properties.name_zh} ${properties.name_en}`, properties.id).not.toMatch(/位置未知|position unknown/i);
    }
  });

  it('describes each real place once: a park polygon and a point inside it only when their names say they differ', () => {
    const names = allFeatures
      .filter((item) => item.properties.layer !== 'districts')
      .map((item) => item.properties.name_zh);
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    expect(repeated).toEqual([]);
    expect(allFeatures.some((item) => item.properties.id === 'place-intelligent-terminal-park')).toBe(false);
    expect(byId('park-big-data').properties.name_zh).toBe('大数据产业园');
    expect(byId('place-huawei-big-data-centre').properties.name_zh).toBe('华为(四川)大数据中心');
    // The data centre point sits inside the park drawn around it.
    expect(
      booleanPointInPolygon(
        (byId('place-huawei-big-data-centre').geometry as Point).coordinates,
        areal('park-big-data'),
      ),
    ).toBe(true);
  });

  it('has the geometry type its layer declares', () => {
    const expected = {
      polygon: ['Polygon', 'MultiPolygon'],
      line: ['LineString', 'MultiLineString'],
      point: ['Point'],
    };
    for (const definition of manifest.layers) {
      for (const item of layers.get(definition.id)!)
        expect(expected[definition.geometry], item.properties.id).toContain(item.geometry.type);
    }
  });
});

describe('contract flags in a replacement file', () => {
  const green = manifest.layers.find((layer) => layer.id === 'green')!;
  const park = (extra: Record<string, unknown>) => ({
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [105.5, 28.86] },
        properties: {
          id: 'p',
          name_zh: '公园',
          name_en: 'Park',
          kind: 'park',
          source: 'survey',
          confidence: 'high',
          ...extra,
        },
      },
    ],
  });
  const problemsOf = (extra: Record<string, unknown>) => {
    const result = validateLayerFeatures(park(extra), { ...green, geometry: 'point' }, new Map());
    return result.ok ? [] : result.problems;
  };

  it('accepts position_unknown and sized_to_stated as booleans, with a stated area for the latter', () => {
    expect(problemsOf({ position_unknown: true })).toEqual([]);
    expect(
      problemsOf({ sized_to_stated: true, stated_area: 3, stated_area_unit: 'km2', stated_area_source: 'plan' }),
    ).toEqual([]);
  });

  it('names the property and the value when a flag is not a boolean', () => {
    expect(problemsOf({ position_unknown: 'yes' })).toEqual([
      'green.geojson: features[0] (p): "position_unknown" must be true or false, found "yes"',
    ]);
  });

  it('refuses sized_to_stated without a stated area, which would call a match that never happened "by construction"', () => {
    expect(problemsOf({ sized_to_stated: true })).toEqual([
      'green.geojson: features[0] (p): "sized_to_stated" is true but the feature has no stated_area',
    ]);
  });
});

describe('geometry', () => {
  const positionsOf = (geometry: Geometry): Position[] => {
    switch (geometry.type) {
      case 'Point':
        return [geometry.coordinates];
      case 'LineString':
        return geometry.coordinates;
      case 'Polygon':
        return geometry.coordinates.flat();
      case 'MultiPolygon':
        return geometry.coordinates.flat(2);
      default:
        return [];
    }
  };

  it('has finite WGS84 positions around Luzhou, with at most 6 decimals', () => {
    for (const item of allFeatures) {
      for (const [longitude, latitude, ...extra] of positionsOf(item.geometry)) {
        expect(extra, item.properties.id).toEqual([]);
        // A lon/lat swap or a stray projected coordinate lands far outside 泸州市's box.
        expect(
          longitude! >= 105 && longitude! <= 106.5 && latitude! >= 27.5 && latitude! <= 29.5,
          `${item.properties.id} ${longitude},${latitude}`,
        ).toBe(true);
        expect(String(longitude).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
        expect(String(latitude).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
      }
    }
  });

  it('closes every ring with at least 4 positions, exteriors counter-clockwise and holes clockwise (RFC 7946)', () => {
    for (const item of polygonFeatures) {
      const polygons =
        item.geometry.type === 'Polygon' ? [item.geometry.coordinates] : (item.geometry as MultiPolygon).coordinates;
      for (const polygon of polygons) {
        polygon.forEach((ring, index) => {
          expect(ring.length, item.properties.id).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1], item.properties.id).toEqual(ring[0]);
          expect(isCounterClockwise(ring), `${item.properties.id} ring ${index}`).toBe(index === 0);
        });
      }
    }
  });

  it('has no self-intersecting polygon or line', () => {
    for (const item of allFeatures) {
      if (item.geometry.type === 'Point') continue;
      const crossings = kinks(item.geometry as Areal | LineString).features;
      expect(
        crossings.length,
        `${item.properties.id} kinks at ${JSON.stringify(crossings[0]?.geometry.coordinates)}`,
      ).toBe(0);
    }
  });
});

describe('areas', () => {
  it('meets every stated figure within 2 % (ellipsoidal area)', () => {
    const stated = allFeatures.filter((item) => item.properties.stated_area !== undefined);
    expect(stated.length).toBeGreaterThanOrEqual(10);
    for (const { properties, geometry } of stated) {
      const statedSquareMetres = properties.stated_area! * SQUARE_METRES[properties.stated_area_unit!];
      const measured = ellipsoidalArea(geometry);
      expect(
        Math.abs(measured / statedSquareMetres - 1),
        `${properties.id}: ${measured} m² vs ${statedSquareMetres} m²`,
      ).toBeLessThan(0.02);
    }
  });

  it('flags exactly the shapes the build sized to their stated figure, and each one meets it within 0.1 %', () => {
    const stated = allFeatures.filter((item) => item.properties.stated_area !== undefined);
    // Every stated figure in this schematic dataset was drawn to, not checked against: the UI relies on the flag to say so.
    for (const { properties, geometry } of stated) {
      expect(properties.sized_to_stated, properties.id).toBe(true);
      const statedSquareMetres = properties.stated_area! * SQUARE_METRES[properties.stated_area_unit!];
      expect(Math.abs(ellipsoidalArea(geometry) / statedSquareMetres - 1), properties.id).toBeLessThan(0.001);
    }
    for (const { properties } of allFeatures) {
      if (properties.stated_area === undefined) expect(properties.sized_to_stated, properties.id).toBeUndefined();
    }
  });

  it('keeps the green figures the article gives, in 亩', () => {
    const statedMu = Object.fromEntries(
      layers
        .get('green')!
        .map(({ properties }) => [properties.id, [properties.stated_area, properties.stated_area_unit]]),
    );
    expect(statedMu).toEqual({
      'green-yuzixi-wetland-park': [1800, 'mu'],
      'green-zhangba-longan-forest': [4500, 'mu'],
      'green-yangqiao-lake-park': [2000, 'mu'],
      'green-taian-riverside-belt': [800, 'mu'],
    });
  });

  it('measures the zone outline at 202 km² within 2 %, composed of the core and both wings', () => {
    const zone = areal('zone-luzhou-hitech');
    expect(Math.abs(ellipsoidalArea(zone) / 202e6 - 1)).toBeLessThan(0.02);
    for (const unit of ['core-longmatan', 'wing-jiangyang', 'wing-luxian']) {
      expect(outsideArea(areal(unit), zone) / ellipsoidalArea(areal(unit)), unit).toBeLessThan(0.001);
    }
    expect(ellipsoidalArea(areal('core-longmatan'))).toBeCloseTo(4.62e6, -4);
  });

  it('reproduces the official district areas from the converted DataV boundaries within 0.5 %', () => {
    // Official figures (km²) as recorded in zone-facts §4.
    const official = { 'district-jiangyang': 649, 'district-longmatan': 332, 'district-naxi': 1151 };
    for (const [id, km2] of Object.entries(official)) {
      expect(Math.abs(ellipsoidalArea(areal(id)) / (km2 * 1e6) - 1), id).toBeLessThan(0.005);
    }
    expect(
      layers
        .get('districts')!
        .map((item) => item.properties.adcode)
        .sort(),
    ).toEqual([510502, 510503, 510504, 510521, 510522, 510524, 510525]);
  });
});

describe('geography', () => {
  const riverLines = () => layers.get('river')!.map((item) => item.geometry as LineString);

  it('converted the districts out of GCJ-02: each government seat (WGS84) lies inside its own district', () => {
    const seats: [string, Position][] = [
      ['district-jiangyang', [105.4415, 28.8859]],
      ['district-longmatan', [105.4316, 28.9006]],
      ['district-luxian', [105.3728, 29.1541]],
      ['district-naxi', [105.3737, 28.7794]],
    ];
    for (const [id, seat] of seats) expect(booleanPointInPolygon(seat, areal(id)), id).toBe(true);
  });

  it('keeps each wing inside its district and the core inside 龙马潭区 (≤ 1 % outside)', () => {
    const pairs = [
      ['wing-jiangyang', 'district-jiangyang'],
      ['wing-luxian', 'district-luxian'],
      ['core-longmatan', 'district-longmatan'],
    ];
    for (const [unit, district] of pairs) {
      expect(outsideArea(areal(unit!), areal(district!)) / ellipsoidalArea(areal(unit!)), unit).toBeLessThan(0.01);
    }
  });

  it('keeps every park, planning area and green space inside the zone, and parks inside a wing', () => {
    const zone = areal('zone-luzhou-hitech');
    for (const layerId of ['parks', 'areas', 'green']) {
      for (const item of layers.get(layerId)!) {
        const shape = item.geometry as Areal;
        expect(outsideArea(shape, zone) / ellipsoidalArea(shape), item.properties.id).toBeLessThan(0.01);
      }
    }
    for (const item of layers.get('parks')!) {
      const shape = item.geometry as Areal;
      const inWing = Math.max(
        intersectionArea(shape, areal('wing-jiangyang')),
        intersectionArea(shape, areal('wing-luxian')),
      );
      expect(inWing / ellipsoidalArea(shape), item.properties.id).toBeGreaterThan(0.99);
    }
  });

  it('never counts park land as green: green spaces and parks do not overlap', () => {
    for (const green of layers.get('green')!) {
      for (const park of layers.get('parks')!) {
        expect(
          intersectionArea(green.geometry as Areal, park.geometry as Areal),
          `${green.properties.id} × ${park.properties.id}`,
        ).toBeLessThan(1000);
      }
    }
  });

  it('builds nothing in the river: no zone polygon contains a river vertex or crosses the river line', () => {
    const planned = polygonFeatures.filter((item) => item.properties.layer !== 'districts');
    for (const item of planned) {
      const shape = item.geometry as Areal;
      for (const line of riverLines()) {
        const inside = line.coordinates.filter((vertex) => booleanPointInPolygon(vertex, shape));
        expect(inside, `${item.properties.id} contains river vertices`).toEqual([]);
        expect(lineIntersect(line, shape).features.length, `${item.properties.id} crosses ${line.coordinates[0]}`).toBe(
          0,
        );
      }
    }
  });

  it('keeps the water free: no planned polygon comes within 250 m of the Yangtze line or 100 m of the Tuo line', () => {
    // District lines run mid-stream; the Yangtze here is 600–800 m wide, the Tuo about 300 m.
    const clearanceKm = { 'river-yangtze': 0.25, 'river-tuo': 0.1 } as Record<string, number>;
    const planned = polygonFeatures.filter((item) => item.properties.layer !== 'districts');
    for (const river of layers.get('river')!) {
      const line = (river.geometry as LineString).coordinates;
      for (const item of planned) {
        let nearest = Infinity;
        for (const ring of rings(item.geometry as Areal)) {
          for (const vertex of ring) {
            for (let index = 0; index + 1 < line.length; index++)
              nearest = Math.min(nearest, segmentDistanceKm(vertex, line[index]!, line[index + 1]!));
          }
        }
        expect(nearest, `${item.properties.id} to ${river.properties.id}`).toBeGreaterThan(
          clearanceKm[river.properties.id]!,
        );
      }
    }
  });

  it('places features where the evidence puts them (zone-facts §3, within its stated uncertainty)', () => {
    const expectations: [string, Position, number][] = [
      ['green-yuzixi-wetland-park', [105.501, 28.858], 2],
      ['area-yuzixi-lake-living', [105.501, 28.858], 2],
      ['green-zhangba-longan-forest', [105.474, 28.894], 1.5],
      ['park-pharmaceutical', [105.352, 29.15], 2],
      ['park-china-electronics', [105.527, 28.843], 2],
      ['park-big-data', [105.519, 28.856], 2],
      ['green-taian-riverside-belt', [105.532, 28.875], 2],
    ];
    for (const [id, position, toleranceKm] of expectations) {
      const anchor = pointOnFeature(byId(id)).geometry.coordinates;
      expect(distanceKm(anchor, position), id).toBeLessThan(toleranceKm);
    }
    // 张坝 is east of 沙茜 (105.462); the pharmaceutical park is 城西, west of 福集 (105.3728).
    expect(pointOnFeature(byId('green-zhangba-longan-forest')).geometry.coordinates[0]).toBeGreaterThan(105.462);
    expect(pointOnFeature(byId('park-pharmaceutical')).geometry.coordinates[0]).toBeLessThan(105.3728);
  });

  it('puts every place inside the zone outline', () => {
    const zone = areal('zone-luzhou-hitech');
    for (const item of layers.get('places')!) {
      expect(booleanPointInPolygon((item.geometry as Point).coordinates, zone), item.properties.id).toBe(true);
    }
  });

  it('marks the unknown-position 杨桥湖 park with position_unknown, keeps its real name, and says in its notes where and why it is drawn', () => {
    const yangqiao = byId('green-yangqiao-lake-park').properties;
    expect(yangqiao.confidence).toBe('schematic');
    expect(yangqiao.position_unknown).toBe(true);
    expect(yangqiao.name_zh).toBe('杨桥湖生态公园');
    expect(yangqiao.name_en).toBe('Yangqiao Lake Ecological Park');
    expect(yangqiao.notes_zh).toMatch(/位置未知/);
    expect(yangqiao.notes_en).toMatch(/position unknown/i);
    expect(yangqiao.notes_en).toMatch(/not its real site/);
    // Only 杨桥湖 has no located source; everything else is at least a reasoned guess.
    expect(
      allFeatures.filter((item) => item.properties.position_unknown === true).map((item) => item.properties.id),
    ).toEqual(['green-yangqiao-lake-park']);
  });

  it('marks the core as schematic and says so in its notes', () => {
    expect(byId('core-longmatan').properties.confidence).toBe('schematic');
    expect(byId('core-longmatan').properties.notes_en).toMatch(/schematic/i);
  });
});

describe('build', () => {
  let built: Record<string, string>;
  beforeAll(() => {
    built = buildGeodata(readLuzhouPackageText(), readContextSourceTexts(), readAuthoritativeTexts()).files;
  }, 120_000);

  it('reproduces every committed file byte for byte', () => {
    const generated = manifest.layers.filter((layer) => !AUTHORITATIVE_LAYERS.includes(layer.id));
    expect(Object.keys(built).sort()).toEqual(
      ['manifest.json', 'labels.geojson', ...generated.map((layer) => layer.file)].sort(),
    );
    for (const [name, text] of Object.entries(built))
      expect(text === readText(name), `${name} differs from the build: run npm run build:geodata`).toBe(true);
  });
});

describe('real context: rivers, stations, airports (scripts/geodata/sources/)', () => {
  const river = (id: string) => byId(id).geometry as LineString;
  const stretches = (id: string) =>
    JSON.parse(byId(id).properties['stretches'] as string) as {
      source: string;
      confidence: string;
      first_vertex: number;
      last_vertex: number;
    }[];
  const sourceLine = (segment: string): Position[] =>
    JSON.parse(
      readFileSync(
        join(
          import.meta.dirname,
          '..',
          '..',
          'scripts',
          'geodata',
          'sources',
          'rivers-datav-boundary-midlines.geojson',
        ),
        'utf8',
      ),
    ).features.find((item: Feature) => item.properties?.['segment'] === segment).geometry.coordinates;

  it("draws the Yangtze across the whole frame (upstream of the confluence too) and the Tuo from the frame's west edge", () => {
    const yangtze = river('river-yangtze').coordinates;
    expect(yangtze[0]![0]).toBeCloseTo(105.2, 6);
    expect(yangtze.at(-1)![0]).toBeCloseTo(105.8, 6);
    expect(river('river-tuo').coordinates[0]![0]).toBeCloseTo(105.2, 6);
  });

  it('ends the Tuo on a vertex of the Yangtze line at the confluence: no gap', () => {
    const mouth = river('river-tuo').coordinates.at(-1)!;
    expect(river('river-yangtze').coordinates.some((vertex) => vertex[0] === mouth[0] && vertex[1] === mouth[1])).toBe(
      true,
    );
    expect(distanceKm(mouth, [105.441, 28.8976])).toBeLessThan(0.05);
  });

  it('has no jump anywhere along either river (longest segment under 2.5 km)', () => {
    for (const id of ['river-yangtze', 'river-tuo']) {
      const line = river(id).coordinates;
      for (let index = 1; index < line.length; index++)
        expect(distanceKm(line[index - 1]!, line[index]!), `${id} at ${index}`).toBeLessThan(2.5);
    }
  });

  it('turns no sharper than 90° anywhere, the joins included: no hook where one source hands over to the next', () => {
    const heading = (from: Position, to: Position) =>
      Math.atan2(to[1]! - from[1]!, (to[0]! - from[0]!) * Math.cos((29 * Math.PI) / 180)) * (180 / Math.PI);
    for (const id of ['river-yangtze', 'river-tuo']) {
      const line = river(id).coordinates;
      for (let index = 1; index + 1 < line.length; index++) {
        const turn = Math.abs(heading(line[index]!, line[index + 1]!) - heading(line[index - 1]!, line[index]!));
        expect(Math.min(turn, 360 - turn), `${id} at vertex ${index}`).toBeLessThan(90);
      }
    }
  });

  it('takes each stretch from the most accurate source: DataV midlines below the confluence, GSHHG elsewhere', () => {
    expect(stretches('river-yangtze').map((stretch) => stretch.source)).toEqual(['gshhg', 'datav', 'gshhg']);
    expect(stretches('river-tuo').map((stretch) => stretch.source)).toEqual(['gshhg', 'datav']);
    expect(stretches('river-yangtze').map((stretch) => stretch.confidence)).toEqual(['low', 'medium', 'low']);
    // The DataV stretches are the source's midlines vertex for vertex.
    const datav = stretches('river-yangtze')[1]!;
    expect(river('river-yangtze').coordinates.slice(datav.first_vertex, datav.last_vertex + 1)).toEqual(
      sourceLine('jiangyang_longmatan_yangtze'),
    );
    const tuo = stretches('river-tuo')[1]!;
    expect(river('river-tuo').coordinates.slice(tuo.first_vertex, tuo.last_vertex + 1)).toEqual(
      sourceLine('jiangyang_longmatan_tuo'),
    );
    // The river as a whole is no better than its weakest stretch, and its panel text names every source.
    expect(byId('river-yangtze').properties.confidence).toBe('low');
    for (const word of ['GSHHG', 'DataV']) expect(byId('river-yangtze').properties.source).toContain(word);
    expect(byId('river-yangtze').properties.notes_zh).toMatch(/GSHHG.*DataV.*GSHHG/);
  });

  it('offers the named OpenStreetMap stations and one point per airport, at surveyed positions, the former airport marked former', () => {
    const transport = layers.get('transport')!;
    const stations = transport.filter((item) => item.properties.kind === 'railway-station');
    expect(stations).toHaveLength(12);
    for (const station of stations) {
      expect(station.properties.confidence).toBe('high');
      expect(station.properties.source).toMatch(/© OpenStreetMap contributors \(ODbL 1\.0\)/);
      expect(station.properties.name_zh).toMatch(/站$/);
    }
    expect((byId('station-luzhou-east').geometry as Point).coordinates).toEqual([105.63608, 29.060834]);
    const lantian = byId('airport-lantian-former');
    expect(lantian.properties['former']).toBe(true);
    expect(lantian.properties.name_zh).toMatch(/^原/);
    expect(lantian.properties.notes_zh).toMatch(/已停用/);
    expect(byId('airport-yunlong').properties['former']).toBeUndefined();
    // Each airport point lies on its runway's extent.
    expect(distanceKm((byId('airport-yunlong').geometry as Point).coordinates, [105.4687, 29.0306])).toBeLessThan(0.3);
    expect(byId('runway-lantian-former').properties['former']).toBe(true);
  });
});

describe('label points (labels.geojson)', () => {
  const labels = JSON.parse(readText('labels.geojson')).features as Feature<Point, Record<string, unknown>>[];

  it('gives every polygon feature exactly one label point, inside the polygon it names, with its confidence', () => {
    expect(labels.map((label) => label.properties['id']).sort()).toEqual(
      polygonFeatures.map((item) => item.properties.id).sort(),
    );
    for (const label of labels) {
      const named = byId(label.properties['id'] as string);
      expect(booleanPointInPolygon(label.geometry.coordinates, named.geometry as Areal), named.properties.id).toBe(
        true,
      );
      expect(label.properties['confidence']).toBe(named.properties.confidence);
      expect(label.properties['layer']).toBe(named.properties.layer);
      expect(label.properties['source']).toMatch(/polylabel/);
    }
  });

  it('ranks the core and wings first, then the zone, parks, green, and districts last', () => {
    const rank = (id: string) =>
      labels.find((label) => label.properties['id'] === id)!.properties['label_rank'] as number;
    expect(rank('wing-jiangyang')).toBe(rank('core-longmatan'));
    expect(rank('wing-jiangyang')).toBeLessThan(rank('zone-luzhou-hitech'));
    expect(rank('zone-luzhou-hitech')).toBeLessThan(rank('park-big-data'));
    expect(rank('park-big-data')).toBeLessThan(rank('green-zhangba-longan-forest'));
    expect(rank('green-zhangba-longan-forest')).toBeLessThan(rank('district-jiangyang'));
  });
});
