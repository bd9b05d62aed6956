/**
 * Green land whose position is unknown (`position_unknown`) counts in the zone's green-space ratio
 * (the source names it the zone's) but not in a wing's or the core's: the wing it lies in is only
 * where the dataset chose to draw it, so crediting that wing would present our guess as a fact.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { computeZoneStatistics, type ZoneStatistics } from '../../../src/analysis/zone-statistics.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { directoryReader } from '../../fixtures/read-fixture.ts';
import { geographicLibArea, rectangle } from '../../fixtures/geographiclib-oracle.ts';

const RELATIVE_TOLERANCE = 1e-6;

function expectClose(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) / expected - 1)).toBeLessThan(RELATIVE_TOLERANCE);
}

/** The shared fixture with one green feature marked as of unknown position. */
async function datasetWithUnknownPosition(featureId: string | null): Promise<Dataset> {
  const result = await loadDataset(directoryReader('dataset'));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const dataset = structuredClone(result.dataset);
  for (const layer of dataset.layers) {
    for (const feature of layer.features.features)
      if (feature.properties.id === featureId) feature.properties.position_unknown = true;
  }
  return deepFreeze(dataset);
}

// Fixture geometry: zone 105.4–105.5 × 28.8–28.9, west wing up to 105.45; park A (105.42–105.44 ×
// 28.82–28.84) and park B (105.43–105.45 × 28.83–28.85) both in the west wing, overlapping by a
// 0.01° square; belt C half inside the zone's east edge, in the east wing.
const parkA = () => geographicLibArea(rectangle(105.42, 28.82, 105.44, 28.84));
const parkUnion = () =>
  parkA() +
  geographicLibArea(rectangle(105.43, 28.83, 105.45, 28.85)) -
  geographicLibArea(rectangle(105.43, 28.83, 105.44, 28.84));
const beltInside = () => geographicLibArea(rectangle(105.49, 28.85, 105.5, 28.86));
const westWing = () => geographicLibArea(rectangle(105.4, 28.8, 105.45, 28.9));

describe('green land of unknown position', () => {
  let located: ZoneStatistics;
  let unknown: ZoneStatistics;
  beforeAll(async () => {
    located = computeZoneStatistics(await datasetWithUnknownPosition(null));
    unknown = computeZoneStatistics(await datasetWithUnknownPosition('park-b'));
  });
  const unit = (statistics: ZoneStatistics, id: string) => statistics.units.find((entry) => entry.id === id)!;

  it('counts in the wing it is drawn in while its position is known', () => {
    expectClose(unit(located, 'west-wing').greenAreaM2, parkUnion());
    expect(unit(located, 'west-wing').greenNotCounted).toEqual([]);
  });

  it('is left out of that wing once its position is unknown, and the wing names what it left out', () => {
    const wing = unit(unknown, 'west-wing');
    // Only park A remains; the land A shares with B still counts, as part of A.
    expectClose(wing.greenAreaM2, parkA());
    expectClose(wing.greenSpaceRatio, parkA() / westWing());
    expect(wing.greenNotCounted).toEqual([{ id: 'park-b', name: '公园乙', nameEn: 'Park B' }]);
    expect(unknown.problems).toEqual([]);
  });

  it('is not listed against a unit it is not drawn in', () => {
    expect(unit(unknown, 'east-wing').greenNotCounted).toEqual([]);
    expectClose(unit(unknown, 'east-wing').greenAreaM2, beltInside());
  });

  it('passes on whether a shape was drawn to its stated figure, so a report can say the difference is no check', async () => {
    const dataset = structuredClone(await datasetWithUnknownPosition(null));
    dataset.layers.find((layer) => layer.definition.id === 'green')!.features.features[0]!.properties.sized_to_stated =
      true;
    const measured = computeZoneStatistics(dataset).features;
    expect(measured.find((feature) => feature.id === 'park-a')!.sizedToStated).toBe(true);
    expect(measured.find((feature) => feature.id === 'zone')!.sizedToStated).toBe(false);
  });

  it('still counts zone-wide, in the summary and in the zone unit alike', () => {
    expectClose(unknown.summary.greenAreaM2, parkUnion() + beltInside());
    expectClose(unit(unknown, 'zone').greenAreaM2, parkUnion() + beltInside());
    expect(unit(unknown, 'zone').greenNotCounted).toEqual([]);
  });
});
