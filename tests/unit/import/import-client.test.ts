/**
 * The page's side of the import worker, with a stand-in Worker: progress reaches the listener,
 * a failure rejects with the worker's message, and cancelling terminates the worker, rejects what
 * was waiting, and the next request gets a fresh worker that is told the dataset first.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { ImportCancelled, ImportClient, ImportWorkerFailure } from '../../../src/workers/import-client.ts';
import type { ImportReply, ImportRequest } from '../../../src/workers/import-protocol.ts';

class FakeWorker extends EventTarget {
  static created: FakeWorker[] = [];
  received: ImportRequest[] = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.created.push(this);
  }
  postMessage(message: ImportRequest): void {
    this.received.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: ImportReply): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const dataset = {
  manifest: {},
  layers: [{ definition: { id: 'districts' }, features: { type: 'FeatureCollection', features: [] } }],
} as unknown as Dataset;
const record = {
  id: 'a',
  fileName: 'a.geojson',
  coordinateSystem: 'wgs84' as const,
  importedAt: '2026-11-27T00:00:00Z',
  visible: true,
  order: 1,
};
const original = globalThis.Worker;

beforeEach(() => {
  FakeWorker.created = [];
  (globalThis as { Worker: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  (globalThis as { Worker: unknown }).Worker = original;
});

function lastJobId(worker: FakeWorker): number {
  const last = worker.received.at(-1) as { jobId: number };
  return last.jobId;
}

describe('ImportClient', () => {
  it('starts no worker on connect: a visit that never imports never loads its code', () => {
    const client = new ImportClient();
    client.connect(dataset);
    expect(FakeWorker.created).toEqual([]);
    client.warmUp();
    expect(FakeWorker.created).toHaveLength(1);
    expect(FakeWorker.created[0]!.received[0]).toMatchObject({ type: 'connect', dataset });
  });

  it('starts the worker on the first request, told the districts and the dataset first, and reports progress', async () => {
    const client = new ImportClient();
    client.connect(dataset);
    const stages: string[] = [];
    const pending = client.importFile(new Blob(['{}']), record, (stage, fraction) =>
      stages.push(`${stage} ${fraction}`),
    );
    const worker = FakeWorker.created[0]!;
    expect(worker.received[0]).toMatchObject({ type: 'connect', dataset, districts: { type: 'FeatureCollection' } });
    const jobId = lastJobId(worker);
    worker.reply({ type: 'progress', jobId, stage: 'reading', fraction: 0.2 });
    worker.reply({ type: 'progress', jobId, stage: 'measuring', fraction: 0.8 });
    const layer = { record, summary: {} as never, data: new Blob(['{}']), featureAreasM2: new Float64Array([1]) };
    worker.reply({ type: 'imported', jobId, layer });
    await expect(pending).resolves.toBe(layer);
    expect(stages).toEqual(['reading 0.2', 'measuring 0.8']);
  });

  it('rejects with the worker’s message when the file is refused', async () => {
    const client = new ImportClient();
    client.connect(dataset);
    const pending = client.importFile(new Blob(['x']), record);
    const worker = FakeWorker.created[0]!;
    worker.reply({
      type: 'failed',
      jobId: lastJobId(worker),
      message: 'a.geojson: not valid JSON at line 1, column 1',
    });
    await expect(pending).rejects.toThrow(new ImportWorkerFailure('a.geojson: not valid JSON at line 1, column 1'));
  });

  it('cancels by terminating the worker; the next request runs in a fresh worker told the dataset first', async () => {
    const client = new ImportClient();
    client.connect(dataset);
    const importing = client.importFile(new Blob(['x']), record);
    const first = FakeWorker.created[0]!;
    const table = client.landUseTable({ kind: 'zone' }, 'layer');
    client.cancel();
    await expect(importing).rejects.toBeInstanceOf(ImportCancelled);
    await expect(table).rejects.toBeInstanceOf(ImportCancelled);
    expect(first.terminated).toBe(true);
    // A late reply from the old worker is ignored.
    first.reply({ type: 'failed', jobId: 1, message: 'late' });

    const exporting = client.exportLayer('a');
    const second = FakeWorker.created[1]!;
    expect(second).toBeDefined();
    expect(second.received.map((message) => message.type)).toEqual(['connect', 'export']);
    const data = new Blob(['{"type":"FeatureCollection","features":[]}']);
    second.reply({ type: 'exported', jobId: lastJobId(second), data });
    await expect(exporting).resolves.toBe(data);
  });

  it('rejects what is waiting when the worker cannot start', async () => {
    const client = new ImportClient();
    client.connect(dataset);
    const pending = client.importFile(new Blob(['x']), record);
    const worker = FakeWorker.created[0]!;
    worker.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'blocked by CSP' }));
    await expect(pending).rejects.toThrow('import worker failed: blocked by CSP');
    expect(worker.terminated).toBe(true);
  });
});
