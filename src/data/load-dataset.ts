/**
 * Loads the zone dataset: `manifest.json`, then every layer file it names, each validated and
 * normalised. The caller supplies how to read a file (fs in the CLI, fetch in the browser), so the
 * same checks run everywhere. Never throws for bad data: every problem comes back as one line.
 *
 * @example
 * const result = await loadDataset((path) => readFile(join('geodata', path), 'utf8'));
 * if (!result.ok) console.error(result.problems.join('\n'));
 */
import type { Dataset } from './dataset-types.ts';
import { parseGeoJson, parseJsonText } from './parse-geojson.ts';
import { validateManifest } from './validate-manifest.ts';
import { validateLayerFeatures } from './validate-features.ts';

export type DatasetResult = { ok: true; dataset: Dataset } | { ok: false; problems: string[] };

export const MANIFEST_FILE = 'manifest.json';

async function readOrExplain(
  readText: (relativePath: string) => Promise<string>,
  relativePath: string,
): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  try {
    const text = await readText(relativePath);
    if (typeof text !== 'string') return { ok: false, problem: `${relativePath}: could not be read (got no text)` };
    return { ok: true, text };
  } catch (error) {
    return { ok: false, problem: `${relativePath}: could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

export async function loadDataset(readText: (relativePath: string) => Promise<string>): Promise<DatasetResult> {
  const manifestText = await readOrExplain(readText, MANIFEST_FILE);
  if (!manifestText.ok) return { ok: false, problems: [manifestText.problem] };
  const manifestJson = parseJsonText(manifestText.text, MANIFEST_FILE);
  if (!manifestJson.ok) return { ok: false, problems: [manifestJson.message] };
  const manifestResult = validateManifest(manifestJson.value, MANIFEST_FILE);
  if (!manifestResult.ok) return manifestResult;
  const manifest = manifestResult.manifest;

  const texts = await Promise.all(manifest.layers.map((definition) => readOrExplain(readText, definition.file)));
  const problems: string[] = [];
  const seenFeatureIds = new Map<string, string>();
  const layers: Dataset['layers'] = [];
  manifest.layers.forEach((definition, index) => {
    const text = texts[index]!;
    if (!text.ok) {
      problems.push(text.problem);
      return;
    }
    const parsed = parseGeoJson(text.text, definition.file);
    if (!parsed.ok) {
      problems.push(parsed.message);
      return;
    }
    const checked = validateLayerFeatures(parsed.collection, definition, seenFeatureIds);
    if (!checked.ok) {
      problems.push(...checked.problems);
      return;
    }
    layers.push({ definition, features: checked.features });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dataset: { manifest, layers } };
}
