/**
 * The project's one test command (`npm test`): type-checks the whole project, runs the node unit
 * tests, builds the app once, runs the real-browser tests in Chromium and then the journeys that
 * matter on the other engines in Gecko (Firefox) and WebKit (Safari, every iPhone browser), one
 * engine after another with one browser each. Prints a line per step and per engine, then one
 * closing line `N passed, N failed` that sums them all — the line CI reads. Exits non-zero on any
 * failure.
 *
 * Installs what the browsers need when it is missing, saying what and why first, because a fresh
 * Debian machine has none of it: chromium (at `CHROMIUM_PATH` when set, /usr/bin/chromium
 * otherwise), and for Gecko and WebKit firefox-esr, webkit2gtk-driver, and Xvfb with Mesa (both run
 * headed: neither has WebGL headless here). An engine that still cannot run is counted as a failure
 * and named in its line, never skipped in silence. The same for the PostGIS statistics tests:
 * postgresql-15, postgresql-15-postgis-3 and gdal-bin are installed when missing, and a server that
 * cannot run counts as a failure with its reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureCjkTestFont, fontconfigWithoutCjkFonts } from '../tests/e2e/font-environments.ts';
import { buildApp } from '../tests/e2e/global-setup.ts';
import {
  ENGINE_NAMES,
  FIREFOX_PATH,
  MINIBROWSER_PATH,
  WEBKIT_DRIVER_PATH,
  type EngineName,
} from '../tests/engines/engine.ts';
import { missingPostgres, POSTGIS_PACKAGES } from '../tests/postgis/postgres-cluster.ts';

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM_PATH;
const RESULTS_DIRECTORY = '.test-results';
const XVFB_RUN = '/usr/bin/xvfb-run';
const XVFB_SCREEN = '-screen 0 1920x1080x24';

interface StepOutcome {
  name: string;
  passed: number;
  failed: number;
  /** Said after the counts: how long it took, or why it could not run. */
  note?: string;
}

function run(command: string, args: string[], environment: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: 'inherit', env: environment });
  if (result.error) {
    console.error(`${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function packageInstalled(name: string): boolean {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template.
  const result = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'installed';
}

/** apt-get installs `packages` (as root, or through sudo); returns false when it could not. */
function aptInstall(packages: string[]): boolean {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = asRoot ? [] : ['sudo'];
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', ...packages],
  ]) {
    const full = [...prefix, ...args];
    const result = spawnSync(full[0]!, full.slice(1), { stdio: 'inherit', env: environment });
    if (result.status !== 0) return false;
  }
  return true;
}

function ensureChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (CHROMIUM_PATH !== DEFAULT_CHROMIUM_PATH) {
    console.error(`CHROMIUM_PATH=${CHROMIUM_PATH} does not exist.`);
    return false;
  }
  console.log(`${CHROMIUM_PATH} is missing: installing Debian's chromium for the browser tests…`);
  aptInstall(['chromium']);
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(
      `Could not install chromium (need root or sudo for apt-get). Install it with: apt-get install -y chromium`,
    );
    return false;
  }
  return true;
}

/** What each engine needs beyond its browser: a virtual display, and Mesa for WebGL on the CPU. */
const DISPLAY_PACKAGES: { name: string; why: string }[] = [
  { name: 'xvfb', why: 'a virtual display: Firefox and MiniBrowser run headed, the only way they get WebGL here' },
  { name: 'xauth', why: 'xvfb-run needs it to open the display' },
  { name: 'libgl1-mesa-dri', why: "Mesa's software OpenGL, which gives both engines WebGL without a GPU" },
  { name: 'libegl1', why: 'EGL, through which WebKitGTK reaches Mesa' },
];
const ENGINE_PACKAGES: Record<EngineName, { name: string; why: string; provides: string[] }> = {
  gecko: {
    name: 'firefox-esr',
    why: 'the Gecko engine (Firefox ESR), driven over WebDriver BiDi',
    provides: [FIREFOX_PATH],
  },
  webkit: {
    name: 'webkit2gtk-driver',
    why: "the WebKit engine (WebKitGTK's MiniBrowser) and WebKitWebDriver, which drives it",
    provides: [WEBKIT_DRIVER_PATH, MINIBROWSER_PATH],
  },
};

