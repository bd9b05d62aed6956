/**
 * What the fuzzers found (issue 12), each pinned as a plain example so it never comes back even
 * when a fuzz run happens not to generate it.
 */
import { describe, expect, it, vi } from 'vitest';
import { MAXIMUM_PROPERTY_DEPTH, parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { thrownBy, utf8 } from './fuzz-settings.ts';

const database = vi.hoisted(() => new Map<IDBValidKey, unknown>());
vi.mock('idb-keyval', () => ({
  createStore: () => ({}),
  entries: async () => [...database.entries()],
  get: async (key: IDBValidKey) => database.get(key),
  set: async (key: IDBValidKey, value: unknown) => void database.set(key, value),
  del: async (key: IDBValidKey) => void database.delete(key),
  update: async (key: IDBValidKey, change: (value: unknown) => unknown) =>
    void database.set(key, change(database.get(key))),
}));
const { loadStoredLayer, loadStoredLayers } = await import('../../../src/data/storage/imported-layers-persistence.ts');

const SQUARE =
  '{"type":"Polygon","coordinates":[[[105.4,28.9],[105.41,28.9],[105.41,28.91],[105.4,28.91],[105.4,28.9]]]}';

function featureWithDeepProperty(depth: number): string {
  return `{"type":"Feature","geometry":${SQUARE},"properties":{"name":"地块","deep":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
}

describe('deeply nested property crashed the import (RangeError: Maximum call stack size exceeded)', () => {
  it.each(['wgs84', 'gcj02', 'bd09'] as const)(
    'a BOM file whose property nests 20 000 deep is refused with a positioned message (%s)',
    async (coordinateSystem) => {
      let outcome: Awaited<ReturnType<typeof importBytes>> | undefined;
      const thrown = await thrownBy(async () => {
        outcome = await importBytes({
          bytes: utf8(`\uFEFF${featureWithDeepProperty(20_000)}`),
          fileName: 'deep.geojson',
          coordinateSystem,
          boundaries: null,
        });
      });
      expect(thrown).toBeUndefined();
      expect(outcome).toMatchObject({ ok: false });
      expect(outcome!.ok ? '' : outcome!.message).toBe(
        `deep.geojson: property "deep" is nested more than ${MAXIMUM_PROPERTY_DEPTH} levels deep at properties["deep"]`,
      );
    },
  );

  it('a property nested as deep as the limit is still read, and its neighbours kept', () => {
    const parsed = parseGeoJson(featureWithDeepProperty(MAXIMUM_PROPERTY_DEPTH), 'nested.geojson');
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.collection.features[0]!.properties!.name).toBe('地块');
    expect(parseGeoJson(featureWithDeepProperty(MAXIMUM_PROPERTY_DEPTH + 1), 'nested.geojson')).toMatchObject({
      ok: false,
      path: 'properties["deep"]',
    });
  });
});

describe('a KML Data element named __proto__ lost its value', () => {
  it('keeps the value as an own property named __proto__, and no prototype changes', async () => {
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>地块</name><ExtendedData><Data name="__proto__"><value>工业</value></Data><Data name="constructor"><value>x</value></Data></ExtendedData><Point><coordinates>105.43,28.88</coordinates></Point></Placemark></kml>`;
    const outcome = await importBytes({
      bytes: utf8(kml),
      fileName: 'proto.kml',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const properties = outcome.collection.features[0]!.properties!;
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(properties, '__proto__')?.value).toBe('工业');
    expect(properties.constructor).toBe('x');
    expect(JSON.parse(JSON.stringify(properties))).toEqual(
      JSON.parse('{"name":"地块","__proto__":"工业","constructor":"x"}'),
    );
  });
});

describe('a stored layer with an unknown coordinate system was restored as BD-09', () => {
  const file = new Blob(['{"type":"Point","coordinates":[105.44,28.89]}']);
  const record = {
    id: 'layer-1',
    fileName: 'point.geojson',
    importedAt: '2026-12-01T00:00:00.000Z',
    visible: true,
    order: 0,
    file,
  };

  it('the import reads any coordinate system other than wgs84 and gcj02 as BD-09 (why the stored value must be checked)', async () => {
    const asBd09 = await importBytes({
      bytes: utf8('{"type":"Point","coordinates":[105.44,28.89]}'),
      fileName: 'point.geojson',
      coordinateSystem: 'bd09',
      boundaries: null,
    });
    const asUnknown = await importBytes({
      bytes: utf8('{"type":"Point","coordinates":[105.44,28.89]}'),
      fileName: 'point.geojson',
      coordinateSystem: 'gcj-02' as 'bd09',
      boundaries: null,
    });
    expect(asUnknown.ok && asBd09.ok && asUnknown.collection.features[0]!.geometry).toEqual(
      asBd09.ok && asBd09.collection.features[0]!.geometry,
    );
  });

  it('is not loaded, while the same record with a known coordinate system is', async () => {
    database.clear();
    database.set('layer-1', { ...record, coordinateSystem: 'gcj-02' });
    database.set('layer-2', { ...record, id: 'layer-2', coordinateSystem: 'gcj02' });
    expect((await loadStoredLayers()).map((layer) => layer.id)).toEqual(['layer-2']);
    expect(await loadStoredLayer('layer-1')).toBeNull();
    expect(database.has('layer-1')).toBe(true);
  });
});

describe('a polygon whose hole is larger than its outer ring measured a negative area', () => {
  const outer = [
    [105.4, 28.9],
    [105.41, 28.9],
    [105.41, 28.91],
    [105.4, 28.91],
    [105.4, 28.9],
  ];
  const larger = [
    [105.3, 28.8],
    [105.3, 29.0],
    [105.5, 29.0],
    [105.5, 28.8],
    [105.3, 28.8],
  ];
  const inside = [
    [105.403, 28.903],
    [105.403, 28.906],
    [105.406, 28.906],
    [105.406, 28.903],
    [105.403, 28.903],
  ];

  it('is refused with a message naming the feature, instead of lowering the total by 431 km²', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [outer] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [outer, larger] } },
      ],
    });
    const outcome = await importBytes({
      bytes: utf8(text),
      fileName: 'rings.geojson',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    expect(outcome).toEqual({
      ok: false,
      message:
        "rings.geojson: a polygon's holes cover more than its outer ring at features[1] (is a hole listed first? the outer ring must come first) (内环大于外环)",
    });
  });

  it('a hole inside its ring is still subtracted', async () => {
    const text = JSON.stringify({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [outer, inside] },
    });
    const outcome = await importBytes({
      bytes: utf8(text),
      fileName: 'hole.geojson',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    expect(outcome.ok).toBe(true);
    const whole = await importBytes({
      bytes: utf8(JSON.stringify({ type: 'Polygon', coordinates: [outer] })),
      fileName: 'whole.geojson',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    if (outcome.ok && whole.ok) expect(outcome.featureAreasM2[0]).toBeLessThan(whole.featureAreasM2[0]!);
  });
});

describe('an XML file cut inside deep nesting gave a message of tens of kilobytes', () => {
  it('names the problem in a bounded line, with where the parser stopped', async () => {
    const kml = `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">${'<Folder>'.repeat(20_000)}`;
    const outcome = await importBytes({
      bytes: utf8(kml),
      fileName: 'cut.kml',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message.startsWith('cut.kml: not well-formed XML: unclosed xml tag(s): kml, Folder, Folder')).toBe(
      true,
    );
    expect(outcome.message).toMatch(/… at line 2, column \d+ \(XML 格式错误\)$/);
    expect(outcome.message.length).toBeLessThan(300);
  });
});
