/**
 * Edit in place (issue 11 §1): an edited feature becomes a dataset package that loads like
 * `geodata/`, with its measured area, its change-list entries and its contract checks; snapping
 * finds the nearest other vertex on screen.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LineString, Point, Polygon } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { computeZoneStatistics } from '../../../src/analysis/zone-statistics.ts';
import { CHANGES_FILE, readDatasetChanges } from '../../../src/data/dataset-changes.ts';
import { editedMeasure, statedSquareMetres } from '../../../src/analysis/dataset-edit-measure.ts';
import {
  editProblems,
  type EditSession,
  keepEdit,
  startEdit,
  stillSizedToStated,
} from '../../../src/data/dataset-edit.ts';
import { currentSnapshot, recordPart, recordProperty } from '../../../src/data/dataset-edit-history.ts';
import { nearestVertex, snapVertices } from '../../../src/data/dataset-edit-snapping.ts';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { ellipsoidalArea } from '../../../src/geo/area.ts';

vi.setConfig({ testTimeout: 60_000 });

const geodata = fileURLToPath(new URL('../../../geodata/', import.meta.url));

async function shipped(): Promise<Dataset> {
  const result = await loadDataset((path) => readFile(join(geodata, path), 'utf8'));
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.dataset;
}

function started(dataset: Dataset, layerId: string, featureId: string): EditSession {
  const result = startEdit(dataset, { layerId, featureId });
  if (!result.ok) throw new Error(result.reason);
  return result.session;
}

/** The core's ring with vertex `index` pushed `factor` times as far from the ring's mean point. */
function pushedOut(part: Polygon, index: number, factor: number): Polygon {
  const ring = part.coordinates[0]!;
  const distinct = ring.slice(0, -1);
  const centre = [0, 1].map((axis) => distinct.reduce((sum, position) => sum + position[axis]!, 0) / distinct.length);
  const next = ring.map((position) => [...position]);
  const vertex = ring[index]!;
  next[index] = [centre[0]! + (vertex[0]! - centre[0]!) * factor, centre[1]! + (vertex[1]! - centre[1]!) * factor];
  if (index === 0) next[next.length - 1] = next[0]!;
  return { type: 'Polygon', coordinates: [next] };
}

