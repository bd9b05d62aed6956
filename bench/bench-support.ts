/**
 * What every benchmark here needs: a repeatable pseudo-random sequence and land-use names for the
 * synthetic parcels they measure, and the median of their runs (the machines are shared and noisy).
 */

export const LAND_USES = ['industrial', 'residential', 'green', 'commercial', 'education', 'road', 'water'];

/** A deterministic pseudo-random sequence, so every run measures the same polygons. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
