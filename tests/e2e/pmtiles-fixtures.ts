/**
 * What the PMTiles browser tests share: archives made by `npm run tiles` at test time (never checked
 * in), moving the map and waiting for it, where a parcel is on screen, and the rows of its popup.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { runTiles } from '../../scripts/tiles/run-tiles.ts';
import { parcelFileLines, writeParcelFile } from '../../bench/city-parcels.ts';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type MapWindow = Window & { __zoneMap?: import('maplibre-gl').Map };

/** A small archive made in memory by the tiles CLI's own function, and the parcels it came from. */
export async function makeParcelArchive(
  count: number,
  seed: number,
  zooms: [number, number],
): Promise<{ bytes: Uint8Array; parcels: Feature<Polygon>[] }> {
  const text = [...parcelFileLines(count, seed)].join('');
  let bytes: Uint8Array | undefined;
  const code = await runTiles(['parcels.geojson', '--min-zoom', String(zooms[0]), '--max-zoom', String(zooms[1])], {
    openStream: () => [new TextEncoder().encode(text)],
    writeParts: async (_path, parts) => {
      bytes = new Uint8Array(Buffer.concat([...parts]));
    },
    stdout: () => {},
    stderr: (message) => {
      throw new Error(message);
    },
  });
  if (code !== 0 || !bytes) throw new Error(`tiles exited ${code}`);
  return { bytes, parcels: (JSON.parse(text) as { features: Feature<Polygon>[] }).features };
}

/**
 * `count` generated parcels written to `directory`, then `npm run tiles` run on them as a planner
 * runs it (its own process); the GeoJSON is deleted once tiled. Returns the archive's path and
 * what the CLI printed.
 */
export async function makeParcelArchiveFile(
  directory: string,
  count: number,
  zooms: [number, number],
): Promise<{ path: string; report: string }> {
  const geojson = join(directory, 'parcels.geojson');
  const path = join(directory, 'parcels.pmtiles');
  await writeParcelFile(geojson, count);
  const argv = [geojson, '--out', path, '--min-zoom', String(zooms[0]), '--max-zoom', String(zooms[1])];
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts', 'tiles.ts'), ...argv], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const { rm } = await import('node:fs/promises');
  await rm(geojson, { force: true });
  if (code !== 0) throw new Error(`npm run tiles exited ${code}: ${stderr}`);
  return { path, report: stdout.trim() };
}

/** The mean of a parcel's corners: inside it (they are convex quadrilaterals, a little bent). */
export function parcelCentre(parcel: Feature<Polygon>): [number, number] {
  const corners: Position[] = parcel.geometry.coordinates[0]!.slice(0, -1);
  return [
    corners.reduce((sum, position) => sum + position[0]!, 0) / corners.length,
    corners.reduce((sum, position) => sum + position[1]!, 0) / corners.length,
  ];
}

export async function jumpAndSettle(page: Page, center: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ({ at, to }) =>
      new Promise<void>((resolve) => {
        const map = (window as MapWindow).__zoneMap!;
        map.once('idle', () => resolve());
        map.jumpTo({ center: at, zoom: to });
      }),
    { at: center, to: zoom },
  );
}

/** Where a longitude/latitude is on the page, for a mouse click. */
export async function pagePoint(page: Page, at: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((position) => {
    const map = (window as MapWindow).__zoneMap!;
    const projected = map.project(position);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + projected.x, y: box.top + projected.y };
  }, at);
}

/** The rendered features of a style layer in the whole viewport: their `id` properties. */
export async function renderedIds(page: Page, layer: string): Promise<unknown[]> {
  return page.evaluate(
    (id) =>
      (window as MapWindow).__zoneMap!.queryRenderedFeatures({ layers: [id] }).map((feature) => feature.properties.id),
    layer,
  );
}

/** The property rows of the open parcel popup, name → text. */
export async function popupRows(page: Page): Promise<Record<string, string>> {
  const popup = page.locator('.maplibregl-popup .pmtiles-properties');
  await popup.waitFor();
  return Object.fromEntries(
    await popup
      .locator('tr')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('th')?.textContent ?? '', row.querySelector('td')?.textContent ?? '']),
      ),
  );
}
