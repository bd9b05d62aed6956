import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { computeZoneStatistics, GREEN_SPACE_RATIO_DEFINITION } from '../../../src/analysis/zone-statistics.ts';
import { auditStatedAreas } from '../../../src/analysis/audit-stated-areas.ts';
import { greenSpaceRatioOf } from '../../../src/analysis/green-space.ts';
import { dissolve, intersection } from '../../../src/analysis/dissolve.ts';
import { ellipsoidalArea } from '../../../src/geo/area.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { directoryReader } from '../../fixtures/read-fixture.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';

const RELATIVE_TOLERANCE = 1e-6;
const MU = 10000 / 15;

function expectClose(actual: number | null | undefined, expected: number, tolerance = RELATIVE_TOLERANCE) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) / expected - 1)).toBeLessThan(tolerance);
}

let dataset: Dataset;
beforeAll(async () => {
  const result = await loadDataset(directoryReader('dataset'));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  dataset = deepFreeze(result.dataset);
});

// The fixture: a 0.1° zone split into two wings; parks A and B overlap by a 0.01° square; belt C
// straddles the zone's east edge, half inside.
const zoneArea = () => geographicLibArea(rectangle(105.4, 28.8, 105.5, 28.9));
const parkUnionArea = () =>
  geographicLibArea(rectangle(105.42, 28.82, 105.44, 28.84)) +
  geographicLibArea(rectangle(105.43, 28.83, 105.45, 28.85)) -
  geographicLibArea(rectangle(105.43, 28.83, 105.44, 28.84));
const beltInsideArea = () => geographicLibArea(rectangle(105.49, 28.85, 105.5, 28.86));

describe('computeZoneStatistics', () => {
  it('measures each feature on the ellipsoid, beside the spherical figure', () => {
    const statistics = computeZoneStatistics(dataset);
    const zone = statistics.features.find((feature) => feature.id === 'zone')!;
    expectClose(zone.areaM2, zoneArea());
    // Turf's sphere reads high at 29°N by about 0.13 %; the two must not be confused.
    expect(zone.sphericalAreaM2! / zone.areaM2! - 1).toBeGreaterThan(0.001);
    expect(zone.sphericalAreaM2! / zone.areaM2! - 1).toBeLessThan(0.002);
  });

  it('keeps the stated area apart from the measured one and gives their ratio', () => {
    const park = computeZoneStatistics(dataset).features.find((feature) => feature.id === 'park-a')!;
    expect(park.statedAreaM2).toBeCloseTo(1800 * MU, 6);
    const measured = geographicLibArea(rectangle(105.42, 28.82, 105.44, 28.84));
    expectClose(park.areaM2, measured);
    expect(park.statedDifferenceRatio).toBeCloseTo(measured / (1800 * MU) - 1, 6);
  });

  it('measures nothing for points and unknown positions, rather than zero', () => {
    const features = computeZoneStatistics(dataset).features;
    const lake = features.find((feature) => feature.id === 'lake-park')!;
    expect(lake).toMatchObject({
      areaM2: null,
      sphericalAreaM2: null,
      statedAreaM2: 2000 * MU,
      statedDifferenceRatio: null,
    });
    expect(features.find((feature) => feature.id === 'gate')!.areaM2).toBeNull();
  });

  it('flags every feature that is not high confidence as approximate', () => {
    const flags = Object.fromEntries(
      computeZoneStatistics(dataset).features.map((feature) => [feature.id, feature.approximate]),
    );
    expect(flags).toEqual({
      zone: false,
      'west-wing': true,
      'east-wing': true,
      'park-a': false,
      'park-b': true,
      'belt-c': true,
      gate: false,
      'lake-park': true,
    });
  });

  it('counts overlapping green polygons once in the layer area', () => {
    const green = computeZoneStatistics(dataset).layers.find((layer) => layer.id === 'green')!;
    expect(green.count).toBe(3);
    expectClose(green.areaM2, parkUnionArea() + geographicLibArea(rectangle(105.49, 28.85, 105.51, 28.86)));
  });

  it('gives the zone green-space ratio from green land clipped to the zone', () => {
    const { summary } = computeZoneStatistics(dataset);
    expectClose(summary.zoneAreaM2, zoneArea());
    expectClose(summary.greenAreaM2, parkUnionArea() + beltInsideArea());
    expectClose(summary.greenSpaceRatio, (parkUnionArea() + beltInsideArea()) / zoneArea());
    expect(summary.statedZoneAreaM2).toBe(100e6);
    expect(summary.statedGreenShare).toBe(0.4);
    expect(summary.statedGreenShareQualifier).toBe('over');
  });

  it('gives each planning unit its own green-space ratio', () => {
    const units = computeZoneStatistics(dataset).units;
    expect(units.map((unit) => unit.id)).toEqual(['zone', 'west-wing', 'east-wing']);
    const west = units.find((unit) => unit.id === 'west-wing')!;
    const east = units.find((unit) => unit.id === 'east-wing')!;
    // The 105.45° wing border cuts park B; everything else of the parks lies west of it.
    expectClose(west.greenAreaM2, parkUnionArea());
    expectClose(east.greenAreaM2, beltInsideArea());
    expectClose(west.greenSpaceRatio, parkUnionArea() / geographicLibArea(rectangle(105.4, 28.8, 105.45, 28.9)));
    expect(west.approximate).toBe(true);
    expect(computeZoneStatistics(dataset).problems).toEqual([]);
  });

  it('defines the green-space ratio in both languages and says it is not green coverage', () => {
    expect(GREEN_SPACE_RATIO_DEFINITION.zh).toContain('绿地率');
    expect(GREEN_SPACE_RATIO_DEFINITION.zh).toContain('不是绿化覆盖率');
    expect(GREEN_SPACE_RATIO_DEFINITION.en).toMatch(/not green coverage/i);
  });
});

