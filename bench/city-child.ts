/**
 * One timed side of the city bench, in a process of its own so its peak RSS is its own:
 *   stats FILE PROP      the stats CLI exactly as `npm run stats -- FILE --by PROP --json` runs it
 *   baseline FILE        a plain streaming loop: the same JSON parser, `@turf/area` per feature
 * On exit it writes `{ maxRssBytes, cpuMilliseconds }` to the file named by CITY_USAGE_FILE.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { Tokenizer, TokenParser } from '@streamparser/json';
import { area } from '@turf/area';
import type { Feature } from 'geojson';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const target = process.env.CITY_USAGE_FILE;
  if (target)
    writeFileSync(
      target,
      JSON.stringify({
        maxRssBytes: usage.maxRSS * 1024,
        cpuMilliseconds: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      }),
    );
});

const [mode, file, property] = process.argv.slice(2);
if (mode === 'stats' && file && property) {
  process.argv = [process.argv[0]!, 'scripts/stats.ts', file, '--by', property, '--json'];
  await import('../scripts/stats.ts');
} else if (mode === 'baseline' && file) {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({ paths: ['$.features.*'], keepStack: false });
  let total = 0;
  let count = 0;
  tokenizer.onToken = (token) => parser.write(token);
  parser.onValue = ({ value }) => {
    total += area(value as unknown as Feature);
    count += 1;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) tokenizer.write(chunk as Uint8Array);
  tokenizer.end();
  process.stdout.write(`${JSON.stringify({ featureCount: count, totalAreaM2: total })}\n`);
} else {
  console.error('usage: city-child.ts stats FILE PROP | baseline FILE');
  process.exitCode = 2;
}
