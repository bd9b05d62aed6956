import { describe, expect, it } from 'vitest';
import type { Dataset, LayerDefinition, ZoneFeatureProperties } from '../../../src/data/dataset-types.ts';
import { computeZoneStatistics } from '../../../src/analysis/zone-statistics.ts';
import { featureRows, filterFeatureRows } from '../../../src/state/feature-rows.ts';
import { initialLayerVisibility, withLayerToggled } from '../../../src/state/app-state.ts';

function definition(id: string, role: LayerDefinition['role'], visible = true): LayerDefinition {
  return {
    id,
    role,
    title: { zh: id === 'green' ? '公园与绿地' : '地点', en: id === 'green' ? 'Parks and green' : 'Places' },
    description: { zh: '', en: '' },
    file: `${id}.geojson`,
    color: '#2e7d32',
    geometry: role === 'place' ? 'point' : 'polygon',
    green: role === 'green',
    unit: false,
    visible,
  };
}

const park: ZoneFeatureProperties = {
  id: 'green-yuzixi',
  layer: 'green',
  name_zh: '渔子溪生态湿地公园',
  name_en: 'Yuzixi Ecological Wetland Park',
  kind: 'wetland-park',
  source: 'Founding article, 2022',
  confidence: 'low',
  stated_area: 1800,
  stated_area_unit: 'mu',
  stated_area_source: 'Founding article, 2022',
};
const hospital: ZoneFeatureProperties = {
  id: 'place-hospital',
  layer: 'places',
  name_zh: '泸州市人民医院',
  name_en: "Luzhou People's Hospital",
  kind: 'hospital',
  source: 'News',
  confidence: 'low',
};

const dataset: Dataset = {
  manifest: {
    version: 1,
    name: { zh: '区', en: 'Zone' },
    stated: {
      zoneArea: { value: 202, unit: 'km2', source: 'article' },
      greenShare: { value: 40, unit: 'percent', source: 'article', qualifier: 'over', covers: { zh: '', en: '' } },
    },
    layers: [definition('green', 'green'), definition('places', 'place', false)],
    credits: [],
  },
  layers: [
    {
      definition: definition('green', 'green'),
      features: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: park,
            // About 1.1 km × 1.1 km near 28.86°N.
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [105.495, 28.853],
                  [105.506, 28.853],
                  [105.506, 28.863],
                  [105.495, 28.863],
                  [105.495, 28.853],
                ],
              ],
            },
          },
        ],
      },
    },
    {
      definition: definition('places', 'place', false),
      features: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: hospital, geometry: { type: 'Point', coordinates: [105.457, 28.879] } },
        ],
      },
    },
  ],
};

describe('the no-map feature table', () => {
  const rows = featureRows(dataset, computeZoneStatistics(dataset));

  it('has one row per feature with measured area beside the stated figure, never merged', () => {
    expect(rows.map((row) => row.reference)).toEqual([
      { layerId: 'green', featureId: 'green-yuzixi' },
      { layerId: 'places', featureId: 'place-hospital' },
    ]);
    const parkRow = rows[0]!;
    expect(parkRow.stated).toEqual({ value: 1800, unit: 'mu', source: 'Founding article, 2022' });
    expect(parkRow.areaM2).toBeGreaterThan(1.0e6);
    expect(parkRow.areaM2).toBeLessThan(1.3e6);
    expect(parkRow.statedDifferenceRatio).toBeCloseTo(parkRow.areaM2! / 1.2e6 - 1, 9);
    expect(rows[1]!.areaM2).toBeNull();
    expect(rows[1]!.stated).toBeNull();
  });

  it('finds rows by Chinese or English name, by kind as shown, and by source, all words required', () => {
    expect(filterFeatureRows(rows, '渔子溪').map((row) => row.reference.featureId)).toEqual(['green-yuzixi']);
    expect(filterFeatureRows(rows, 'HOSPITAL').map((row) => row.reference.featureId)).toEqual(['place-hospital']);
    const kindLabel = (kind: string) => (kind === 'wetland-park' ? '湿地公园' : kind);
    expect(filterFeatureRows(rows, '湿地公园', kindLabel).map((row) => row.reference.featureId)).toEqual([
      'green-yuzixi',
    ]);
    expect(filterFeatureRows(rows, 'news').map((row) => row.reference.featureId)).toEqual(['place-hospital']);
    expect(filterFeatureRows(rows, 'wetland news')).toEqual([]);
    expect(filterFeatureRows(rows, '   ')).toHaveLength(2);
  });
});

describe('layer visibility', () => {
  it('starts from the manifest and toggles one layer without touching the others', () => {
    const start = initialLayerVisibility(dataset.manifest);
    expect(start).toEqual({ green: true, places: false });
    const toggled = withLayerToggled(start, 'places');
    expect(toggled).toEqual({ green: true, places: true });
    expect(start).toEqual({ green: true, places: false });
  });
});

describe('selection and hidden layers', () => {
  it('closes the panel of a feature whose layer the user hides, and keeps it when another layer is hidden', async () => {
    const { layerVisibility, selectFeature, selectedFeature, toggleLayer } = await import(
      '../../../src/state/app-state.ts'
    );
    layerVisibility.value = { green: true, places: true };
    selectFeature({ layerId: 'green', featureId: 'green-yuzixi' });
    toggleLayer('places');
    expect(selectedFeature.value).toEqual({ layerId: 'green', featureId: 'green-yuzixi' });
    toggleLayer('green');
    expect(selectedFeature.value).toBeNull();
  });
});

describe('measuring after the map', () => {
  it('keeps the dataset on screen when measuring fails, and records why', async () => {
    const { datasetState, setDatasetReady, setStatisticsFailed, setStatistics } = await import(
      '../../../src/state/app-state.ts'
    );
    setDatasetReady(dataset);
    expect(datasetState.value).toMatchObject({ status: 'ready', statistics: null });
    setStatisticsFailed('clipper exploded');
    expect(datasetState.value).toMatchObject({ status: 'ready', dataset, statisticsError: 'clipper exploded' });
    const statistics = computeZoneStatistics(dataset);
    setStatistics(statistics);
    expect(datasetState.value).toMatchObject({ status: 'ready', dataset, statistics });
  });
});
