/**
 * Checks `geodata/manifest.json` against the contract in `dataset-types.ts`, collecting every
 * problem (one line each, naming the JSON path) so a planner editing the manifest fixes them in
 * one pass instead of one per run.
 */
import type { LayerRole, Manifest } from './dataset-types.ts';
import { isAreaUnit } from '../geo/units.ts';

const LAYER_ROLES: readonly LayerRole[] = ['context', 'zone', 'core', 'wing', 'park', 'green', 'area', 'place'];
const LAYER_GEOMETRIES = ['polygon', 'line', 'point'] as const;
const LAYER_ID_PATTERN = /^[a-z][a-z0-9-]*$/;
const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/**
 * A layer file is a plain relative path inside `geodata/`: no scheme, host, parent directory or
 * absolute path, so a manifest can never make the app fetch from another origin or read outside.
 */
const SAFE_FILE_PATTERN = /^(?!.*\.\.)[A-Za-z0-9_-][A-Za-z0-9_./-]*\.(?:geo)?json$/;

export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; problems: string[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  // Long text is cut so that a hostile value cannot turn a one-line message into a page.
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

export function validateManifest(value: unknown, fileName = 'manifest.json'): ManifestResult {
  const problems: string[] = [];
  const report = (path: string, problem: string) => problems.push(`${fileName}: ${problem} at ${path}`);

  const text = (container: Record<string, unknown>, key: string, path: string) => {
    const found = container[key];
    if (typeof found !== 'string' || found.trim() === '')
      report(`${path}.${key}`, `expected non-empty text, found ${describe(found)}`);
  };
  const localized = (container: Record<string, unknown>, key: string, path: string) => {
    const found = container[key];
    if (!isPlainObject(found)) {
      report(`${path}${path ? '.' : ''}${key}`, `expected { "zh": …, "en": … }, found ${describe(found)}`);
      return;
    }
    text(found, 'zh', `${path}${path ? '.' : ''}${key}`);
    text(found, 'en', `${path}${path ? '.' : ''}${key}`);
  };
  const statedFigure = (found: unknown, path: string) => {
    if (!isPlainObject(found)) {
      report(path, `expected a stated figure { value, unit, source }, found ${describe(found)}`);
      return null;
    }
    if (typeof found.value !== 'number' || !Number.isFinite(found.value) || found.value < 0) {
      report(`${path}.value`, `expected a non-negative number, found ${describe(found.value)}`);
    }
    if (found.unit !== 'percent' && !isAreaUnit(found.unit)) {
      report(`${path}.unit`, `expected one of m2, ha, km2, mu, percent, found ${describe(found.unit)}`);
    }
    text(found, 'source', path);
    return found;
  };

  if (!isPlainObject(value))
    return { ok: false, problems: [`${fileName}: expected a JSON object, found ${describe(value)}`] };
  if (value.version !== 1) report('version', `expected version 1, found ${describe(value.version)}`);
  localized(value, 'name', '');

  if (!isPlainObject(value.stated)) {
    report('stated', `expected { zoneArea, greenShare }, found ${describe(value.stated)}`);
  } else {
    statedFigure(value.stated.zoneArea, 'stated.zoneArea');
    const greenShare = statedFigure(value.stated.greenShare, 'stated.greenShare');
    if (greenShare) {
      if (!['over', 'about', 'exactly'].includes(greenShare.qualifier as string)) {
        report(
          'stated.greenShare.qualifier',
          `expected over, about or exactly, found ${describe(greenShare.qualifier)}`,
        );
      }
      localized(greenShare, 'covers', 'stated.greenShare');
    }
  }

  if (!Array.isArray(value.layers) || value.layers.length === 0) {
    report('layers', `expected a non-empty array of layers, found ${describe(value.layers)}`);
  } else {
    const seenIds = new Set<string>();
    value.layers.forEach((layer: unknown, index: number) => {
      const path = `layers[${index}]`;
      if (!isPlainObject(layer)) {
        report(path, `expected a layer object, found ${describe(layer)}`);
        return;
      }
      if (typeof layer.id !== 'string' || !LAYER_ID_PATTERN.test(layer.id)) {
        report(`${path}.id`, `expected a lower-case id like "parks", found ${describe(layer.id)}`);
      } else if (seenIds.has(layer.id)) {
        report(`${path}.id`, `layer id "${layer.id}" is used twice`);
      } else {
        seenIds.add(layer.id);
      }
      if (!LAYER_ROLES.includes(layer.role as LayerRole)) {
        report(`${path}.role`, `expected one of ${LAYER_ROLES.join(', ')}, found ${describe(layer.role)}`);
      }
      localized(layer, 'title', path);
      localized(layer, 'description', path);
      if (typeof layer.file !== 'string' || !SAFE_FILE_PATTERN.test(layer.file)) {
        report(
          `${path}.file`,
          `expected a relative .geojson or .json file name inside geodata/, found ${describe(layer.file)}`,
        );
      }
      if (typeof layer.color !== 'string' || !COLOR_PATTERN.test(layer.color)) {
        report(`${path}.color`, `expected a colour like "#2e7d32", found ${describe(layer.color)}`);
      }
      if (!LAYER_GEOMETRIES.includes(layer.geometry as (typeof LAYER_GEOMETRIES)[number])) {
        report(`${path}.geometry`, `expected polygon, line or point, found ${describe(layer.geometry)}`);
      }
      for (const flag of ['green', 'unit', 'visible'] as const) {
        if (typeof layer[flag] !== 'boolean')
          report(`${path}.${flag}`, `expected true or false, found ${describe(layer[flag])}`);
      }
    });
  }

  if (!Array.isArray(value.credits)) {
    report('credits', `expected an array of { "zh", "en" } credits, found ${describe(value.credits)}`);
  } else {
    value.credits.forEach((credit: unknown, index: number) => {
      if (!isPlainObject(credit))
        report(`credits[${index}]`, `expected { "zh": …, "en": … }, found ${describe(credit)}`);
      else {
        text(credit, 'zh', `credits[${index}]`);
        text(credit, 'en', `credits[${index}]`);
      }
    });
  }

  if (value.labels !== undefined && (typeof value.labels !== 'string' || !SAFE_FILE_PATTERN.test(value.labels))) {
    report(
      'labels',
      `expected a relative .geojson or .json file name inside geodata/, found ${describe(value.labels)}`,
    );
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, manifest: value as unknown as Manifest };
}
