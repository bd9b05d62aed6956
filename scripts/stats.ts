/**
 * `npm run stats`: areas and green-space ratios of the zone, or of any GeoJSON, KML, GPX or zipped Shapefile. The logic
 * lives in `scripts/stats/run-stats.ts`; this file only binds it to the process.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { runStats } from './stats/run-stats.ts';

const exitCode = await runStats(process.argv.slice(2), {
  readText: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  // 1 MiB chunks: fewer, larger writes into the parser than the 64 KiB default.
  openStream: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
  fileSize: async (path) => (await stat(path)).size,
  progress: { isTerminal: process.stderr.isTTY === true, columns: process.stderr.columns },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = exitCode;
