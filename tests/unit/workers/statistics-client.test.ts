/**
 * The page's side of the statistics worker, with a stand-in Worker: a reply resolves, a measuring
 * failure rejects with its reason, and a worker that never answers is stopped after the timeout
 * with a reason the panel can show — it does not leave "measuring…" on screen for ever.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../../src/data/dataset-types.ts';
import { computeStatistics, StatisticsFailure } from '../../../src/workers/statistics-client.ts';
import type { StatisticsReply } from '../../../src/workers/statistics-protocol.ts';

class SilentWorker extends EventTarget {
  static created: SilentWorker[] = [];
  terminated = false;
  constructor() {
    super();
    SilentWorker.created.push(this);
  }
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  reply(data: StatisticsReply): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const dataset = { manifest: {}, layers: [] } as unknown as Dataset;
const original = globalThis.Worker;

beforeEach(() => {
  SilentWorker.created = [];
  (globalThis as { Worker: unknown }).Worker = SilentWorker;
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  (globalThis as { Worker: unknown }).Worker = original;
});

describe('computeStatistics', () => {
  it('resolves with what the worker measured and stops the worker', async () => {
    const pending = computeStatistics(dataset, 1000);
    const statistics = { features: [] } as never;
    SilentWorker.created[0]!.reply({ ok: true, statistics });
    await expect(pending).resolves.toEqual({ statistics, runner: 'worker' });
    expect(SilentWorker.created[0]!.terminated).toBe(true);
  });

  it('rejects with the measuring failure the worker reports', async () => {
    const pending = computeStatistics(dataset, 1000);
    SilentWorker.created[0]!.reply({ ok: false, reason: 'layer parks: ring crosses itself' });
    await expect(pending).rejects.toThrow('layer parks: ring crosses itself');
  });

  it('stops a worker that does not answer in time and says so, without falling back to the main thread', async () => {
    const pending = computeStatistics(dataset, 5000);
    const outcome = expect(pending).rejects.toThrow(StatisticsFailure);
    await vi.advanceTimersByTimeAsync(4999);
    expect(SilentWorker.created[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    await expect(pending).rejects.toThrow('longer than 5 s');
    expect(SilentWorker.created[0]!.terminated).toBe(true);
    expect(SilentWorker.created).toHaveLength(1);
  });
});