describe('keeping an edit', () => {
  it('gives package files that load like geodata/, with the new measured area and the change list', async () => {
    const dataset = await shipped();
    let session = started(dataset, 'core', 'core-longmatan');
    const before = editedMeasure(session)!.value;
    // Drawn to its 4.62 km²: the editor must not show the 0.0 % difference as a check.
    expect(stillSizedToStated(session)).toBe(true);
    const part = currentSnapshot(session.history).parts[0] as Polygon;
    session = { ...session, history: recordPart(session.history, 0, pushedOut(part, 5, 1.5)) };
    expect(stillSizedToStated(session)).toBe(false);
    session = { ...session, history: recordProperty(session.history, 'name_zh', '一核（修订）') };
    const after = editedMeasure(session)!.value;
    expect(after).toBeGreaterThan(before);

    const earlier = [
      { what: 'replaced 1 feature from a.geojson (high)', layerId: 'parks', at: '2026-01-01T00:00:00.000Z' },
    ];
    const kept = await keepEdit(dataset, session, earlier, new Date('2026-01-02T00:00:00Z'));
    if (!kept.ok) throw new Error(kept.problems.join('; '));

    // The files reload through the same loader the page uses.
    const reloaded = await loadDataset(async (path) => {
      const text = kept.files.get(path);
      if (text === undefined) throw new Error(`missing ${path}`);
      return text;
    });
    if (!reloaded.ok) throw new Error(reloaded.problems.join('; '));
    const core = reloaded.dataset.layers.find((layer) => layer.definition.id === 'core')!.features.features[0]!;
    expect(core.properties.name_zh).toBe('一核（修订）');
    // A shape moved by hand is measured now, not sized to its figure; the figure itself stays.
    expect(core.properties.sized_to_stated).toBeUndefined();
    expect(core.properties.stated_area).toBe(4.62);
    // The package rounds coordinates to 6 decimals (≈ 0.1 m): the area moves by a few m² at most.
    expect(Math.abs(ellipsoidalArea(core.geometry) / after - 1)).toBeLessThan(1e-5);
    const statistics = computeZoneStatistics(reloaded.dataset);
    const measured = statistics.features.find((entry) => entry.id === 'core-longmatan')!;
    expect(Math.abs(measured.areaM2! / after - 1)).toBeLessThan(1e-5);
    expect(measured.statedDifferenceRatio).toBeGreaterThan(0);

    const changes = readDatasetChanges(kept.files.get(CHANGES_FILE));
    expect(changes.map((change) => change.what)).toEqual([
      'replaced 1 feature from a.geojson (high)',
      'moved 1 vertex',
      'edited name_zh: 一核 → 一核（修订）',
    ]);
    expect(changes[1]).toMatchObject({ layerId: 'core', featureId: 'core-longmatan', fromFile: 'edited in the app' });
    // The label names the feature by its new name.
    const label = reloaded.dataset.labels?.features.find((entry) => entry.properties.id === 'core-longmatan');
    expect(label?.properties.name_zh).toBe('一核（修订）');
    // Every other layer is byte for byte what it was.
    const original = await readFile(join(geodata, 'parks.geojson'), 'utf8');
    expect(kept.files.get('parks.geojson')).toBe(original);
  });

  it('edits one part of the multi-part zone outline and keeps it one MultiPolygon', async () => {
    const dataset = await shipped();
    let session = started(dataset, 'zone', 'zone-luzhou-hitech');
    const parts = currentSnapshot(session.history).parts;
    expect(parts.length).toBe(3);
    session = { ...session, history: recordPart(session.history, 1, pushedOut(parts[1] as Polygon, 10, 0.9)) };
    const kept = await keepEdit(dataset, session, [], new Date());
    if (!kept.ok) throw new Error(kept.problems.join('; '));
    const zone = kept.dataset.layers.find((layer) => layer.definition.id === 'zone')!.features.features[0]!;
    expect(zone.geometry.type).toBe('MultiPolygon');
    expect(kept.changes.map((change) => change.what)).toEqual(['moved 1 vertex']);
  });

  it('keeps a property-only edit sized to its figure, and refuses an edit that changed nothing', async () => {
    const dataset = await shipped();
    const session = started(dataset, 'green', 'green-yuzixi-wetland-park');
    expect((await keepEdit(dataset, session, [], new Date())).ok).toBe(false);
    const renamed = { ...session, history: recordProperty(session.history, 'name_en', 'Yuzixi Wetland Park') };
    expect(stillSizedToStated(renamed)).toBe(true);
    const kept = await keepEdit(dataset, renamed, [], new Date());
    if (!kept.ok) throw new Error(kept.problems.join('; '));
    const green = kept.dataset.layers.find((layer) => layer.definition.id === 'green')!.features.features[0]!;
    expect(green.properties.sized_to_stated).toBe(true);
  });
});

describe('lines and points', () => {
  it('a river line measures its geodesic length live and keeps its type', async () => {
    const dataset = await shipped();
    let session = started(dataset, 'river', 'river-tuo');
    const before = editedMeasure(session)!;
    expect(before.kind).toBe('length');
    const line = currentSnapshot(session.history).parts[0] as LineString;
    const moved: LineString = {
      type: 'LineString',
      coordinates: line.coordinates.map((position, index) =>
        index === 10 ? [position[0]! + 0.01, position[1]!] : position,
      ),
    };
    session = { ...session, history: recordPart(session.history, 0, moved) };
    expect(editedMeasure(session)!.value).toBeGreaterThan(before.value);
    const kept = await keepEdit(dataset, session, [], new Date());
    if (!kept.ok) throw new Error(kept.problems.join('; '));
    const river = kept.dataset.layers.find((layer) => layer.definition.id === 'river')!.features.features[0]!;
    expect(river.geometry.type).toBe('LineString');
    expect(kept.changes.map((change) => change.what)).toEqual(['moved 1 vertex']);
  });

  it('a place point moves, with no area to measure', async () => {
    const dataset = await shipped();
    const place = dataset.layers.find((layer) => layer.definition.id === 'places')!.features.features[0]!;
    let session = started(dataset, 'places', place.properties.id);
    expect(editedMeasure(session)).toBeNull();
    const point = currentSnapshot(session.history).parts[0] as Point;
    session = {
      ...session,
      history: recordPart(session.history, 0, {
        type: 'Point',
        coordinates: [point.coordinates[0]! + 0.001, point.coordinates[1]!],
      }),
    };
    const kept = await keepEdit(dataset, session, [], new Date());
    if (!kept.ok) throw new Error(kept.problems.join('; '));
    expect(kept.changes.map((change) => change.what)).toEqual(['moved 1 vertex']);
  });
});

