/**
 * `npm run stats`: areas and green-space ratios of the zone, or of any GeoJSON, KML, GPX or zipped Shapefile. The logic
 * lives in `scripts/stats/run-stats.ts`; this file only binds it to the process.
 */
import { readFile } from 'node:fs/promises';
import { runStats } from './stats/run-stats.ts';

const exitCode = await runStats(process.argv.slice(2), {
  readText: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = exitCode;
