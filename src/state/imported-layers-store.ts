/**
 * Everything about a planner's own files below the UI: the import job, its progress and failure,
 * the imported layers (metadata only: features stay in the import worker and IndexedDB), and their
 * statistics and export. The page never reads a file: it hands the File to the worker, which posts
 * back a summary and a Blob of the map's GeoJSON, shown through a `blob:` URL.
 *
 * A failed or cancelled import changes nothing that was there; stored layers go only when the
 * planner removes or clears them.
 *
 * Stays whole (over 350 lines): the job queue, the worker client and the stored records move
 * together (an import, a cancel, a re-read, another tab's change); one module keeps them in step.
 */
import { batch, signal } from '@preact/signals';
import type { CoordinateSystem } from '../data/coordinate-systems.ts';
import type { LandUseSource, LandUseTable } from '../analysis/land-use-types.ts';
import type { Dataset } from '../data/dataset-types.ts';
import type { ImportSummary } from '../analysis/import-and-measure.ts';
import type { TextEncoding } from '../data/import/text-encodings.ts';
import { fileSizeProblem } from '../data/import/import-limits.ts';
import type { ImportedLayerReply, ImportStage, LayerRecordFields } from '../workers/import-protocol.ts';
import { ImportCancelled, ImportClient, ImportWorkerFailure } from '../workers/import-client.ts';
import {
  deleteAllStoredLayers,
  deleteStoredLayer,
  loadStoredLayer,
  loadStoredLayers,
  loadUnreadableStoredLayers,
  updateStoredLayer,
} from '../data/storage/imported-layers-persistence.ts';
import { indexedDbAvailable } from '../data/storage/resilient-store.ts';
import { announceStorageChange, onStorageChange } from './storage-channel.ts';
import { dismissStorageNotice, showStorageNotice, storageNotices } from './storage-notices.ts';

export type { ImportFormat } from '../data/import/import-types.ts';
export type { ImportStage } from '../workers/import-protocol.ts';

/**
 * An imported layer as the page knows it: its stored record, what the worker measured of it
 * (format, measurement, length, bbox, property names, notes, the coordinate-system suggestion),
 * and how the map reads it. No features.
 */
export interface ImportedLayer
  extends Omit<LayerRecordFields, 'order'>,
    Omit<ImportSummary, 'fileName' | 'coordinateSystem'> {
  /** `blob:` URL of the normalised WGS84 GeoJSON, for the map source. */
  dataUrl: string;
  /** Measured area (m²) of feature i, in the order the map source numbers them (generateId). */
  featureAreasM2: Float64Array;
}

export interface ImportJob {
  fileName: string;
  /** 'restore': a stored layer read back after a reload or re-read in another coordinate system. */
  kind: 'import' | 'restore';
  stage: ImportStage;
  /** 0…1 over the whole import. */
  fraction: number;
}

export interface ImportFailure {
  fileName: string;
  /** A Gauss-Krüger zone (EPSG code) to offer reading the file in, with the file to read again. */
  retry?: { projection: number; file: File; coordinateSystem: CoordinateSystem };
  /** One line naming the file, the problem and where (line/column or JSON path) when known. */
  message: string;
}

export const importedLayers = signal<readonly ImportedLayer[]>([]);
export const importJob = signal<ImportJob | null>(null);
export const importFailure = signal<ImportFailure | null>(null);

const client = new ImportClient();

/** The planner showed intent (opened the toolkit, dragged a file in): load the import worker now. */
export function prepareImports(): void {
  client.warmUp();
}
let connected: Promise<void> | null = null;
/** Imports and restores run one after another; a cancel ends the one running. */
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work);
  queue = result.catch(() => undefined);
  return result;
}

function toLayer(reply: ImportedLayerReply): ImportedLayer {
  // The record says which system the file was read as (the summary repeats it) and where it was stored.
  const { order: _order, ...record } = reply.record;
  const { fileName: _fileName, coordinateSystem: _coordinateSystem, ...summary } = reply.summary;
  return { ...summary, ...record, dataUrl: URL.createObjectURL(reply.data), featureAreasM2: reply.featureAreasM2 };
}

