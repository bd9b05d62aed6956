/**
 * How many cases each property runs, and how a failure is replayed. The unit suite runs a few
 * cases per property (the whole fuzz folder stays well under half a minute); `npm run fuzz` sets
 * FUZZ_RUNS to many more. fast-check prints the seed and the path of a failing case. FUZZ_SEED
 * alone replays every property from that seed; a path belongs to one property, so FUZZ_PATH goes
 * with that property's file and test name (any other property refuses the path).
 *
 * @example
 * FUZZ_SEED=-696367688 FUZZ_PATH="55:0:0" npx vitest run tests/unit/fuzz/geojson.fuzz.test.ts -t "damaged file, in any coordinate system"
 */
import type fc from 'fast-check';
import { vi } from 'vitest';

const DEFAULT_RUNS = 50;

function integerFromEnvironment(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, found ${JSON.stringify(text)}`);
  return value;
}

export const FUZZ_RUNS = Math.max(1, integerFromEnvironment('FUZZ_RUNS') ?? DEFAULT_RUNS);
const FUZZ_SEED = integerFromEnvironment('FUZZ_SEED');
const FUZZ_PATH = process.env.FUZZ_PATH?.trim() || undefined;

/**
 * Parameters for `fc.assert`. `scale` gives expensive properties (a whole import per case) a
 * fraction of the runs. With FUZZ_SEED set, every property replays from that seed.
 */
export function fuzzParameters<Values>(scale = 1): fc.Parameters<Values> {
  const parameters: fc.Parameters<Values> = { numRuns: Math.max(1, Math.round(FUZZ_RUNS * scale)), verbose: 1 };
  if (FUZZ_SEED !== undefined) {
    parameters.seed = FUZZ_SEED;
    if (FUZZ_PATH) parameters.path = FUZZ_PATH;
  }
  return parameters;
}

/** Generous per-test timeout: the number of cases, not the clock, is what a property bounds. */
export const FUZZ_TIMEOUT_MS = 60_000 + FUZZ_RUNS * 500;
// For every test of a file that imports these settings, so `npm run fuzz` never stops on the clock.
vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });

/** What a fuzzed reader must never do: let an exception escape. Returns the thrown value, if any. */
export async function thrownBy(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error ?? new Error('threw a nullish value');
  }
}

/** The bytes of `text` in UTF-8. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Snapshot of Object.prototype's own keys, to show no reader added one. */
export function prototypeKeys(): string[] {
  return Reflect.ownKeys(Object.prototype).map(String).sort();
}
