/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own process so one
 * benchmark's heap and JIT state cannot colour another's. Each prints ratios against a baseline
 * measured in the same run (these machines are shared and noisy).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchDirectory = 'bench';
const only = process.argv.slice(2);
const files = readdirSync(benchDirectory)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let failures = 0;
for (const file of files) {
  console.log(`\n== ${file} ==`);
  const result = spawnSync('npx', ['tsx', join(benchDirectory, file)], { stdio: 'inherit' });
  if (result.status !== 0) failures += 1;
}
process.exit(failures === 0 ? 0 : 1);
