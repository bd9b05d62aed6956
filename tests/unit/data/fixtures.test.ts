/**
 * Golden files in the Turf style: every `tests/fixtures/in/*.geojson` is read as a planner's file
 * would be (parse, validate, measure grouped by `kind`) and the result compared with
 * `tests/fixtures/out/<name>.json`. `REGEN=1 npx vitest run tests/unit/data` rewrites them; read
 * the diff before committing it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

const inputDirectory = join(FIXTURES_DIRECTORY, 'in');
const outputDirectory = join(FIXTURES_DIRECTORY, 'out');
const names = readdirSync(inputDirectory)
  .filter((name) => name.endsWith('.geojson'))
  .sort();

/**
 * Goldens keep ten significant digits: enough to catch any change in method (1e-6 is the accuracy
 * promised), not so many that the last bit of a series expansion rewrites every file.
 */
function roundNumbers(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, member) =>
    typeof member === 'number' ? Number(member.toPrecision(10)) : member,
  );
}

function describeFixture(name: string): unknown {
  const parsed = parseGeoJson(readFileSync(join(inputDirectory, name), 'utf8'), name);
  if (!parsed.ok)
    return { ok: false, message: parsed.message, path: parsed.path, line: parsed.line, column: parsed.column };
  const collection = deepFreeze(parsed.collection);
  return {
    ok: true,
    nullGeometryCount: parsed.nullGeometryCount,
    measurement: measureCollection(collection, { by: 'kind' }),
  };
}

describe('fixtures in/ → out/', () => {
  it('has a golden file for every input', () => {
    if (process.env.REGEN) return;
    expect(names.filter((name) => !existsSync(join(outputDirectory, name.replace(/\.geojson$/, '.json'))))).toEqual([]);
  });

  it.each(names)('%s', (name) => {
    const actual = roundNumbers(describeFixture(name));
    const outputPath = join(outputDirectory, name.replace(/\.geojson$/, '.json'));
    if (process.env.REGEN) writeFileSync(outputPath, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(outputPath, 'utf8')));
  });

  it('reports every hostile fixture as one line naming the file', () => {
    for (const name of names.filter((fixture) => fixture.startsWith('hostile-'))) {
      const result = describeFixture(name) as { ok: boolean; message: string };
      expect(result.ok).toBe(false);
      expect(result.message.startsWith(`${name}: `)).toBe(true);
      expect(result.message).not.toContain('\n');
    }
  });
});
