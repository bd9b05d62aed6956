/**
 * The streaming stats path (issue 15 §1): the same numbers, groups and messages as reading the file
 * whole, whatever the chunk boundaries; a broken byte in a big file gives one positioned line.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { lineAndColumn } from '../../../src/data/json-syntax.ts';
import { measureStream } from '../../../scripts/stats/stream-measurement.ts';
import { runStats } from '../../../scripts/stats/run-stats.ts';
import { createProgress } from '../../../scripts/stats/progress.ts';
import { parcelFileLines } from '../../../bench/city-parcels.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

function* chunksOf(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const parcelText = (count: number) => [...parcelFileLines(count, 7)].join('');

async function runWith(argv: string[], files: Record<string, string>, chunkSize = 4096) {
  let stdout = '';
  let stderr = '';
  const code = await runStats(argv, {
    readText: async (path) => files[path] ?? Promise.reject(Object.assign(new Error('missing'), { code: 'ENOENT' })),
    openStream: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return chunksOf(new TextEncoder().encode(text), chunkSize);
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const geoJsonFixtures = readdirSync(join(FIXTURES_DIRECTORY, 'in')).filter((name) => name.endsWith('.geojson'));

describe('stats FILE read as a stream', () => {
  it.each(geoJsonFixtures)('%s: the same measurement or the same refusal as reading it whole', async (name) => {
    const text = await readFile(join(FIXTURES_DIRECTORY, 'in', name), 'utf8');
    const whole = parseGeoJson(text, name);
    for (const chunkSize of [1, 7, 1 << 16]) {
      const streamed = await measureStream(chunksOf(new TextEncoder().encode(text), chunkSize), name, { by: 'kind' });
      if (whole.ok) {
        expect(streamed).toEqual({ ok: true, measurement: measureCollection(whole.collection, { by: 'kind' }) });
      } else {
        expect(streamed.ok).toBe(false);
        if (streamed.ok) continue;
        // Shape problems are worded by the same code; syntax problems at least at the same place.
        if (whole.line === null) expect(streamed.message).toBe(whole.message);
        else
          expect(streamed.message).toMatch(
            new RegExp(`not valid JSON: .* at line ${whole.line}, column ${whole.column}$`),
          );
      }
    }
  });

  it('groups 3 000 generated parcels exactly as the in-memory path does, to the last bit', async () => {
    const text = parcelText(3000);
    const whole = parseGeoJson(text, 'parcels.geojson');
    if (!whole.ok) throw new Error(whole.message);
    for (const by of ['district', 'DLBM']) {
      const { code, stdout, stderr } = await runWith(
        ['parcels.geojson', '--by', by, '--json'],
        { 'parcels.geojson': text },
        1000,
      );
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const report = JSON.parse(stdout);
      const expected = measureCollection(whole.collection, { by });
      expect(report.totalAreaM2).toBe(expected.totalAreaM2);
      expect(report.groups).toEqual(expected.groups);
      expect(report.featureCount).toBe(3000);
    }
  });

  it('names the line and column where a big file is cut off, in one line, exit 1', async () => {
    const text = parcelText(2000);
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    const { code, stdout, stderr } = await runWith(['cut.geojson', '--by', 'district'], { 'cut.geojson': cut });
    const end = lineAndColumn(cut, cut.length);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr.trimEnd().split('\n')).toEqual([
      `cut.geojson: not valid JSON: text ends early (truncated file?) at line ${end.line}, column ${end.column}`,
    ]);
  });

  it('names the line and column of a stray character deep in a big file', async () => {
    const text = parcelText(2000);
    const offset = text.indexOf('"DLBM"', Math.floor(text.length * 0.7));
    const broken = `${text.slice(0, offset)}#${text.slice(offset + 1)}`;
    const { code, stderr } = await runWith(['broken.geojson'], { 'broken.geojson': broken }, 333);
    const where = lineAndColumn(broken, offset);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([
      `broken.geojson: not valid JSON: unexpected "#" at line ${where.line}, column ${where.column}`,
    ]);
  });

  it('names the feature a bad coordinate is in, by its index in the file', async () => {
    const lines = [...parcelFileLines(50, 7)];
    lines[41] = lines[41]!.replace(/"coordinates":\[\[\[[\d.]+,/, '"coordinates":[[["east",');
    const { code, stderr } = await runWith(['bad.geojson', '--by', 'DLBM'], { 'bad.geojson': lines.join('') }, 500);
    expect(code).toBe(1);
    expect(stderr.trimEnd()).toBe(
      'bad.geojson: coordinate is not a number (found "east") at features[40].geometry.coordinates[0][0][0]',
    );
  });
});

describe('progress of a long read', () => {
  it('draws a bar with rate and time left on a terminal, after a quiet first second', () => {
    let clock = 0;
    let written = '';
    const progress = createProgress({
      totalBytes: 1e8,
      isTerminal: true,
      write: (text) => (written += text),
      now: () => clock,
    });
    progress.update(1e6, 100);
    expect(written).toBe('');
    clock = 2000;
    progress.update(5e7, 5000);
    expect(written).toMatch(/^\r\[#+-+\] 50 % 50 MB of 100 MB, 5,000 features, 25 MB\/s, ETA 0:02\u001b\[K$/);
    progress.finish();
    expect(written.endsWith('\r\u001b[K')).toBe(true);
  });

  it('writes plain lines, not a redrawn bar, when stderr is a log', () => {
    let clock = 0;
    const lines: string[] = [];
    const progress = createProgress({
      totalBytes: 1e8,
      isTerminal: false,
      write: (text) => lines.push(text),
      now: () => clock,
    });
    for (clock = 1000; clock <= 12_000; clock += 500) progress.update(clock * 1000, clock);
    progress.finish();
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.startsWith('stats: ') && line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^stats: done, 12 % 12 MB of 100 MB/);
  });
});

describe('stats FILE as a process', () => {
  it('streams a file from disk: only the JSON on stdout, the same as the in-memory report', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'stats-stream-'));
    try {
      const path = join(directory, 'parcels.geojson');
      const text = parcelText(1500);
      writeFileSync(path, text);
      const result = spawnSync(
        join(projectRoot, 'node_modules', '.bin', 'tsx'),
        ['scripts/stats.ts', path, '--by', 'district', '--json'],
        {
          cwd: projectRoot,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(result.status).toBe(0);
      const whole = parseGeoJson(text, path);
      if (!whole.ok) throw new Error(whole.message);
      const report = JSON.parse(result.stdout);
      expect(report.groups).toEqual(measureCollection(whole.collection, { by: 'district' }).groups);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);
});
