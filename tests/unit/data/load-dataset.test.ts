import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { FIXTURES_DIRECTORY, directoryReader, memoryReader } from '../../fixtures/read-fixture.ts';

async function fixtureFiles(): Promise<Record<string, string>> {
  const names = ['manifest.json', 'zone.geojson', 'wings.geojson', 'green.geojson', 'places.geojson'];
  const entries = await Promise.all(
    names.map(async (name) => [name, await readFile(join(FIXTURES_DIRECTORY, 'dataset', name), 'utf8')]),
  );
  return Object.fromEntries(entries);
}

function edit(
  files: Record<string, string>,
  name: string,
  // biome-ignore lint/suspicious/noExplicitAny: each test reaches into parsed JSON of its own shape.
  change: (value: Record<string, any>) => void,
): Record<string, string> {
  const value = JSON.parse(files[name]!);
  change(value);
  return { ...files, [name]: JSON.stringify(value) };
}

describe('loadDataset', () => {
  it('loads every manifest layer in manifest order with its features', async () => {
    const result = await loadDataset(directoryReader('dataset'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.dataset.layers.map((layer) => layer.definition.id)).toEqual(['zone', 'wings', 'green', 'places']);
    expect(result.dataset.layers.map((layer) => layer.features.features.length)).toEqual([1, 2, 3, 2]);
    expect(result.dataset.manifest.stated.zoneArea.value).toBe(100);
  });

  it('keeps a place whose position is unknown (null geometry)', async () => {
    const result = await loadDataset(directoryReader('dataset'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const places = result.dataset.layers.find((layer) => layer.definition.id === 'places')!;
    expect(places.features.features.find((feature) => feature.properties.id === 'lake-park')!.geometry).toBeNull();
  });

  it('fills in a missing layer property from the layer holding the feature', async () => {
    const files = edit(await fixtureFiles(), 'zone.geojson', (value) => delete value.features[0].properties.layer);
    const result = await loadDataset(memoryReader(files));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.dataset.layers[0]!.features.features[0]!.properties.layer).toBe('zone');
  });

  it('names the missing file instead of throwing', async () => {
    const files = await fixtureFiles();
    delete files['green.geojson'];
    const result = await loadDataset(memoryReader(files));
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^green\.geojson: could not be read/)] });
  });

  it('reports a missing manifest', async () => {
    const result = await loadDataset(memoryReader({}));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/^manifest\.json: could not be read/);
  });

  it('reports manifest JSON syntax errors with line and column', async () => {
    const result = await loadDataset(memoryReader({ 'manifest.json': '{\n  "version": 1,\n}' }));
    expect(result).toEqual({
      ok: false,
      problems: ["manifest.json: not valid JSON: trailing comma before '}' at line 3, column 1"],
    });
  });

  it('collects every manifest problem with its JSON path', async () => {
    const files = edit(await fixtureFiles(), 'manifest.json', (value) => {
      value.version = 2;
      value.layers[1].color = 'red';
      value.layers[2].green = 'yes';
      value.layers[3].id = 'zone';
    });
    const result = await loadDataset(memoryReader(files));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toEqual([
      'manifest.json: expected version 1, found 2 at version',
      'manifest.json: expected a colour like "#2e7d32", found "red" at layers[1].color',
      'manifest.json: expected true or false, found "yes" at layers[2].green',
      'manifest.json: layer id "zone" is used twice at layers[3].id',
    ]);
  });

  it.each([
    ['https://evil.example/layer.geojson'],
    ['../../etc/passwd.json'],
    ['/absolute/zone.geojson'],
    ['//evil.example/zone.geojson'],
  ])('refuses a layer file that points outside geodata/: %s', async (file) => {
    const files = edit(await fixtureFiles(), 'manifest.json', (value) => (value.layers[0].file = file));
    const requested: string[] = [];
    const reader = memoryReader(files);
    const result = await loadDataset((path) => {
      requested.push(path);
      return reader(path);
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/layers\[0\]\.file/);
    expect(requested).toEqual(['manifest.json']);
  });

  it('reports feature contract problems naming the file, feature and property', async () => {
    const files = edit(await fixtureFiles(), 'green.geojson', (value) => {
      value.features[1].properties.confidence = 'certain';
      value.features[2].properties.stated_area = 5;
      value.features[0].geometry = { type: 'Point', coordinates: [105.4, 28.8] };
    });
    const result = await loadDataset(memoryReader(files));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toEqual([
      'green.geojson: features[0] (park-a): geometry is Point but layer "green" holds polygons',
      'green.geojson: features[1] (park-b): "confidence" must be one of high, medium, low, schematic, found "certain"',
      'green.geojson: features[2] (belt-c): a stated area needs all of stated_area, stated_area_unit, stated_area_source; missing stated_area_unit, stated_area_source',
    ]);
  });

  it('refuses a feature id used twice across layers, naming where it was first used', async () => {
    const files = edit(await fixtureFiles(), 'places.geojson', (value) => (value.features[0].properties.id = 'park-a'));
    const result = await loadDataset(memoryReader(files));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toEqual([
      'places.geojson: features[0] (park-a): id "park-a" is already used in green.geojson',
    ]);
  });

  it('passes on a broken layer file as one positioned line', async () => {
    const files = { ...(await fixtureFiles()), 'wings.geojson': '{"type":"FeatureCollection","features":[' };
    const result = await loadDataset(memoryReader(files));
    expect(result).toEqual({
      ok: false,
      problems: ['wings.geojson: not valid JSON: text ends early (truncated file?) at line 1, column 41'],
    });
  });
});