/** Adds a layer, or replaces the one with its id (a re-read) keeping its place in the list. */
function putLayer(layer: ImportedLayer): void {
  const current = importedLayers.value;
  const index = current.findIndex((candidate) => candidate.id === layer.id);
  if (index < 0) {
    importedLayers.value = [...current, layer];
    return;
  }
  URL.revokeObjectURL(current[index]!.dataUrl);
  importedLayers.value = current.map((candidate, position) => (position === index ? layer : candidate));
}

function withFileName(fileName: string, message: string): string {
  return message.startsWith(fileName) ? message : `${fileName}: ${message}`;
}

/** Runs one worker job with the progress bar; failures go to `importFailure`, cancels to nothing. */
async function runJob(
  fileName: string,
  kind: ImportJob['kind'],
  job: (onProgress: (stage: ImportStage, fraction: number) => void) => Promise<ImportedLayerReply>,
): Promise<ImportedLayer | null> {
  importJob.value = { fileName, kind, stage: 'reading', fraction: 0 };
  try {
    const reply = await job((stage, fraction) => (importJob.value = { fileName, kind, stage, fraction }));
    const layer = toLayer(reply);
    batch(() => {
      putLayer(layer);
      importJob.value = null;
    });
    return layer;
  } catch (error) {
    batch(() => {
      importJob.value = null;
      if (!(error instanceof ImportCancelled))
        importFailure.value = {
          fileName,
          message: withFileName(fileName, error instanceof Error ? error.message : String(error)),
        };
    });
    return null;
  }
}

/** Layers this tab imported but could not store: kept in the page, never removed by another tab's change. */
const memoryOnly = new Set<string>();

function restoreStored(record: { id: string; fileName: string }): Promise<ImportedLayer | null> {
  return enqueue(async () => {
    const layer = await runJob(record.fileName, 'restore', (onProgress) =>
      client.restore(record.id, undefined, onProgress),
    );
    // Without this, a record that no longer reads says 导入失败 on every load with no way out.
    if (!layer) showStorageNotice({ kind: 'stored-layer-unreadable', layerId: record.id, fileName: record.fileName });
    return layer;
  });
}

/** Once, after the dataset is ready: starts the worker with the dataset and restores stored layers. */
export function connectImportedLayers(dataset: Dataset): Promise<void> {
  client.connect(dataset);
  connected ??= (async () => {
    let stored: Awaited<ReturnType<typeof loadStoredLayers>> = [];
    try {
      stored = await loadStoredLayers();
      for (const unreadable of await loadUnreadableStoredLayers())
        showStorageNotice({ kind: 'stored-layer-unreadable', layerId: unreadable.id, fileName: unreadable.fileName });
    } catch {
      // No IndexedDB (private mode, blocked): nothing to restore, imports still work, and the page says so.
      showStorageNotice({ kind: 'persistence-unavailable' });
      return;
    }
    onStorageChange('imported-layers', () => void followOtherTab());
    for (const record of stored) await restoreStored(record);
  })();
  return connected;
}

/** Another tab imported, removed or changed layers: show what storage now holds. */
async function followOtherTab(): Promise<void> {
  let stored: Awaited<ReturnType<typeof loadStoredLayers>>;
  try {
    stored = await loadStoredLayers();
  } catch {
    return;
  }
  const storedIds = new Set(stored.map((record) => record.id));
  const shown = importedLayers.peek();
  const gone = shown.filter((layer) => !storedIds.has(layer.id) && !memoryOnly.has(layer.id));
  for (const layer of gone) {
    URL.revokeObjectURL(layer.dataUrl);
    client.forget(layer.id);
  }
  importedLayers.value = importedLayers
    .peek()
    .filter((layer) => !gone.includes(layer))
    .map((layer) => {
      const record = stored.find((candidate) => candidate.id === layer.id);
      return record && record.visible !== layer.visible ? { ...layer, visible: record.visible } : layer;
    });
  for (const record of stored)
    if (!importedLayers.peek().some((layer) => layer.id === record.id)) await restoreStored(record);
}

