/**
 * The map area's loading placeholder counts steps: the map engine, each dataset file, the drawing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  manifestFileCount,
  mapLoading,
  mapLoadingSteps,
  recordDataFileLoaded,
  recordDataLoaded,
  recordDrawing,
  recordEngineLoaded,
} from '../../../src/state/map-loading.ts';

beforeEach(() => {
  mapLoading.value = { engineLoaded: false, dataFilesLoaded: 0, dataFilesTotal: null, drawing: false };
});

describe('map loading steps', () => {
  it('has no total until the manifest says how many files there are', () => {
    recordEngineLoaded();
    expect(mapLoadingSteps(mapLoading.value)).toEqual({ done: 1, total: null });
  });

  it('counts the engine and each file, and leaves the drawing for the first frame', () => {
    recordDataFileLoaded(4);
    recordDataFileLoaded();
    recordEngineLoaded();
    expect(mapLoadingSteps(mapLoading.value)).toEqual({ done: 3, total: 6 });
    recordDataFileLoaded();
    recordDataFileLoaded();
    recordDrawing();
    const steps = mapLoadingSteps(mapLoading.value);
    expect(steps).toEqual({ done: 5, total: 6 });
    expect(mapLoading.value.drawing).toBe(true);
  });

  it('marks the data complete when it came from storage, where no file was fetched', () => {
    recordDataLoaded();
    expect(mapLoading.value.dataFilesTotal).toBe(0);
    recordEngineLoaded();
    expect(mapLoadingSteps(mapLoading.value)).toEqual({ done: 1, total: 2 });
  });
});

describe('manifestFileCount', () => {
  it('counts the manifest, its layers and its label file', () => {
    expect(manifestFileCount(JSON.stringify({ layers: [{}, {}, {}], labels: 'labels.geojson' }))).toBe(5);
    expect(manifestFileCount(JSON.stringify({ layers: [{}] }))).toBe(2);
  });

  it('is null for a manifest it cannot read', () => {
    expect(manifestFileCount('not json')).toBeNull();
    expect(manifestFileCount(JSON.stringify({ layers: 'zone' }))).toBeNull();
  });
});
