/**
 * Regenerates every file in geodata/ (except the hand-written SOURCES.md) and prints each
 * polygon's measured ellipsoidal area beside its stated figure. `npm run build:geodata`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGeodata } from './geodata/build.ts';
import { AUTHORITATIVE_LAYERS } from './geodata/layout.ts';
import { buildManifest } from './geodata/manifest.ts';
import { CONTEXT_SOURCE_FILES, type ContextSourceTexts } from './geodata/context-sources.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function readLuzhouPackageText(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('@datapool/luzhou.geojson/luzhou.geoJSON.js'), 'utf8');
}

/** The real-context inputs in scripts/geodata/sources/ (origins and licences in its README.md). */
export function readContextSourceTexts(): ContextSourceTexts {
  const directory = join(projectRoot, 'scripts', 'geodata', 'sources');
  const entries = Object.entries(CONTEXT_SOURCE_FILES).map(([key, file]) => [
    key,
    readFileSync(join(directory, file), 'utf8'),
  ]);
  return Object.fromEntries(entries) as ContextSourceTexts;
}

/** The committed files of the layers a planner replaced: not rebuilt, but labelled. */
export function readAuthoritativeTexts(): Record<string, string> {
  const manifest = buildManifest();
  const files = manifest.layers.filter((layer) => AUTHORITATIVE_LAYERS.includes(layer.id)).map((layer) => layer.file);
  return Object.fromEntries(files.map((file) => [file, readFileSync(join(projectRoot, 'geodata', file), 'utf8')]));
}

function main() {
  const { files, report, riverCrossCheck } = buildGeodata(
    readLuzhouPackageText(),
    readContextSourceTexts(),
    readAuthoritativeTexts(),
  );
  const outputDirectory = join(projectRoot, 'geodata');
  mkdirSync(outputDirectory, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outputDirectory, name), text);

  const km2 = (squareMetres: number) => (squareMetres / 1e6).toFixed(4).padStart(10);
  console.log(`${'feature'.padEnd(32)} ${'measured km²'.padStart(12)} ${'stated km²'.padStart(12)}  difference`);
  for (const row of report) {
    const stated = row.statedSquareMetres;
    const difference =
      stated === undefined
        ? ''
        : `${(((row.measuredSquareMetres - stated) / stated) * 100).toFixed(3)} %${row.sizedToStated ? ' (sized to it: not a check)' : ''}`;
    console.log(
      `${row.id.padEnd(32)} ${km2(row.measuredSquareMetres).padStart(12)} ${(stated === undefined ? '—' : km2(stated)).padStart(12)}  ${difference}`,
    );
  }
  console.log(`\nriver stretches against Natural Earth (cross-check): median / largest distance of their vertices`);
  for (const row of riverCrossCheck) {
    console.log(
      `${`${row.river} ${row.stretch}`.padEnd(32)} ${Math.round(row.medianMetres).toString().padStart(6)} m ${Math.round(row.maximumMetres).toString().padStart(6)} m`,
    );
  }
  console.log(`wrote ${Object.keys(files).length} files to geodata/`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