/** Removes a stored layer that cannot be read (the notice's button): nothing else is touched. */
export async function removeUnreadableStoredLayer(layerId: string): Promise<void> {
  const record = importedLayers.peek().find((layer) => layer.id === layerId);
  if (record) await removeImportedLayer(layerId);
  else await deleteStoredLayer(layerId);
  const failure = importFailure.peek();
  const notice = storageNoticeOf(layerId);
  if (notice) {
    dismissStorageNotice(notice);
    if (failure?.fileName === notice.fileName) importFailure.value = null;
  }
  announceStorageChange('imported-layers');
}

function storageNoticeOf(layerId: string) {
  return storageNoticesOfLayers().find((notice) => notice.layerId === layerId);
}

function storageNoticesOfLayers() {
  return storageNotices
    .peek()
    .filter(
      (notice): notice is Extract<typeof notice, { kind: 'stored-layer-unreadable' }> =>
        notice.kind === 'stored-layer-unreadable',
    );
}

/** After an import: if its file did not reach storage, the layer lives in this page only, and the planner is told why. */
async function checkStored(layer: ImportedLayer, fileSize: number): Promise<void> {
  let stored = false;
  try {
    stored = (await loadStoredLayer(layer.id)) !== null;
  } catch {
    stored = false;
  }
  if (stored) {
    announceStorageChange('imported-layers');
    return;
  }
  memoryOnly.add(layer.id);
  // The worker's write failed. With IndexedDB open to this page the refusal is the quota (the
  // browser's estimate need not show it: quotas are enforced per write, estimates are rounded).
  let reason: 'quota' | 'unavailable' = (await indexedDbAvailable()) ? 'quota' : 'unavailable';
  try {
    const estimate = await navigator.storage?.estimate();
    if (estimate?.quota !== undefined && estimate.quota - (estimate.usage ?? 0) < fileSize) reason = 'quota';
  } catch {
    // No estimate: keep what the probe found.
  }
  showStorageNotice({ kind: 'import-not-saved', fileName: layer.fileName, reason });
}

