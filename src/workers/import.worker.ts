/**
 * The import worker: reads a planner's file (reporting bytes read), imports it with
 * src/data/import, stores the original in IndexedDB, and keeps the parsed features for the
 * statistics and export requests that follow. The page never holds the features. A worker
 * terminated mid-job (cancel) is replaced by a fresh one, which reloads layers from IndexedDB
 * when asked about them.
 */
import type { FeatureCollection } from 'geojson';
import { collectionLandUseTable, dissolvedGreenLand, zoneLandUseTable } from '../analysis/land-use-table.ts';
import type { Polygonal } from '../analysis/dissolve.ts';
import type { Dataset } from '../data/dataset-types.ts';
import { indexBoundaries, type BoundaryIndex } from '../data/import/coordinate-suggestion.ts';
import { withMeasurements } from '../data/import/export-features.ts';
import { importBytes } from '../analysis/import-and-measure.ts';
import type { ImportStep } from '../data/import/import-file.ts';
import { fileSizeProblem } from '../data/import/import-limits.ts';
import { setSqlEngine } from '../data/import/geopackage.ts';
// Only the URL: the WebAssembly itself is fetched (same origin) when a GeoPackage is first imported.
import sqliteWasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import {
  confirmStoredLayer,
  deleteStoredLayer,
  loadStoredLayer,
  storePendingLayer,
  updateStoredLayer,
} from '../data/storage/imported-layers-persistence.ts';
import {
  STAGE_START,
  type ImportReply,
  type ImportRequest,
  type ImportStage,
  type LayerRecordFields,
} from './import-protocol.ts';

interface CachedLayer {
  fileName: string;
  collection: FeatureCollection;
  featureAreasM2: Float64Array;
}

setSqlEngine(async () => (await import('sql.js')).default({ locateFile: () => sqliteWasmUrl }));

let boundaries: BoundaryIndex | null = null;
let dataset: Dataset | null = null;
let greenLand: Polygonal | null | undefined;
const layers = new Map<string, CachedLayer>();

function post(reply: ImportReply, transfer: Transferable[] = []): void {
  globalThis.postMessage(reply, { transfer });
}

function progress(jobId: number, stage: ImportStage, withinStage = 0): void {
  const stages = Object.keys(STAGE_START) as ImportStage[];
  const next = stages[stages.indexOf(stage) + 1];
  const end = next ? STAGE_START[next] : 1;
  post({ type: 'progress', jobId, stage, fraction: STAGE_START[stage] + (end - STAGE_START[stage]) * withinStage });
}

/** The file's bytes, read as a stream so the progress bar follows the bytes. */
async function readWithProgress(file: Blob, onFraction: (fraction: number) => void): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew while being read: keep what fits, the size was checked against the limit.
    const chunk = value.subarray(0, Math.max(0, bytes.length - offset));
    bytes.set(chunk, offset);
    offset += chunk.length;
    if (bytes.length > 0 && offset / bytes.length - reported >= 0.02) {
      reported = offset / bytes.length;
      onFraction(reported);
    }
  }
  return bytes.subarray(0, offset);
}

class ImportFailed extends Error {
  constructor(
    message: string,
    readonly suggestedProjection?: number,
  ) {
    super(message);
  }
}

/**
 * Imports a file's bytes and caches the result; returns what the page gets. With `storeAs`, the
 * original is written to IndexedDB while it is being parsed (the write runs on the browser's own
 * threads), marked pending until the import succeeds; a failed import deletes only its own record.
 */
async function importAndCache(jobId: number | null, file: Blob, record: LayerRecordFields, storeAs?: 'new') {
  const tooLarge = fileSizeProblem(record.fileName, file.size);
  if (tooLarge) throw new ImportFailed(tooLarge);
  const bytes = await readWithProgress(file, (fraction) => jobId !== null && progress(jobId, 'reading', fraction));
  // Blobs of the bytes read, not the File: a File is a view of the disk, unreadable once the planner edits or moves it.
  const original = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: file.type });
  const storing: Promise<true | unknown> | null = storeAs
    ? storePendingLayer({ ...record, file: original }).then(
        () => true,
        (error: unknown) => error,
      )
    : null;
  const outcome = await importBytes({
    bytes,
    fileName: record.fileName,
    coordinateSystem: record.coordinateSystem,
    textEncoding: record.chosenTextEncoding ?? null,
    table: record.chosenTable ?? null,
    pointColumns: record.chosenPointColumns ?? null,
    projection: record.chosenProjection ?? null,
    boundaries,
    onStep: (step: ImportStep) => jobId !== null && progress(jobId, step),
  });
  if (!outcome.ok) {
    if (storing) {
      await storing;
      await deleteStoredLayer(record.id).catch(() => undefined);
    }
    throw new ImportFailed(outcome.message, outcome.suggestedProjection);
  }
  if (storing) {
    if (jobId !== null) progress(jobId, 'storing');
    const stored = await storing;
    const confirmed =
      stored === true
        ? await confirmStoredLayer(record.id).then(
            () => true,
            (error: unknown) => error,
          )
        : stored;
    if (confirmed !== true) {
      outcome.summary.notes.push({
        zh: '无法保存到浏览器存储（空间不足或被禁用）：刷新后此图层将丢失。',
        en: `Could not be kept in the browser's storage (${confirmed instanceof Error ? confirmed.message : String(confirmed)}): it will be gone after a reload.`,
      });
    }
  }
  layers.set(record.id, {
    fileName: record.fileName,
    collection: outcome.collection,
    featureAreasM2: outcome.featureAreasM2,
  });
  const data =
    outcome.geoJsonText === null ? original : new Blob([outcome.geoJsonText], { type: 'application/geo+json' });
  return { summary: outcome.summary, data, featureAreasM2: outcome.featureAreasM2 };
}

