/**
 * `npm run tiles`: a GeoJSON layer as a vector PMTiles archive. The logic lives in
 * `scripts/tiles/run-tiles.ts`; this file only binds it to the process.
 */
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { runTiles } from './tiles/run-tiles.ts';

process.exitCode = await runTiles(process.argv.slice(2), {
  openStream: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
  writeBytes: (path, bytes) => writeFile(path, bytes),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
