/**
 * "Use as …" (issue 11 §1): a planner's file becomes one of the dataset's layers. The file's
 * columns are mapped onto the dataset contract (`name_zh`, `name_en`, `kind`, optional stated
 * area), every feature gets the `source` and `confidence` the planner states, and the result is
 * validated exactly as `geodata/` is (load-dataset.ts, through the package files) — nothing is
 * replaced until every feature passes, and each one that does not is listed with its reason.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { AreaUnit } from '../geo/units.ts';
import type { DatasetChange } from './dataset-changes.ts';
import { datasetPackageFiles } from './dataset-package.ts';
import type { Confidence, Dataset, LayerDefinition } from './dataset-types.ts';
import { loadDataset } from './load-dataset.ts';

export interface ColumnMapping {
  /** Column holding the Chinese name (required by the contract). */
  nameZh: string;
  /** Column holding the English name; without one the Chinese name stands in. */
  nameEn?: string;
  /** Column holding the kind; without one every feature gets `kindValue`. */
  kind?: string;
  kindValue: string;
  /** Column holding a stable id; without one ids are `<layer>-<n>`. */
  id?: string;
  /** Column holding a published area, in `statedAreaUnit`, cited by `source`. */
  statedArea?: string;
  statedAreaUnit?: AreaUnit;
}

export interface Provenance {
  /** Where the file comes from: a citation a person can follow. Required. */
  source: string;
  confidence: Confidence;
  /** The file's name, for the change list. */
  fileName: string;
}

export type ReplaceLayerResult =
  | { ok: true; dataset: Dataset; files: Map<string, string>; change: DatasetChange }
  | { ok: false; problems: string[] };

const GEOMETRY_TYPES: Readonly<Record<LayerDefinition['geometry'], readonly Geometry['type'][]>> = {
  polygon: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString'],
  point: ['Point'],
};

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function number(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.replace(/[,，\s]/g, ''));
  return undefined;
}

/**
 * The dataset with layer `layerId` replaced by `collection` mapped through `mapping`, and the files
 * of its package (with the change list grown by this change); or every problem, each naming the
 * feature. `earlierChanges` is the change list of the dataset being changed.
 */
export async function replaceLayer(
  dataset: Dataset,
  layerId: string,
  collection: FeatureCollection,
  mapping: ColumnMapping,
  provenance: Provenance,
  earlierChanges: readonly DatasetChange[],
  now: Date,
): Promise<ReplaceLayerResult> {
  const target = dataset.layers.find((layer) => layer.definition.id === layerId);
  if (!target) return { ok: false, problems: [`no layer "${layerId}" in the dataset`] };
  const source = provenance.source.trim();
  if (source === '') return { ok: false, problems: ['a source is required: say where the file comes from'] };
  if (collection.features.length === 0) return { ok: false, problems: [`${provenance.fileName} has no features`] };

  const allowed = GEOMETRY_TYPES[target.definition.geometry];
  const problems: string[] = [];
  const features = collection.features.map((feature, index) => {
    const columns = (feature.properties ?? {}) as Record<string, unknown>;
    const label = `features[${index}]`;
    if (!feature.geometry || !allowed.includes(feature.geometry.type)) {
      problems.push(
        `${label}: a ${feature.geometry?.type ?? 'missing geometry'} cannot go in ${target.definition.id}, which holds ${allowed.join(' or ')}`,
      );
    }
    const nameZh = text(columns[mapping.nameZh]);
    const properties: Record<string, unknown> = {
      id: mapping.id ? text(columns[mapping.id]) : `${layerId}-${index + 1}`,
      layer: layerId,
      name_zh: nameZh,
      name_en: (mapping.nameEn ? text(columns[mapping.nameEn]) : '') || nameZh,
      kind: (mapping.kind ? text(columns[mapping.kind]) : '') || mapping.kindValue,
      source,
      confidence: provenance.confidence,
    };
    if (mapping.statedArea) {
      const stated = number(columns[mapping.statedArea]);
      if (stated !== undefined) {
        properties['stated_area'] = stated;
        properties['stated_area_unit'] = mapping.statedAreaUnit ?? 'km2';
        properties['stated_area_source'] = source;
      }
    }
    // A replaced feature is measured, not sized to a figure: "measured vs stated" becomes a real check.
    return { type: 'Feature' as const, properties, geometry: feature.geometry };
  });
  if (problems.length > 0) return { ok: false, problems };

  const change: DatasetChange = {
    what: `replaced ${features.length} feature${features.length === 1 ? '' : 's'} from ${provenance.fileName} (${provenance.confidence})`,
    layerId,
    fromFile: provenance.fileName,
    at: now.toISOString(),
  };
  // Label points name features by id: the old layer's labels would name features that are gone.
  const labels = dataset.labels && {
    ...dataset.labels,
    features: dataset.labels.features.filter((label) => label.properties.layer !== layerId),
  };
  const replaced: Dataset = {
    ...dataset,
    layers: dataset.layers.map((layer) =>
      layer.definition.id === layerId
        ? { ...layer, features: { type: 'FeatureCollection', features } as unknown as typeof layer.features }
        : layer,
    ),
    ...(labels ? { labels } : {}),
  };
  const files = datasetPackageFiles(replaced, [...earlierChanges, change]);
  const loaded = await loadDataset(async (path) => {
    const file = files.get(path);
    if (file === undefined) throw new Error('missing');
    return file;
  });
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  return { ok: true, dataset: loaded.dataset, files, change };
}
