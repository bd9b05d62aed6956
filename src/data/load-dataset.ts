/**
 * Loads the zone dataset: `manifest.json`, then every layer file it names, each validated and
 * normalised. The caller supplies how to read a file (fs in the CLI, fetch in the browser), so the
 * same checks run everywhere. Never throws for bad data: every problem comes back as one line.
 *
 * @example
 * const result = await loadDataset((path) => readFile(join('geodata', path), 'utf8'));
 * if (!result.ok) console.error(result.problems.join('\n'));
 */
import { CONFIDENCE_LEVELS, type Confidence, type Dataset, type LabelPointCollection } from './dataset-types.ts';
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
    return {
      ok: false,
      problem: `${relativePath}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    };
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

  const [texts, labelsText] = await Promise.all([
    Promise.all(manifest.layers.map((definition) => readOrExplain(readText, definition.file))),
    manifest.labels === undefined ? Promise.resolve(null) : readOrExplain(readText, manifest.labels),
  ]);
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
  let labels: LabelPointCollection | undefined;
  if (labelsText && manifest.labels !== undefined) {
    if (!labelsText.ok) problems.push(labelsText.problem);
    else {
      const checked = checkLabelPoints(labelsText.text, manifest.labels);
      if (checked.ok) labels = checked.labels;
      else problems.push(...checked.problems);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, dataset: { manifest, layers, ...(labels ? { labels } : {}) } };
}

/**
 * A label file holds Points whose names and confidence the map writes; anything else is named as
 * the problem it is, so a hand-edited file cannot put a non-text value into a label.
 */
export function checkLabelPoints(
  text: string,
  fileName: string,
): { ok: true; labels: LabelPointCollection } | { ok: false; problems: string[] } {
  const parsed = parseJsonText(text, fileName);
  if (!parsed.ok) return { ok: false, problems: [parsed.message] };
  const value = parsed.value as { type?: unknown; features?: unknown };
  if (
    typeof value !== 'object' ||
    value === null ||
    value.type !== 'FeatureCollection' ||
    !Array.isArray(value.features)
  ) {
    return { ok: false, problems: [`${fileName}: expected a GeoJSON FeatureCollection of label points`] };
  }
  const problems: string[] = [];
  value.features.forEach((item: unknown, index: number) => {
    const feature = item as {
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: Record<string, unknown>;
    } | null;
    const where = `${fileName}: features[${index}]`;
    const coordinates = feature?.geometry?.coordinates;
    if (
      feature?.geometry?.type !== 'Point' ||
      !Array.isArray(coordinates) ||
      typeof coordinates[0] !== 'number' ||
      typeof coordinates[1] !== 'number' ||
      !Number.isFinite(coordinates[0]) ||
      !Number.isFinite(coordinates[1]) ||
      Math.abs(coordinates[0]) > 180 ||
      Math.abs(coordinates[1]) > 90
    ) {
      problems.push(`${where}: a label point must be a Point with a longitude and latitude`);
      return;
    }
    const properties = feature.properties ?? {};
    for (const key of ['id', 'layer', 'name_zh', 'name_en'] as const) {
      if (typeof properties[key] !== 'string') problems.push(`${where}: "${key}" must be text`);
    }
    if (!CONFIDENCE_LEVELS.includes(properties['confidence'] as Confidence)) {
      problems.push(`${where}: "confidence" must be one of ${CONFIDENCE_LEVELS.join(', ')}`);
    }
    if (typeof properties['label_rank'] !== 'number' || !Number.isFinite(properties['label_rank']))
      problems.push(`${where}: "label_rank" must be a number`);
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 20) };
  return { ok: true, labels: value as LabelPointCollection };
}