describe('the contract checks of the form', () => {
  it('names a missing source and a stated area that is not a number, and keeps nothing', async () => {
    const dataset = await shipped();
    let session = started(dataset, 'parks', 'park-big-data');
    session = { ...session, history: recordProperty(session.history, 'source', '   ') };
    session = { ...session, history: recordProperty(session.history, 'stated_area', 'about 1000') };
    const problems = editProblems(dataset, session);
    expect(problems.some((problem) => problem.includes('"source" must be non-empty text'))).toBe(true);
    expect(problems.some((problem) => problem.includes('"stated_area" must be a positive number'))).toBe(true);
    expect(problems.every((problem) => !problem.includes('features[0]'))).toBe(true);
    const kept = await keepEdit(dataset, session, [], new Date());
    expect(kept.ok).toBe(false);
  });

  it('a stated figure typed in the form needs its own source, and removing it removes all three fields', async () => {
    const dataset = await shipped();
    let session = started(dataset, 'wings', 'wing-luxian');
    expect(statedSquareMetres(currentSnapshot(session.history).properties)).toBeNull();
    session = { ...session, history: recordProperty(session.history, 'stated_area', '1,500') };
    session = { ...session, history: recordProperty(session.history, 'stated_area_unit', 'mu') };
    expect(statedSquareMetres(currentSnapshot(session.history).properties)).toBeCloseTo(1_000_000, 6);
    // Where the shape comes from is not where the figure was published: the form asks.
    expect(editProblems(dataset, session)[0]).toMatch(/^stated_area_source: /);
    expect((await keepEdit(dataset, session, [], new Date())).ok).toBe(false);
    session = { ...session, history: recordProperty(session.history, 'stated_area_source', '泸县规划 2021, p. 12') };
    const kept = await keepEdit(dataset, session, [], new Date());
    if (!kept.ok) throw new Error(kept.problems.join('; '));
    const wing = kept.dataset.layers
      .find((layer) => layer.definition.id === 'wings')!
      .features.features.find((feature) => feature.properties.id === 'wing-luxian')!;
    expect(wing.properties).toMatchObject({ stated_area: 1500, stated_area_unit: 'mu' });
    expect(wing.properties.stated_area_source).toBe('泸县规划 2021, p. 12');
    expect(wing.properties.source).not.toBe('泸县规划 2021, p. 12');

    let cleared = started(kept.dataset, 'wings', 'wing-luxian');
    cleared = { ...cleared, history: recordProperty(cleared.history, 'stated_area', '') };
    const keptCleared = await keepEdit(kept.dataset, cleared, [], new Date());
    if (!keptCleared.ok) throw new Error(keptCleared.problems.join('; '));
    const wingCleared = keptCleared.dataset.layers
      .find((layer) => layer.definition.id === 'wings')!
      .features.features.find((feature) => feature.properties.id === 'wing-luxian')!;
    expect(wingCleared.properties.stated_area).toBeUndefined();
    expect(wingCleared.properties.stated_area_source).toBeUndefined();
  });
});

describe('snapping to other features', () => {
  // A plain linear screen: 1000 pixels per degree, north up.
  const projection = {
    project: (longitude: number, latitude: number) => ({ x: longitude * 1000, y: -latitude * 1000 }),
    unproject: (x: number, y: number) => ({ lng: x / 1000, lat: -y / 1000 }),
  };

  it('finds the nearest vertex within the radius and nothing beyond it', () => {
    const vertices = [
      [105, 29],
      [105.008, 29],
      [105.02, 29],
    ];
    expect(nearestVertex(vertices, { lng: 105.006, lat: 29.001 }, projection, 12)).toEqual([105.008, 29]);
    expect(nearestVertex(vertices, { lng: 105.05, lat: 29 }, projection, 12)).toBeUndefined();
  });

  it('offers every vertex but those of the feature being edited', async () => {
    const dataset = await shipped();
    const everything = snapVertices(dataset, { layerId: 'none', featureId: 'none' });
    const vertices = snapVertices(dataset, { layerId: 'core', featureId: 'core-longmatan' });
    const core = dataset.layers.find((layer) => layer.definition.id === 'core')!.features.features[0]!;
    expect(everything.length - vertices.length).toBe((core.geometry as Polygon).coordinates[0]!.length);
    // The places and the districts are there too: a park's corner can land on a district border.
    const district = dataset.layers.find((layer) => layer.definition.id === 'districts')!.features.features[0]!;
    const districtVertex = (district.geometry as Polygon).coordinates[0]![5]!;
    expect(vertices).toContainEqual(districtVertex);
  });
});