/** A layer's features, from the cache or (in a fresh worker) re-imported from IndexedDB. */
async function cachedLayer(layerId: string): Promise<CachedLayer> {
  const cached = layers.get(layerId);
  if (cached) return cached;
  const stored = await loadStoredLayer(layerId);
  if (!stored) throw new ImportFailed('this imported layer is no longer stored (cleared in another tab?)');
  await importAndCache(null, stored.file, stored);
  return layers.get(layerId)!;
}

function sendLayer(
  jobId: number,
  record: LayerRecordFields,
  imported: Awaited<ReturnType<typeof importAndCache>>,
): void {
  // The cache keeps its own copy of the areas: the posted one is transferred away.
  const featureAreasM2 = imported.featureAreasM2.slice();
  post({ type: 'imported', jobId, layer: { record, summary: imported.summary, data: imported.data, featureAreasM2 } }, [
    featureAreasM2.buffer,
  ]);
}

async function handle(request: ImportRequest): Promise<void> {
  switch (request.type) {
    case 'connect':
      boundaries = request.districts ? indexBoundaries(request.districts) : null;
      dataset = request.dataset;
      greenLand = undefined;
      return;
    case 'forget':
      layers.delete(request.layerId);
      return;
    case 'import': {
      const imported = await importAndCache(request.jobId, request.file, request.record, 'new');
      sendLayer(request.jobId, request.record, imported);
      return;
    }
    case 'restore': {
      const stored = await loadStoredLayer(request.layerId);
      if (!stored) throw new ImportFailed('this imported layer is no longer stored');
      const { file, ...fields } = stored;
      const textEncoding = request.textEncoding ?? stored.chosenTextEncoding;
      const table = request.table ?? stored.chosenTable;
      const pointColumns = request.pointColumns ?? stored.chosenPointColumns;
      const choices = {
        coordinateSystem: request.coordinateSystem ?? stored.coordinateSystem,
        ...(textEncoding ? { chosenTextEncoding: textEncoding } : {}),
        ...(table ? { chosenTable: table } : {}),
        ...(pointColumns ? { chosenPointColumns: pointColumns } : {}),
      };
      const record: LayerRecordFields = { ...fields, ...choices };
      const imported = await importAndCache(request.jobId, file, record);
      if (
        record.coordinateSystem !== stored.coordinateSystem ||
        record.chosenTextEncoding !== stored.chosenTextEncoding ||
        record.chosenTable !== stored.chosenTable ||
        request.pointColumns !== undefined
      ) {
        progress(request.jobId, 'storing');
        await updateStoredLayer(record.id, choices).catch(() => undefined);
      }
      sendLayer(request.jobId, record, imported);
      return;
    }
    case 'land-use-table': {
      if (!dataset) throw new ImportFailed('the zone dataset is not loaded yet');
      if (greenLand === undefined) greenLand = dissolvedGreenLand(dataset);
      if (request.source.kind === 'zone') {
        post({ type: 'table', jobId: request.jobId, table: zoneLandUseTable(dataset, request.groupBy, { greenLand }) });
        return;
      }
      const layer = await cachedLayer(request.source.layerId);
      const table = collectionLandUseTable(layer.collection, request.groupBy, request.source, {
        greenLand,
        layerName: layer.fileName,
      });
      post({ type: 'table', jobId: request.jobId, table });
      return;
    }
    case 'export': {
      const layer = await cachedLayer(request.layerId);
      post({
        type: 'exported',
        jobId: request.jobId,
        data: new Blob([JSON.stringify(withMeasurements(layer.collection, layer.featureAreasM2))], {
          type: 'application/geo+json',
        }),
      });
      return;
    }
  }
}

globalThis.addEventListener('message', (event: MessageEvent<ImportRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    if (!('jobId' in request)) return;
    const message =
      error instanceof ImportFailed
        ? error.message
        : `import worker: ${error instanceof Error ? error.message : String(error)}`;
    const suggestedProjection = error instanceof ImportFailed ? error.suggestedProjection : undefined;
    post({ type: 'failed', jobId: request.jobId, message, ...(suggestedProjection ? { suggestedProjection } : {}) });
  });
});
