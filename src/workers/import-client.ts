/**
 * The page's side of the import worker: one module worker at a time, requests matched to replies
 * by job id. Cancelling terminates the worker (a parse in progress cannot be interrupted any other
 * way); every request still waiting is rejected with `ImportCancelled`, and the next request
 * starts a fresh worker, connected with the same dataset.
 */
import type { FeatureCollection } from 'geojson';
import type { LandUseSource, LandUseTable } from '../analysis/land-use-types.ts';
import type { CoordinateSystem } from '../data/coordinate-systems.ts';
import type { Dataset } from '../data/dataset-types.ts';
import type { TextEncoding } from '../data/import/text-encodings.ts';
import type {
  ImportedLayerReply,
  ImportReply,
  ImportRequest,
  ImportStage,
  LayerRecordFields,
} from './import-protocol.ts';

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export class ImportWorkerFailure extends Error {
  override name = 'ImportWorkerFailure';
  constructor(
    message: string,
    /** An EPSG code the file could be read in instead (a Shapefile in metres without .prj). */
    readonly suggestedProjection?: number,
  ) {
    super(message);
  }
}

export type ProgressListener = (stage: ImportStage, fraction: number) => void;

interface Pending {
  resolve: (reply: ImportReply) => void;
  reject: (error: Error) => void;
  onProgress?: ProgressListener;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class ImportClient {
  private worker: Worker | null = null;
  private nextJobId = 1;
  private readonly pending = new Map<number, Pending>();
  private connection: Extract<ImportRequest, { type: 'connect' }> = { type: 'connect', districts: null, dataset: null };

  /**
   * What every worker (this one and any fresh one after a cancel) is told first. The worker itself
   * (about 345 KB of parsers) is not started here: most visitors never import a file, so it starts
   * on the first sign of intent (`warmUp`) or the first request, never on every visit.
   */
  connect(dataset: Dataset): void {
    const districts = dataset.layers.find((layer) => layer.definition.id === 'districts')?.features ?? null;
    this.connection = { type: 'connect', districts: districts as FeatureCollection | null, dataset };
    this.worker?.postMessage(this.connection);
  }

  /** Starts the worker while the planner reads the panel, so the first import does not wait for its code. */
  warmUp(): void {
    if (typeof Worker !== 'undefined') this.ensureWorker();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
    worker.addEventListener('message', (event: MessageEvent<ImportReply>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.stop(new ImportWorkerFailure(`import worker failed: ${event.message || 'could not start'}`));
    });
    worker.addEventListener('messageerror', () =>
      this.stop(new ImportWorkerFailure('import worker reply could not be read')),
    );
    worker.postMessage(this.connection);
    this.worker = worker;
    return worker;
  }

  private receive(reply: ImportReply): void {
    const pending = this.pending.get(reply.jobId);
    if (!pending) return;
    if (reply.type === 'progress') {
      pending.onProgress?.(reply.stage, reply.fraction);
      return;
    }
    this.pending.delete(reply.jobId);
    if (reply.type === 'failed') pending.reject(new ImportWorkerFailure(reply.message, reply.suggestedProjection));
    else pending.resolve(reply);
  }

  private request<T extends ImportReply['type']>(
    request: DistributiveOmit<Exclude<ImportRequest, { type: 'connect' | 'forget' }>, 'jobId'>,
    expected: T,
    onProgress?: ProgressListener,
  ): Promise<Extract<ImportReply, { type: T }>> {
    const worker = this.ensureWorker();
    const jobId = this.nextJobId++;
    return new Promise((resolve, reject) => {
      this.pending.set(jobId, {
        resolve: (reply) =>
          reply.type === expected
            ? resolve(reply as Extract<ImportReply, { type: T }>)
            : reject(new ImportWorkerFailure(`unexpected reply ${reply.type}`)),
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      worker.postMessage({ ...request, jobId } as ImportRequest);
    });
  }

  private stop(reason: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const pending of waiting) pending.reject(reason);
  }

  async importFile(file: Blob, record: LayerRecordFields, onProgress?: ProgressListener): Promise<ImportedLayerReply> {
    return (await this.request({ type: 'import', file, record }, 'imported', onProgress)).layer;
  }

  async restore(
    layerId: string,
    coordinateSystem?: CoordinateSystem,
    onProgress?: ProgressListener,
    reading: {
      textEncoding?: TextEncoding;
      table?: string;
      pointColumns?: { longitude: string; latitude: string };
    } = {},
  ): Promise<ImportedLayerReply> {
    return (
      await this.request(
        { type: 'restore', layerId, ...(coordinateSystem ? { coordinateSystem } : {}), ...reading },
        'imported',
        onProgress,
      )
    ).layer;
  }

  async landUseTable(source: Exclude<LandUseSource, { kind: 'drawn' }>, groupBy: string): Promise<LandUseTable> {
    return (await this.request({ type: 'land-use-table', source, groupBy }, 'table')).table;
  }

  async exportLayer(layerId: string): Promise<Blob> {
    return (await this.request({ type: 'export', layerId }, 'exported')).data;
  }

  /** Drops a removed layer's features from the worker's cache (nothing to wait for). */
  forget(layerId: string): void {
    this.worker?.postMessage({ type: 'forget', layerId } satisfies ImportRequest);
  }

  /** Stops whatever the worker is doing; waiting requests reject with ImportCancelled. */
  cancel(): void {
    if (this.worker) this.stop(new ImportCancelled('cancelled'));
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }
}
