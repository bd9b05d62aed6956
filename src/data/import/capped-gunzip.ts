/**
 * Gunzip with a cap on the bytes actually produced (issue 12: the same rule wherever outside bytes
 * are decompressed). A PMTiles archive a planner opens stores its directories and tiles gzipped;
 * a few KB can inflate to gigabytes. The bytes are inflated as a stream (fflate's `Gunzip`) fed
 * small slices, with a running count, and refused the moment the count passes the limit.
 */
import { Gunzip } from 'fflate';

export type GunzipResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: string; inflatedBytes: number };

/** Input fed per step: at most 258 × 8 bytes out per byte in, so one slice overshoots by ≤ 2 MiB. */
const SLICE_BYTES = 1024;

export function gunzipCapped(compressed: Uint8Array, limitBytes: number): GunzipResult {
  const chunks: Uint8Array[] = [];
  let count = 0;
  let overflowed = false;
  const gunzip = new Gunzip((chunk) => {
    count += chunk.length;
    if (count > limitBytes) overflowed = true;
    else chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < compressed.length && !overflowed; offset += SLICE_BYTES) {
      const end = Math.min(compressed.length, offset + SLICE_BYTES);
      gunzip.push(compressed.subarray(offset, end), end === compressed.length);
    }
  } catch (error) {
    return {
      ok: false,
      problem: `could not be gunzipped (${error instanceof Error ? error.message : String(error)})`,
      inflatedBytes: count,
    };
  }
  if (overflowed) {
    return {
      ok: false,
      problem: `inflates to more than ${limitBytes} bytes (stopped after ${count}): refused as a likely decompression bomb`,
      inflatedBytes: count,
    };
  }
  const bytes = new Uint8Array(count);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, bytes };
}