describe('greenSpaceRatioOf', () => {
  it('measures green land inside a parcel exactly when it lies wholly inside', () => {
    const parcel = rectangle(105.42, 28.82, 105.44, 28.85);
    const pond = rectangle(105.425, 28.825, 105.435, 28.835);
    const result = greenSpaceRatioOf(parcel, [pond, { type: 'Point', coordinates: [105.43, 28.84] }]);
    expectClose(result.greenAreaM2, geographicLibArea(pond));
    expectClose(result.greenSpaceRatio, geographicLibArea(pond) / geographicLibArea(parcel));
  });

  it('counts green polygons that overlap each other once', () => {
    const parcel = rectangle(105.4, 28.8, 105.5, 28.9);
    const first = rectangle(105.42, 28.82, 105.44, 28.83);
    const second = rectangle(105.42, 28.82, 105.43, 28.84);
    const overlap = intersection(dissolve([first]), dissolve([second]));
    const result = greenSpaceRatioOf(parcel, [first, second]);
    // Inclusion–exclusion: |A ∪ B| = |A| + |B| − |A ∩ B|, each side measured independently.
    expectClose(
      result.greenAreaM2,
      geographicLibArea(first) + geographicLibArea(second) - ellipsoidalArea(overlap),
      1e-9,
    );
    // The overlap is the 1 km square they share; counting it twice would be 1e6 m² too much.
    expectClose(ellipsoidalArea(overlap), geographicLibArea(rectangle(105.42, 28.82, 105.43, 28.83)), 1e-5);
  });

  it('is zero with no green land and null for a boundary without area', () => {
    expect(greenSpaceRatioOf(rectangle(105.4, 28.8, 105.41, 28.81), []).greenSpaceRatio).toBe(0);
    expect(
      greenSpaceRatioOf({ type: 'Point', coordinates: [105.4, 28.8] }, [rectangle(105.4, 28.8, 105.41, 28.81)])
        .greenSpaceRatio,
    ).toBeNull();
  });
});

describe('auditStatedAreas', () => {
  it('lists every feature with a stated area, measured or not', () => {
    const rows = auditStatedAreas(dataset);
    expect(rows.map((row) => row.id)).toEqual(['zone', 'park-a', 'lake-park']);
    const zone = rows[0]!;
    expect(zone).toMatchObject({
      statedValue: 100,
      statedUnit: 'km2',
      statedSource: 'test article',
      statedAreaM2: 100e6,
      approximate: false,
    });
    expect(zone.differenceM2).toBeCloseTo(zone.measuredAreaM2! - 100e6, 3);
    expect(rows[2]).toMatchObject({
      measuredAreaM2: null,
      differenceM2: null,
      differenceRatio: null,
      approximate: true,
    });
  });
});