/** Installs what is missing; returns, per engine, why it still cannot run (or null when it can). */
function ensureEngines(): Record<EngineName, string | null> {
  const missing = [
    ...DISPLAY_PACKAGES.filter((entry) => !packageInstalled(entry.name)),
    ...ENGINE_NAMES.map((engine) => ENGINE_PACKAGES[engine]).filter((entry) =>
      entry.provides.some((path) => !existsSync(path)),
    ),
  ];
  if (missing.length > 0) {
    console.log('The Gecko and WebKit journeys need Debian packages that are missing; installing them with apt-get:');
    for (const entry of missing) console.log(`  ${entry.name}: ${entry.why}`);
    if (!aptInstall(missing.map((entry) => entry.name))) console.error('apt-get failed (it needs root or sudo).');
  }
  const displayProblem = existsSync(XVFB_RUN)
    ? DISPLAY_PACKAGES.filter((entry) => !packageInstalled(entry.name))
        .map((entry) => `${entry.name} is not installed`)
        .join(', ') || null
    : `${XVFB_RUN} is missing (Debian package xvfb)`;
  const reasons = {} as Record<EngineName, string | null>;
  for (const engine of ENGINE_NAMES) {
    const absent = ENGINE_PACKAGES[engine].provides.filter((path) => !existsSync(path));
    reasons[engine] =
      absent.length > 0
        ? `not installed: ${absent.join(', ')} missing (apt-get install ${ENGINE_PACKAGES[engine].name})`
        : displayProblem;
  }
  return reasons;
}

/** Installs what the PostGIS tests need when missing; returns why they still cannot run, or null. */
function ensurePostgis(): string | null {
  if (missingPostgres() === null) return null;
  console.log('The PostGIS statistics tests need Debian packages that are missing; installing them with apt-get:');
  const missing = POSTGIS_PACKAGES.filter((entry) => !packageInstalled(entry.name));
  for (const entry of missing) console.log(`  ${entry.name}: ${entry.why}`);
  if (!aptInstall(missing.map((entry) => entry.name))) console.error('apt-get failed (it needs root or sudo).');
  return missingPostgres();
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
    const failed =
      report.numFailedTests + brokenFiles + (exitCode !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
    return { name, passed: report.numPassedTests, failed };
  } catch {
    return { name, passed: 0, failed: 1 };
  }
}

/** Runs vitest with `configArgs`, wrapped by `wrapper` (e.g. xvfb-run) when given. */
function vitestStep(
  name: string,
  configArgs: string[],
  environment: NodeJS.ProcessEnv = process.env,
  wrapper: string[] = [],
): StepOutcome {
  const reportPath = join(RESULTS_DIRECTORY, `${name}.json`);
  rmSync(reportPath, { force: true });
  const vitest = [
    'npx',
    'vitest',
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
  ];
  const command = [...wrapper, ...vitest];
  const exitCode = run(command[0]!, command.slice(1), environment);
  return countVitest(name, reportPath, exitCode);
}

