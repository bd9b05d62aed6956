/**
 * Issue 17: the same readers in the app's import and in `npm run stats -- FILE`, with identical
 * numbers. The CLI reads non-GeoJSON files through importBytes, so a GBK Shapefile's groups are its
 * real district names in both, not one garbled key.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runStats } from '../../../scripts/stats/run-stats.ts';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

async function statsJson(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runStats(argv, {
    readText: (path) => readFile(path, 'utf8'),
    readBytes: async (path) => new Uint8Array(await readFile(path)),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stderr, report: code === 0 ? JSON.parse(stdout) : null };
}

describe("stats CLI and the app's import read the same", () => {
  it.each(['districts-gbk-no-cpg.zip', 'districts-gbk-cpg.zip'])(
    '%s: identical total and groups by 名称',
    async (name) => {
      const path = join(FIXTURES_DIRECTORY, 'import', name);
      const { code, stderr, report } = await statsJson([path, '--by', '名称', '--json']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const imported = await importBytes({
        bytes: new Uint8Array(await readFile(path)),
        fileName: path,
        coordinateSystem: 'wgs84',
        boundaries: null,
      });
      if (!imported.ok) throw new Error(imported.message);
      expect(report.totalAreaM2).toBe(imported.summary.measurement.totalAreaM2);
      expect(report.groups).toEqual(measureCollection(imported.collection, { by: '名称' }).groups);
      expect(report.groups.map((group: { key: string }) => group.key)).toContain('龙马潭区');
      expect(report.groups).toHaveLength(7);
    },
  );

  // Every format the app imports reaches the CLI through the same table: a KMZ, a GeoPackage or a
  // point table used to be answered "not valid JSON" in the terminal.
  it.each(['districts-folders.kmz', 'districts-two-tables.gpkg', 'places-gcj02-gbk.csv', 'places-gcj02.xlsx'])(
    '%s: the CLI measures what the import reads',
    async (name) => {
      const path = join(FIXTURES_DIRECTORY, 'import', name);
      const { code, stderr, report } = await statsJson([path, '--json']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const imported = await importBytes({
        bytes: new Uint8Array(await readFile(path)),
        fileName: path,
        coordinateSystem: 'wgs84',
        boundaries: null,
      });
      if (!imported.ok) throw new Error(imported.message);
      expect(report.featureCount).toBe(imported.collection.features.length);
      expect(report.totalAreaM2).toBe(imported.summary.measurement.totalAreaM2);
    },
  );
});
