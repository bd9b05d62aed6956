/**
 * `npm run tiles`: a GeoJSON layer as a vector PMTiles archive. The logic lives in
 * `scripts/tiles/run-tiles.ts`; this file only binds it to the process.
 */
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { runTiles } from './tiles/run-tiles.ts';

process.exitCode = await runTiles(process.argv.slice(2), {
  openStream: (path) => createReadStream(path, { highWaterMark: 1 << 20 }),
  writeParts: async (path, parts) => {
    const descriptor = openSync(path, 'w');
    try {
      for (const part of parts) writeSync(descriptor, part);
    } finally {
      closeSync(descriptor);
    }
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
