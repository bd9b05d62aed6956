/**
 * How far the map has come while it loads, for the placeholder in the map area (issue 14: on a slow
 * connection the map area stayed empty for seconds with nothing saying it was loading). Counted in
 * the steps the first frame waits for — the map engine's code, each dataset file, the drawing —
 * not in bytes: the browser does not tell a page how much of a gzip response is still to come.
 */
import { signal } from '@preact/signals';

export interface MapLoading {
  /** MapLibre and the map module have arrived. */
  engineLoaded: boolean;
  dataFilesLoaded: number;
  /** Known once the manifest has been read; null before. */
  dataFilesTotal: number | null;
  /** The map exists and is drawing its first frame. */
  drawing: boolean;
}

export const mapLoading = signal<MapLoading>({
  engineLoaded: false,
  dataFilesLoaded: 0,
  dataFilesTotal: null,
  drawing: false,
});

/**
 * Steps done out of all steps: the engine, each dataset file, and the drawing, which is done when
 * the first frame is (and the placeholder goes). `total` is null while the file count is unknown.
 */
export function mapLoadingSteps(state: MapLoading): { done: number; total: number | null } {
  const done = (state.engineLoaded ? 1 : 0) + state.dataFilesLoaded;
  return { done, total: state.dataFilesTotal === null ? null : 1 + state.dataFilesTotal + 1 };
}

/** How many files the manifest names (itself, its layers, its label points); null when it cannot be read. */
export function manifestFileCount(manifestText: string): number | null {
  try {
    const manifest = JSON.parse(manifestText) as { layers?: unknown; labels?: unknown };
    if (!Array.isArray(manifest.layers)) return null;
    return 1 + manifest.layers.length + (typeof manifest.labels === 'string' ? 1 : 0);
  } catch {
    return null;
  }
}

function update(change: Partial<MapLoading>): void {
  mapLoading.value = { ...mapLoading.value, ...change };
}

export function recordEngineLoaded(): void {
  update({ engineLoaded: true });
}

export function recordDataFileLoaded(manifestFiles?: number | null): void {
  const current = mapLoading.value;
  update({
    dataFilesLoaded: current.dataFilesLoaded + 1,
    ...(manifestFiles ? { dataFilesTotal: manifestFiles } : {}),
  });
}

/** The dataset is in memory (also when it came from storage, where no file was fetched). */
export function recordDataLoaded(): void {
  const current = mapLoading.value;
  const total = current.dataFilesTotal ?? current.dataFilesLoaded;
  update({ dataFilesLoaded: total, dataFilesTotal: total });
}

export function recordDrawing(): void {
  update({ drawing: true });
}
