/**
 * Analyses drawn polygons in a module worker kept for the planner's session. Where no worker can
 * run (no `Worker`, or its script fails to load), the analysis runs on this thread instead, loaded
 * on demand.
 */
import type { DrawnGeometry, DrawnPolygonAnalysisResult } from '../analysis/drawn-shape-analysis.ts';
import type { Dataset } from '../data/dataset-types.ts';
import type { DrawnShapeReply, DrawnShapeRequest } from './drawn-shape-protocol.ts';
import drawnShapeWorkerUrl from './drawn-shape.worker.ts?worker&url';

type Analyser = (request: DrawnShapeRequest) => DrawnShapeReply | null;

let worker: Worker | null = null;
let workerBroken = typeof Worker === 'undefined';
let datasetSent: Dataset | null = null;
let mainThreadAnalyser: Promise<Analyser> | null = null;
let mainThreadDataset: Dataset | null = null;
let nextRequestId = 1;
const pending = new Map<
  number,
  {
    resolve: (result: DrawnPolygonAnalysisResult) => void;
    reject: (error: Error) => void;
    request: DrawnShapeRequest & { type: 'analyse' };
    dataset: Dataset;
  }
>();

async function analyseOnMainThread(
  dataset: Dataset,
  request: DrawnShapeRequest & { type: 'analyse' },
): Promise<DrawnPolygonAnalysisResult> {
  mainThreadAnalyser ??= import('./drawn-shape-analyser.ts').then((module) => module.createDrawnShapeAnalyser());
  const analyse = await mainThreadAnalyser;
  if (mainThreadDataset !== dataset) {
    analyse({ type: 'dataset', dataset });
    mainThreadDataset = dataset;
  }
  const reply = analyse(request);
  if (!reply?.ok) throw new Error(reply ? reply.reason : 'no reply');
  return reply.result;
}

function abandonWorker(reason: string): void {
  worker?.terminate();
  worker = null;
  workerBroken = true;
  datasetSent = null;
  // Whatever was waiting on the worker is answered from this thread instead.
  const waiting = [...pending.values()];
  pending.clear();
  for (const entry of waiting) {
    analyseOnMainThread(entry.dataset, entry.request).then(entry.resolve, (error: unknown) =>
      entry.reject(error instanceof Error ? error : new Error(`${reason}; ${String(error)}`)),
    );
  }
}

function startedWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(drawnShapeWorkerUrl, { type: 'module', name: 'drawn-shape-analysis' });
  started.addEventListener('message', (event: MessageEvent<DrawnShapeReply>) => {
    const entry = pending.get(event.data.requestId);
    if (!entry) return;
    pending.delete(event.data.requestId);
    if (event.data.ok) entry.resolve(event.data.result);
    else entry.reject(new Error(event.data.reason));
  });
  started.addEventListener('error', (event) => {
    event.preventDefault();
    abandonWorker(`drawn-shape worker failed: ${event.message || 'could not start'}`);
  });
  started.addEventListener('messageerror', () => abandonWorker('drawn-shape worker reply could not be read'));
  worker = started;
  return started;
}

/** The analysis of one finished polygon; rejects with the reason when measuring itself failed. */
export function analyseDrawnShape(
  dataset: Dataset,
  shapeId: string,
  geometry: DrawnGeometry,
): Promise<DrawnPolygonAnalysisResult> {
  const request = { type: 'analyse' as const, requestId: nextRequestId++, shapeId, geometry };
  if (workerBroken) return analyseOnMainThread(dataset, request);
  return new Promise((resolve, reject) => {
    pending.set(request.requestId, { resolve, reject, request, dataset });
    try {
      const target = startedWorker();
      if (datasetSent !== dataset) {
        target.postMessage({ type: 'dataset', dataset } satisfies DrawnShapeRequest);
        datasetSent = dataset;
      }
      target.postMessage(request satisfies DrawnShapeRequest);
    } catch (error) {
      abandonWorker(error instanceof Error ? error.message : String(error));
    }
  });
}
