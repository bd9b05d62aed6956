/**
 * "Use as …" (issue 11 §1): a planner's file replaces a dataset layer through a column mapping,
 * validated like geodata/; nothing is replaced while any feature breaks the contract.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { computeZoneStatistics } from '../../../src/analysis/zone-statistics.ts';
import { serializeFeatureCollection } from '../../../src/data/dataset-serialization.ts';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { labelPoints } from '../../../src/data/label-points.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { replaceLayer } from '../../../src/data/replace-layer.ts';

vi.setConfig({ testTimeout: 60_000 });

const geodata = fileURLToPath(new URL('../../../geodata/', import.meta.url));

async function shipped(): Promise<Dataset> {
  const result = await loadDataset((path) => readFile(join(geodata, path), 'utf8'));
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.dataset;
}

/** A square of about `sideKm` km around (longitude, latitude). */
function square(longitude: number, latitude: number, sideKm: number) {
  const dLat = sideKm / 2 / 110.574;
  const dLon = sideKm / 2 / (111.32 * Math.cos((latitude * Math.PI) / 180));
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [longitude - dLon, latitude - dLat],
        [longitude + dLon, latitude - dLat],
        [longitude + dLon, latitude + dLat],
        [longitude - dLon, latitude + dLat],
        [longitude - dLon, latitude - dLat],
      ],
    ],
  };
}

const surveyed: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { MC: '渔子溪湿地（实测）', YWMC: 'Yuzixi wetland (surveyed)', MJ: '1.2', LB: 'wetland' },
      geometry: square(105.44, 28.87, 1),
    },
    {
      type: 'Feature',
      properties: { MC: '<img src=x onerror=alert(1)>', MJ: 0.5 },
      geometry: square(105.47, 28.9, 0.6),
    },
  ],
};

const provenance = {
  source: '泸州市园林局 2025 年绿地普查',
  confidence: 'high' as const,
  fileName: '绿地普查.geojson',
};
const mapping = { nameZh: 'MC', nameEn: 'YWMC', kindValue: 'green', statedArea: 'MJ', statedAreaUnit: 'km2' as const };
const NOW = new Date('2026-12-01T08:00:00Z');