function minutesAndSeconds(milliseconds: number): string {
  const seconds = Math.round(milliseconds / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

mkdirSync(RESULTS_DIRECTORY, { recursive: true });
const outcomes: StepOutcome[] = [];

// House rules first (issue 13): a formatting slip or a broken layer rule fails fast, before the long steps.
console.log('\n== lint (npm run lint: Biome, layer rules, unused code) ==');
const lintExit = run('npm', ['run', '--silent', 'lint']);
outcomes.push({ name: 'lint', passed: lintExit === 0 ? 1 : 0, failed: lintExit === 0 ? 0 : 1 });

console.log('\n== type-check (tsc --noEmit, strict) ==');
const typecheckExit = run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
outcomes.push({ name: 'typecheck', passed: typecheckExit === 0 ? 1 : 0, failed: typecheckExit === 0 ? 0 : 1 });

console.log('\n== unit tests (node) ==');
outcomes.push(vitestStep('unit', []));

// stats --postgis against a real server: seconds to start, then the cross-checks with the file path.
console.log('\n== PostGIS statistics (PostgreSQL 15 + PostGIS 3, started on loopback for the run) ==');
const postgisProblem = ensurePostgis();
if (postgisProblem) {
  console.error(`postgis: cannot run: ${postgisProblem}`);
  outcomes.push({ name: 'postgis', passed: 0, failed: 1, note: `cannot run: ${postgisProblem}` });
} else {
  outcomes.push(vitestStep('postgis', ['-c', 'tests/postgis/vitest.config.ts']));
}

// One build for every browser (E2E_DIST tells the browser tests' setup to serve it): the test
// flavour, a production build that also hands the tests the live map (tests/e2e/global-setup.ts).
console.log('\n== build (vite build --mode e2e, served to every browser below) ==');
const distDirectory = resolve(RESULTS_DIRECTORY, `browser-dist-${process.pid}`);
let built = false;
try {
  buildApp(distDirectory, 'test');
  built = true;
} catch (error) {
  console.error(String(error));
}
// Every browser meets a device without a CJK font, whatever the machine has (the Gecko and WebKit
// journeys read this; chromium's harness sets it itself): the one that downloads the shipped font.
const browserEnvironment = {
  ...process.env,
  E2E_DIST: distDirectory,
  CHROMIUM_PATH,
  FONTCONFIG_FILE: fontconfigWithoutCjkFonts(),
};

// The other device, with a CJK font of its own, for tests/e2e/fonts.e2e.test.ts: a Debian font
// package downloaded and unpacked into node_modules/.cache, never installed, so no other test sees it.
try {
  ensureCjkTestFont();
} catch (error) {
  console.error(`The CJK test font could not be fetched (the font test will say so too): ${String(error)}`);
}

console.log('\n== browser tests (built app, Debian chromium) ==');
if (!built) {
  outcomes.push({ name: 'e2e', passed: 0, failed: 1, note: 'the app did not build' });
} else if (ensureChromium()) {
  const started = Date.now();
  outcomes.push({
    ...vitestStep('e2e', ['-c', 'vitest.e2e.config.ts'], browserEnvironment),
    note: minutesAndSeconds(Date.now() - started),
  });
} else {
  outcomes.push({ name: 'e2e', passed: 0, failed: 1, note: `chromium cannot run: ${CHROMIUM_PATH} is missing` });
}

console.log('\n== journeys in Gecko and WebKit (built app, headed under Xvfb, one engine at a time) ==');
const engineProblems = ensureEngines();
for (const engine of ENGINE_NAMES) {
  const problem = !built ? 'the app did not build' : engineProblems[engine];
  if (problem) {
    console.error(`${engine}: cannot run: ${problem}`);
    outcomes.push({ name: engine, passed: 0, failed: 1, note: `cannot run: ${problem}` });
    continue;
  }
  console.log(`\n-- ${engine} --`);
  const started = Date.now();
  const outcome = vitestStep(engine, ['-c', 'vitest.engines.config.ts'], { ...browserEnvironment, ENGINE: engine }, [
    XVFB_RUN,
    '-a',
    '-s',
    XVFB_SCREEN,
  ]);
  outcomes.push({ ...outcome, note: minutesAndSeconds(Date.now() - started) });
}
rmSync(distDirectory, { recursive: true, force: true });

for (const outcome of outcomes) {
  console.log(
    `  ${outcome.name}: ${outcome.passed} passed, ${outcome.failed} failed${outcome.note ? ` (${outcome.note})` : ''}`,
  );
}
const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
