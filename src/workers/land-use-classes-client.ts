/**
 * The page's side of the land-use class worker: one worker for the session, started on first use.
 * The layer's features come from the import worker's export (the same collection its table
 * measures), fetched once per layer version and handed over as a Blob.
 */
import type { LandUseClassStatistics } from '../analysis/land-use-classes.ts';
import type { ColumnDetection } from '../analysis/land-use-standard-detection.ts';
import type { ClassificationStandardId } from '../data/classification/classification-types.ts';
import type { LandUseClassReply, LandUseClassRequest, LandUseClassTask } from './land-use-classes-protocol.ts';
import landUseClassesWorkerUrl from './land-use-classes.worker.ts?worker&url';

let worker: Worker | null = null;
let nextRequestId = 1;
const pending = new Map<number, { resolve: (reply: LandUseClassReply) => void; reject: (error: Error) => void }>();

function failAll(reason: string): void {
  for (const { reject } of pending.values()) reject(new Error(reason));
  pending.clear();
  worker?.terminate();
  worker = null;
}

function started(): Worker {
  if (worker) return worker;
  const created = new Worker(landUseClassesWorkerUrl, { type: 'module', name: 'land-use-classes' });
  created.addEventListener('message', (event: MessageEvent<LandUseClassReply>) => {
    const waiting = pending.get(event.data.requestId);
    if (!waiting) return;
    pending.delete(event.data.requestId);
    waiting.resolve(event.data);
  });
  created.addEventListener('error', (event) => {
    event.preventDefault();
    failAll(`land-use class worker failed: ${event.message || 'could not start'}`);
  });
  worker = created;
  return created;
}

const blobs = new Map<string, Promise<Blob>>();

/** The layer's features, exported once per version (a reinterpreted layer has a new data URL). */
function dataOf(dataKey: string, exportLayer: () => Promise<Blob>): Promise<Blob> {
  let blob = blobs.get(dataKey);
  if (!blob) {
    // Only the layer being looked at is kept: older versions and other layers are let go.
    blobs.clear();
    blob = exportLayer();
    blob.catch(() => blobs.delete(dataKey));
    blobs.set(dataKey, blob);
  }
  return blob;
}

async function ask(
  dataKey: string,
  exportLayer: () => Promise<Blob>,
  task: LandUseClassTask,
): Promise<LandUseClassReply> {
  const data = await dataOf(dataKey, exportLayer);
  const requestId = nextRequestId++;
  const request: LandUseClassRequest = { requestId, dataKey, data, task };
  return new Promise((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    started().postMessage(request);
  });
}

export interface LayerData {
  /** Changes whenever the layer's features do. */
  dataKey: string;
  exportLayer: () => Promise<Blob>;
}

export async function detectLayerCodeColumns(layer: LayerData, fields: readonly string[]): Promise<ColumnDetection[]> {
  const reply = await ask(layer.dataKey, layer.exportLayer, { kind: 'detect', fields });
  if (!reply.ok) throw new Error(reply.reason);
  if (reply.kind !== 'detect') throw new Error('unexpected reply');
  return reply.columns;
}

export async function classifyLayer(
  layer: LayerData,
  field: string,
  level: 1 | 2,
  standard: ClassificationStandardId,
): Promise<LandUseClassStatistics> {
  const reply = await ask(layer.dataKey, layer.exportLayer, { kind: 'classify', field, level, standard });
  if (!reply.ok) throw new Error(reply.reason);
  if (reply.kind !== 'classify') throw new Error('unexpected reply');
  return reply.statistics;
}