describe('replacing a dataset layer with a planner’s file', () => {
  it('maps the columns onto the contract, with the stated source and confidence, and records the change', async () => {
    const dataset = await shipped();
    const result = await replaceLayer(dataset, 'green', surveyed, mapping, provenance, [], NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const green = result.dataset.layers.find((layer) => layer.definition.id === 'green')!;
    expect(green.features.features.map((feature) => feature.properties)).toEqual([
      {
        id: 'green-1',
        layer: 'green',
        name_zh: '渔子溪湿地（实测）',
        name_en: 'Yuzixi wetland (surveyed)',
        kind: 'green',
        source: provenance.source,
        confidence: 'high',
        stated_area: 1.2,
        stated_area_unit: 'km2',
        stated_area_source: provenance.source,
      },
      {
        id: 'green-2',
        layer: 'green',
        // A hostile name is data: kept as text, for the UI to show as text.
        name_zh: '<img src=x onerror=alert(1)>',
        name_en: '<img src=x onerror=alert(1)>',
        kind: 'green',
        source: provenance.source,
        confidence: 'high',
        stated_area: 0.5,
        stated_area_unit: 'km2',
        stated_area_source: provenance.source,
      },
    ]);
    expect(result.change).toEqual({
      what: 'replaced 2 features from 绿地普查.geojson (high)',
      layerId: 'green',
      fromFile: '绿地普查.geojson',
      at: NOW.toISOString(),
    });
    expect(JSON.parse(result.files.get('CHANGES.json')!).changes).toEqual([result.change]);
  });

  it('makes every number follow: the zone’s green land and a real measured-vs-stated check', async () => {
    const dataset = await shipped();
    const before = computeZoneStatistics(dataset);
    const result = await replaceLayer(dataset, 'green', surveyed, mapping, provenance, [], NOW);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const after = computeZoneStatistics(result.dataset);
    expect(after.summary.greenAreaM2).not.toBe(before.summary.greenAreaM2);
    const surveyedFeature = after.features.find((feature) => feature.id === 'green-1')!;
    expect(surveyedFeature.sizedToStated).toBe(false);
    expect(surveyedFeature.approximate).toBe(false);
    // A 1 km square against a stated 1.2 km²: a real difference, shown as one.
    expect(surveyedFeature.statedDifferenceRatio!).toBeCloseTo(1 / 1.2 - 1, 2);
  });

  it('keeps the published figure of the feature a surveyed one replaces, so measured vs stated is checked', async () => {
    const dataset = await shipped();
    const shippedCore = dataset.layers.find((layer) => layer.definition.id === 'core')!.features.features[0]!;
    const surveyedCore: FeatureCollection = {
      type: 'FeatureCollection',
      // Named otherwise than the shipped 一核, with no area column: still the one core of the zone.
      features: [{ type: 'Feature', properties: { MC: '龙马潭核心区（实测）' }, geometry: square(105.43, 28.93, 2) }],
    };
    const result = await replaceLayer(
      dataset,
      'core',
      surveyedCore,
      { nameZh: 'MC', kindValue: 'core' },
      { ...provenance, fileName: '核心区.geojson' },
      [],
      NOW,
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const core = computeZoneStatistics(result.dataset).features.find((feature) => feature.layer === 'core')!;
    expect(core.statedAreaM2).toBeCloseTo(shippedCore.properties.stated_area! * 1e6, 0);
    expect(core.sizedToStated).toBe(false);
    // A 2 km square (≈ 4 km²) against the stated 4.62 km²: about −13 %, a real check.
    expect(core.statedDifferenceRatio!).toBeCloseTo(4 / 4.62 - 1, 1);
    const replacedProperties = result.dataset.layers.find((layer) => layer.definition.id === 'core')!.features
      .features[0]!.properties;
    // The figure keeps its own citation; the surveyed shape carries the planner's.
    expect(replacedProperties.stated_area_source).toBe(shippedCore.properties.stated_area_source);
    expect(replacedProperties.source).toBe(provenance.source);

    // Several parks replacing several: only those whose names match keep a figure.
    const parks = dataset.layers.find((layer) => layer.definition.id === 'parks')!.features.features;
    const named = parks.find((park) => typeof park.properties.stated_area === 'number');
    if (named) {
      const twoParks: FeatureCollection = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { MC: named.properties.name_zh }, geometry: square(105.45, 28.9, 1) },
          { type: 'Feature', properties: { MC: '新园区' }, geometry: square(105.48, 28.91, 1) },
        ],
      };
      const parksResult = await replaceLayer(
        dataset,
        'parks',
        twoParks,
        { nameZh: 'MC', kindValue: 'park' },
        provenance,
        [],
        NOW,
      );
      if (!parksResult.ok) throw new Error(parksResult.problems.join('\n'));
      const [kept, fresh] = parksResult.dataset.layers.find((layer) => layer.definition.id === 'parks')!.features
        .features;
      expect(kept!.properties.stated_area).toBe(named.properties.stated_area);
      expect(fresh!.properties.stated_area).toBeUndefined();

      // A survey that splits the park into two polygons of one name: neither half is checked against the whole.
      const splitPark: FeatureCollection = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { MC: named.properties.name_zh }, geometry: square(105.45, 28.9, 1) },
          { type: 'Feature', properties: { MC: named.properties.name_zh }, geometry: square(105.47, 28.9, 1) },
        ],
      };
      const splitResult = await replaceLayer(
        dataset,
        'parks',
        splitPark,
        { nameZh: 'MC', kindValue: 'park' },
        provenance,
        [],
        NOW,
      );
      if (!splitResult.ok) throw new Error(splitResult.problems.join('\n'));
      const halves = splitResult.dataset.layers.find((layer) => layer.definition.id === 'parks')!.features.features;
      expect(halves.map((half) => half.properties.stated_area)).toEqual([undefined, undefined]);
    }
  });

  it('replaces nothing and lists each feature that breaks the contract, with the reason', async () => {
    const dataset = await shipped();
    const broken: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { MC: '' }, geometry: square(105.44, 28.87, 1) },
        {
          type: 'Feature',
          properties: { MC: '一条路' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [105.4, 28.8],
              [105.5, 28.9],
            ],
          },
        },
      ],
    };
    const result = await replaceLayer(dataset, 'green', broken, mapping, provenance, [], NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([expect.stringMatching(/features\[1\].*LineString.*green.*Polygon/)]);
    const unnamed = await replaceLayer(
      dataset,
      'green',
      { ...broken, features: [broken.features[0]!] },
      mapping,
      provenance,
      [],
      NOW,
    );
    expect(unnamed.ok).toBe(false);
    if (!unnamed.ok) expect(unnamed.problems.join('\n')).toMatch(/green-1.*name_zh/);
  });

  it('requires a source, and ids unique across the dataset', async () => {
    const dataset = await shipped();
    expect(await replaceLayer(dataset, 'green', surveyed, mapping, { ...provenance, source: '  ' }, [], NOW)).toEqual({
      ok: false,
      problems: [expect.stringContaining('source is required')],
    });
    const zoneId = dataset.layers.find((layer) => layer.definition.id === 'zone')!.features.features[0]!.properties.id;
    const clashing: FeatureCollection = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { MC: '某绿地', ID: zoneId }, geometry: square(105.44, 28.87, 1) }],
    };
    const result = await replaceLayer(dataset, 'green', clashing, { ...mapping, id: 'ID' }, provenance, [], NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toContain('already used');
  });

  it('labels the new features once each, exactly as the build labels the shipped ones', async () => {
    const dataset = await shipped();
    const result = await replaceLayer(dataset, 'green', surveyed, mapping, provenance, [], NOW);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const labels = result.dataset.labels!.features;
    const greenLabels = labels.filter((label) => label.properties.layer === 'green');
    expect(greenLabels.map((label) => label.properties)).toEqual([
      expect.objectContaining({ id: 'green-1', name_zh: '渔子溪湿地（实测）', confidence: 'high', label_rank: 5 }),
      // The map writes it with text-field: a name that looks like HTML is still only text.
      expect.objectContaining({ id: 'green-2', name_zh: '<img src=x onerror=alert(1)>', confidence: 'high' }),
    ]);
    const green = result.dataset.layers.find((layer) => layer.definition.id === 'green')!.features.features;
    greenLabels.forEach((label, index) =>
      expect(booleanPointInPolygon(label.geometry, green[index]!.geometry as Polygon)).toBe(true),
    );

    // The labels file is what the geodata build would write for this dataset: the other layers'
    // labels untouched, every label in manifest order, made by the same function from the same text.
    const polygons = result.dataset.manifest.layers.flatMap(
      (definition) =>
        result.dataset.layers.find((layer) => layer.definition.id === definition.id)?.features.features ?? [],
    );
    expect(result.files.get('labels.geojson')).toBe(serializeFeatureCollection(labelPoints(polygons)));
    const untouched = (collection: Dataset) =>
      collection.labels!.features.filter((label) => label.properties.layer !== 'green');
    expect(untouched(result.dataset)).toEqual(untouched(dataset));
  });

  it('says in the manifest, in both languages, what replaced the layer, from where, when and how sure', async () => {
    const dataset = await shipped();
    const shippedGreen = dataset.manifest.layers.find((layer) => layer.id === 'green')!;
    const result = await replaceLayer(dataset, 'green', surveyed, mapping, provenance, [], NOW);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const manifest = JSON.parse(result.files.get('manifest.json')!);
    const green = manifest.layers.find((layer: { id: string }) => layer.id === 'green');
    expect(green.description.zh).not.toBe(shippedGreen.description.zh);
    for (const part of ['绿地普查.geojson', '2026-12-01', '高', provenance.source]) {
      expect(green.description.zh).toContain(part);
    }
    for (const part of ['绿地普查.geojson', '2026-12-01', 'high', provenance.source, '2 features']) {
      expect(green.description.en).toContain(part);
    }
    const loadedGreen = result.dataset.layers.find((layer) => layer.definition.id === 'green')!;
    expect(loadedGreen.definition.description).toEqual(green.description);
    // The other layers keep their descriptions.
    const parks = (json: { layers: { id: string; description: unknown }[] }) =>
      json.layers.find((layer) => layer.id === 'parks')!.description;
    expect(parks(manifest)).toEqual(parks(dataset.manifest));
    // A title that calls the layer schematic stops doing so once surveyed boundaries replace it.
    const zone = await replaceLayer(
      dataset,
      'zone',
      { type: 'FeatureCollection', features: [{ ...surveyed.features[0]!, properties: { MC: '高新区' } }] },
      { nameZh: 'MC', kindValue: 'zone' },
      provenance,
      [],
      NOW,
    );
    if (!zone.ok) throw new Error(zone.problems.join('\n'));
    const titles = (manifest: Dataset['manifest']) => manifest.layers.find((layer) => layer.id === 'zone')!.title;
    expect(titles(dataset.manifest)).toEqual({ zh: '高新区范围(示意)', en: 'Zone outline (schematic)' });
    expect(titles(zone.dataset.manifest)).toEqual({ zh: '高新区范围', en: 'Zone outline' });
    const greenTitle = (manifest: Dataset['manifest']) => manifest.layers.find((layer) => layer.id === 'green')!.title;
    expect(greenTitle(result.dataset.manifest)).toEqual(greenTitle(dataset.manifest));
    // Shapes drawn in the app are named as such, not as a file.
    const drawn = await replaceLayer(
      dataset,
      'green',
      surveyed,
      mapping,
      {
        ...provenance,
        fileName: 'drawn in the app',
        origin: { zh: '本应用中绘制的形状', en: 'shapes drawn in the app' },
      },
      [],
      NOW,
    );
    if (!drawn.ok) throw new Error(drawn.problems.join('\n'));
    const drawnGreen = drawn.dataset.manifest.layers.find((layer) => layer.id === 'green')!;
    expect(drawnGreen.description.zh).toContain('本应用中绘制的形状');
    expect(drawnGreen.description.en).toContain('shapes drawn in the app');
  });
});
