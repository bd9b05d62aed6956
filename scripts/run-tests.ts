/**
 * The project's one test command (`npm test`): type-checks the whole project, runs the node unit
 * tests, builds the app and runs the real-browser tests, then prints one closing line
 * `N passed, N failed` that sums them all — the line CI reads. Exits non-zero on any failure.
 *
 * Installs Debian's chromium first when it is missing, because the browser tests drive it and a
 * fresh machine does not have it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM_PATH = '/usr/bin/chromium';
const RESULTS_DIRECTORY = '.test-results';

interface StepOutcome {
  name: string;
  passed: number;
  failed: number;
}

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.error) {
    console.error(`${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function ensureChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  console.log(`${CHROMIUM_PATH} is missing: installing Debian's chromium for the browser tests…`);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = asRoot ? [] : ['sudo'];
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', 'chromium']]) {
    const full = [...prefix, ...args];
    const result = spawnSync(full[0]!, full.slice(1), { stdio: 'inherit', env: environment });
    if (result.status !== 0) break;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Could not install chromium (need root or sudo for apt-get). Install it with: apt-get install -y chromium`);
    return false;
  }
  return true;
}

/** Reads vitest's JSON report; a missing or unreadable report means the run itself broke. */
function countVitest(name: string, reportPath: string, exitCode: number): StepOutcome {
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numTotalTestSuites: number;
      numFailedTestSuites: number;
    };
    // A file that fails to load has no tests to count; count it as a failure so it is not hidden.
    const brokenFiles = report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0;
    const failed = report.numFailedTests + brokenFiles + (exitCode !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
    return { name, passed: report.numPassedTests, failed };
  } catch {
    return { name, passed: 0, failed: 1 };
  }
}

function vitestStep(name: string, configArgs: string[]): StepOutcome {
  const reportPath = join(RESULTS_DIRECTORY, `${name}.json`);
  rmSync(reportPath, { force: true });
  const exitCode = run('npx', [
    'vitest', 'run', ...configArgs,
    '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`,
  ]);
  return countVitest(name, reportPath, exitCode);
}

mkdirSync(RESULTS_DIRECTORY, { recursive: true });
const outcomes: StepOutcome[] = [];

console.log('\n== type-check (tsc --noEmit, strict) ==');
const typecheckExit = run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
outcomes.push({ name: 'typecheck', passed: typecheckExit === 0 ? 1 : 0, failed: typecheckExit === 0 ? 0 : 1 });

console.log('\n== unit tests (node) ==');
outcomes.push(vitestStep('unit', []));

console.log('\n== browser tests (built app, Debian chromium) ==');
if (ensureChromium()) {
  outcomes.push(vitestStep('e2e', ['-c', 'vitest.e2e.config.ts']));
} else {
  outcomes.push({ name: 'e2e', passed: 0, failed: 1 });
}

for (const outcome of outcomes) console.log(`  ${outcome.name}: ${outcome.passed} passed, ${outcome.failed} failed`);
const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