describe('loadDataset with hostile values', () => {
  it('keeps each problem to one short line even when a value is huge', async () => {
    const files = edit(
      await fixtureFiles(),
      'green.geojson',
      (value) => (value.features[0].properties.confidence = 'x'.repeat(100_000)),
    );
    const result = await loadDataset(memoryReader(files));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.length).toBeLessThan(200);
    expect(result.problems[0]).not.toContain('\n');
  });
});

describe('loadDataset: label points', () => {
  const label = (properties: Record<string, unknown>, coordinates: unknown = [105.5, 28.86]) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties,
  });
  const good = {
    id: 'wing-a',
    layer: 'wings',
    name_zh: '江阳片区',
    name_en: 'Jiangyang wing',
    kind: 'label-point',
    source: 'polylabel',
    confidence: 'schematic',
    label_rank: 1,
  };
  const withLabels = async (labels: unknown, manifestLabels: unknown = 'labels.geojson') =>
    loadDataset(
      memoryReader({
        ...edit(await fixtureFiles(), 'manifest.json', (value) => (value.labels = manifestLabels)),
        'labels.geojson': JSON.stringify(labels),
      }),
    );

  it('loads the label points the manifest names', async () => {
    const result = await withLabels({ type: 'FeatureCollection', features: [label(good)] });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.dataset.labels?.features.map((feature) => feature.properties.id)).toEqual(['wing-a']);
  });

  it('names the file and the feature when a label point is not a point or carries no text name', async () => {
    const result = await withLabels({
      type: 'FeatureCollection',
      features: [label({ ...good, name_zh: 7 }), label(good, ['x', 1]), label({ ...good, confidence: 'sure' })],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'labels.geojson: features[0]: "name_zh" must be text',
      'labels.geojson: features[1]: a label point must be a Point with a longitude and latitude',
      'labels.geojson: features[2]: "confidence" must be one of high, medium, low, schematic',
    ]);
  });

  it('refuses a labels file outside geodata/', async () => {
    const result = await withLabels({ type: 'FeatureCollection', features: [] }, 'https://example.com/labels.geojson');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatch(/at labels/);
  });

  it('loads a dataset without label points as before', async () => {
    const result = await loadDataset(directoryReader('dataset'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.dataset.labels).toBeUndefined();
  });
});
