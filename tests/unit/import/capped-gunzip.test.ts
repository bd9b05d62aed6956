/** Gunzip with a cap on what comes out (issue 12): a gzip bomb is refused early, not inflated. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipCapped } from '../../../src/data/import/capped-gunzip.ts';

describe('gunzipCapped', () => {
  it('gives back what was gzipped', () => {
    const text = '泸州国家高新区 '.repeat(1000);
    const result = gunzipCapped(new Uint8Array(gzipSync(text)), 1024 * 1024);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe(text);
  });

  it('refuses a bomb once past the limit, having inflated little more than the limit', () => {
    // 256 MiB of zeros gzip to about 250 KB.
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 }));
    const limit = 4 * 1024 * 1024;
    const result = gunzipCapped(bomb, limit);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(/more than 4194304 bytes/);
    expect(result.inflatedBytes).toBeLessThan(limit + 4 * 1024 * 1024);
  });

  it('refuses bytes that are not gzip, with a reason', () => {
    const result = gunzipCapped(new TextEncoder().encode('not gzip at all'), 1024);
    expect(result.ok).toBe(false);
  });
});
