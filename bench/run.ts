/**
 * `npm run bench [-- WORD…]`: runs every `bench/*.bench.ts` (or those WORD picks) in turn, each in its own process so one
 * benchmark's heap and JIT state cannot colour another's. Each prints ratios against a baseline
 * measured in the same run (these machines are shared and noisy).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchDirectory = 'bench';
const only = process.argv.slice(2);
const all = readdirSync(benchDirectory)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
/**
 * A word picks the benchmarks whose name starts with it (`city` → city-stats, not postgis-city, whose
 * 1M-parcel load takes minutes); only a word that starts no name falls back to matching anywhere.
 */
const picked = (word: string) => {
  const starting = all.filter((name) => name.startsWith(word));
  return starting.length > 0 ? starting : all.filter((name) => name.includes(word));
};
const files = only.length === 0 ? all : all.filter((name) => only.some((word) => picked(word).includes(name)));

let failures = 0;
for (const file of files) {
  console.log(`\n== ${file} ==`);
  const result = spawnSync('npx', ['tsx', join(benchDirectory, file)], { stdio: 'inherit' });
  if (result.status !== 0) failures += 1;
}
process.exit(failures === 0 ? 0 : 1);
