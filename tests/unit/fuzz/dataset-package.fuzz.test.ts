/**
 * Issue 12, fuzzing the dataset package reader (issue 11 §2): a zip a planner loads to replace the
 * dataset. Damaged zips (bytes flipped, cut, lying sizes) and damaged files inside a well-formed
 * zip give the dataset or a list of problems naming the zip, never an exception, never a message
 * that grows with the input.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDatasetPackage } from '../../../src/data/dataset-package.ts';
import { fuzzParameters, thrownBy } from './fuzz-settings.ts';
import { applyByteMutation, applyTextMutation, byteMutation, textMutation } from './mutations.ts';

const datasetDirectory = fileURLToPath(new URL('../../fixtures/dataset/', import.meta.url));
const FILES: Record<string, string> = Object.fromEntries(
  readdirSync(datasetDirectory)
    .filter((name) => /\.(geo)?json$/.test(name))
    .map((name) => [name, readFileSync(join(datasetDirectory, name), 'utf8')]),
);
const NAMES = Object.keys(FILES).sort();
const zipOf = (files: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])));
const VALID = zipOf(FILES);

/** Each problem names the zip and stays a line, whatever the input holds. */
function expectBoundedProblems(problems: string[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem.startsWith('dataset.zip: ')).toBe(true);
    expect(problem.length).toBeLessThanOrEqual(600);
  }
}

describe('reading a dataset package', () => {
  it('reads the undamaged package', async () => {
    expect((await readDatasetPackage(VALID, 'dataset.zip')).ok).toBe(true);
  });

  it('a damaged zip gives the dataset or named problems, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const bytes = mutations.reduce((current, mutation) => applyByteMutation(current, mutation), VALID);
        let outcome: Awaited<ReturnType<typeof readDatasetPackage>> | undefined;
        expect(await thrownBy(async () => (outcome = await readDatasetPackage(bytes, 'dataset.zip')))).toBeUndefined();
        if (outcome && !outcome.ok) expectBoundedProblems(outcome.problems);
      }),
      fuzzParameters(0.4),
    );
  });

  it('a damaged file inside a sound zip gives the dataset or named problems, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), textMutation, async (name, mutation) => {
        const zip = zipOf({ ...FILES, [name]: applyTextMutation(FILES[name]!, mutation) });
        let outcome: Awaited<ReturnType<typeof readDatasetPackage>> | undefined;
        expect(await thrownBy(async () => (outcome = await readDatasetPackage(zip, 'dataset.zip')))).toBeUndefined();
        if (outcome && !outcome.ok) expectBoundedProblems(outcome.problems);
      }),
      fuzzParameters(0.4),
    );
  });
});
