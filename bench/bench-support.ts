/**
 * What every benchmark here needs: a repeatable pseudo-random sequence and land-use names for the
 * synthetic parcels they measure, and the median and spread of their runs (the machines are shared and noisy).
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

/** The value below which `fraction` of the values lie, interpolated between neighbours (R-7, as spreadsheets do). */
export function quantile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/**
 * A time as the lead reads it on a noisy machine: the median, then the full range and the middle
 * half (IQR), so one slow run cannot hide behind a median nor pass for the typical one.
 */
export function formatSpread(values: readonly number[], unit = 'ms'): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return 'n/a';
  const round = (value: number) => value.toFixed(0);
  return (
    `${round(median(finite))} ${unit} (range ${round(Math.min(...finite))}–${round(Math.max(...finite))}, ` +
    `IQR ${round(quantile(finite, 0.25))}–${round(quantile(finite, 0.75))})`
  );
}