function newLayerId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `layer-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Imports each file in turn; a file that fails is announced and the others still import. */
export async function importFiles(
  files: readonly File[],
  coordinateSystem: CoordinateSystem = 'wgs84',
  reading: { projection?: number } = {},
): Promise<void> {
  // A new choice of files replaces the last failure; within it, each failure stays until the next choice.
  if (files.length > 0) importFailure.value = null;
  for (const file of files) {
    await enqueue(async () => {
      const tooLarge = fileSizeProblem(file.name, file.size);
      if (tooLarge) {
        importFailure.value = { fileName: file.name, message: tooLarge };
        return;
      }
      const order = Date.now();
      const record: LayerRecordFields = {
        id: newLayerId(),
        fileName: file.name,
        coordinateSystem,
        ...(reading.projection ? { chosenProjection: reading.projection } : {}),
        importedAt: new Date().toISOString(),
        visible: true,
        order,
      };
      let suggestedProjection: number | undefined;
      const layer = await runJob(file.name, 'import', (onProgress) =>
        client.importFile(file, record, onProgress).catch((error: unknown) => {
          if (error instanceof ImportWorkerFailure) suggestedProjection = error.suggestedProjection;
          throw error;
        }),
      );
      if (!layer && suggestedProjection && importFailure.value?.fileName === file.name) {
        importFailure.value = {
          ...importFailure.value,
          retry: { projection: suggestedProjection, file, coordinateSystem },
        };
      }
      // A cancelled import's worker was stopped mid-way: its half-stored copy (possibly many MB)
      // goes now rather than at the next load. A failed import's worker has already removed it.
      if (!layer) await deleteStoredLayer(record.id).catch(() => undefined);
      else await checkStored(layer, file.size);
    });
  }
}

export function cancelImport(): void {
  client.cancel();
}

/** Reads a layer's stored file again as another coordinate system (e.g. after the GCJ-02 suggestion). */
export async function reinterpretLayer(layerId: string, coordinateSystem: CoordinateSystem): Promise<void> {
  const layer = importedLayers.value.find((candidate) => candidate.id === layerId);
  if (!layer) return;
  await enqueue(() =>
    runJob(layer.fileName, 'restore', (onProgress) => client.restore(layerId, coordinateSystem, onProgress)),
  );
}

/** Reads a Shapefile layer's stored file again with its table in another text encoding. */
export async function rereadLayerText(layerId: string, textEncoding: TextEncoding): Promise<void> {
  const layer = importedLayers.value.find((candidate) => candidate.id === layerId);
  if (!layer) return;
  await enqueue(() =>
    runJob(layer.fileName, 'restore', (onProgress) => client.restore(layerId, undefined, onProgress, { textEncoding })),
  );
}

/** Reads a point table layer's stored file again with other coordinate columns. */
export async function rereadLayerColumns(
  layerId: string,
  pointColumns: { longitude: string; latitude: string },
): Promise<void> {
  const layer = importedLayers.value.find((candidate) => candidate.id === layerId);
  if (!layer) return;
  await enqueue(() =>
    runJob(layer.fileName, 'restore', (onProgress) => client.restore(layerId, undefined, onProgress, { pointColumns })),
  );
}

/** Reads another feature table of a GeoPackage layer's stored file in its place. */
export async function rereadLayerTable(layerId: string, table: string): Promise<void> {
  const layer = importedLayers.value.find((candidate) => candidate.id === layerId);
  if (!layer) return;
  await enqueue(() =>
    runJob(layer.fileName, 'restore', (onProgress) => client.restore(layerId, undefined, onProgress, { table })),
  );
}

export function setImportedLayerVisible(layerId: string, visible: boolean): void {
  importedLayers.value = importedLayers.value.map((layer) => (layer.id === layerId ? { ...layer, visible } : layer));
  void updateStoredLayer(layerId, { visible }).then(
    () => announceStorageChange('imported-layers'),
    () => undefined,
  );
}

export async function removeImportedLayer(layerId: string): Promise<void> {
  const layer = importedLayers.value.find((candidate) => candidate.id === layerId);
  if (layer) URL.revokeObjectURL(layer.dataUrl);
  importedLayers.value = importedLayers.value.filter((candidate) => candidate.id !== layerId);
  client.forget(layerId);
  memoryOnly.delete(layerId);
  await deleteStoredLayer(layerId);
  announceStorageChange('imported-layers');
}

/** Deliberate only: the panel asks the planner to confirm first. */
export async function clearImportedLayers(): Promise<void> {
  for (const layer of importedLayers.value) {
    URL.revokeObjectURL(layer.dataUrl);
    client.forget(layer.id);
  }
  importedLayers.value = [];
  memoryOnly.clear();
  await deleteAllStoredLayers();
  announceStorageChange('imported-layers');
}

/**
 * Cancelling an import stops the worker, and with it a table or export it was computing at the
 * time; that request was not what the planner cancelled, so it is asked once more of the fresh worker.
 */
async function againAfterCancelledImport<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ImportCancelled) return request();
    throw error;
  }
}

/** For the zone's own layers or an imported layer, computed off the main thread. */
export function landUseTableOf(
  source: Exclude<LandUseSource, { kind: 'drawn' }>,
  groupBy: string,
): Promise<LandUseTable> {
  return againAfterCancelledImport(() => client.landUseTable(source, groupBy));
}

/** The layer's features as GeoJSON with measured_area_m2 / measured_length_m on each. */
export function exportImportedLayer(layerId: string): Promise<Blob> {
  return againAfterCancelledImport(() => client.exportLayer(layerId));
}
