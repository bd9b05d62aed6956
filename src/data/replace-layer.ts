/**
 * "Use as …" (issue 11 §1): a planner's file becomes one of the dataset's layers. The file's
 * columns are mapped onto the dataset contract (`name_zh`, `name_en`, `kind`, optional stated
 * area), every feature gets the `source` and `confidence` the planner states, and the result is
 * validated exactly as `geodata/` is (load-dataset.ts, through the package files) — nothing is
 * replaced until every feature passes, and each one that does not is listed with its reason.
 * The new features get label points made exactly as the shipped ones are (label-points.ts), and
 * the layer's description in the manifest says what replaced it, so the legend does not go on
 * calling a planner's survey schematic.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { AreaUnit } from '../geo/units.ts';
import type { DatasetChange } from './dataset-changes.ts';
import { datasetPackageFiles } from './dataset-package.ts';
import { serializeFeatureCollection } from './dataset-serialization.ts';
import type {
  Confidence,
  Dataset,
  ZoneFeatureProperties,
  LabelPointCollection,
  LayerDefinition,
  LocalizedText,
} from './dataset-types.ts';
import { labelPoints } from './label-points.ts';
import { checkLabelPoints, loadDataset } from './load-dataset.ts';

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
  /**
   * Where the features come from, as the layer's new description says it ("shapes drawn in the
   * app"); by default the file named `fileName`.
   */
  origin?: LocalizedText;
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

const CONFIDENCE_NAMES: Readonly<Record<Confidence, LocalizedText>> = {
  high: { zh: '高', en: 'high' },
  medium: { zh: '中', en: 'medium' },
  low: { zh: '低', en: 'low' },
  schematic: { zh: '示意', en: 'schematic' },
};

/**
 * The replaced layer's manifest description, in both languages: what replaced the shipped
 * (schematic) features, from where, when and how sure, and the source the planner gave.
 */
function replacedLayerDescription(
  featureCount: number,
  provenance: Provenance,
  source: string,
  now: Date,
): LocalizedText {
  const origin = provenance.origin ?? {
    zh: `文件「${provenance.fileName}」`,
    en: `the file “${provenance.fileName}”`,
  };
  const date = now.toISOString().slice(0, 10);
  const confidence = CONFIDENCE_NAMES[provenance.confidence];
  return {
    zh: `已替换：${featureCount} 个要素来自${origin.zh}（${date}，可信度：${confidence.zh}）。来源：${source}`,
    en: `Replaced: ${featureCount} feature${featureCount === 1 ? '' : 's'} from ${origin.en} (${date}, confidence: ${confidence.en}). Source: ${source}`,
  };
}

/** A title that calls the layer schematic ("高新区范围(示意)") stops doing so once surveyed features replace it. */
function replacedLayerTitle(title: LocalizedText, confidence: Confidence): LocalizedText {
  if (confidence === 'schematic') return title;
  return {
    zh: title.zh.replace(/\s*[(（]示意[)）]\s*$/u, '') || title.zh,
    en: title.en.replace(/\s*\(schematic\)\s*$/iu, '') || title.en,
  };
}

/**
 * Every label of `labels` outside `layerId`, with `added` in their place: in manifest order, as
 * the build writes them, so the labels file of a replaced dataset reads like a built one.
 */
function withLayerLabels(
  dataset: Dataset,
  labels: LabelPointCollection,
  layerId: string,
  added: LabelPointCollection['features'],
): LabelPointCollection['features'] {
  const order = new Map(dataset.manifest.layers.map((definition, index) => [definition.id, index]));
  const rank = (layer: string) => order.get(layer) ?? Number.POSITIVE_INFINITY;
  const kept = labels.features.filter((label) => label.properties.layer !== layerId);
  // Array.prototype.sort is stable: within a layer the order stays the features' order.
  return [...kept, ...added].sort((first, second) => rank(first.properties.layer) - rank(second.properties.layer));
}

/**
 * The published figure of the shipped feature a replacing one stands for, kept with its own source:
 * a surveyed 一核 is checked against the 4.62 km² the State Council approved, which is the point of
 * replacing a schematic shape ("measured vs stated" becomes a real check). The feature is the same
 * one when its name is unique on both sides and matches, or when a layer of one feature is replaced
 * by one feature (the zone outline, the core) whatever the planner named it. A park a survey splits
 * into two polygons of one name gets no figure: each half against the whole would be a false check.
 */
function publishedFigureFor(
  replacedFeatures: readonly { properties: ZoneFeatureProperties }[],
  nameZh: string,
  replacingNames: ReadonlyMap<string, number>,
): Pick<ZoneFeatureProperties, 'stated_area' | 'stated_area_unit' | 'stated_area_source'> | undefined {
  const withFigure = (feature: { properties: ZoneFeatureProperties } | undefined) =>
    feature && typeof feature.properties.stated_area === 'number' ? feature.properties : undefined;
  const replacingCount = [...replacingNames.values()].reduce((sum, count) => sum + count, 0);
  const namesakes = replacedFeatures.filter((feature) => feature.properties.name_zh.trim() === nameZh);
  const byName = namesakes.length === 1 && replacingNames.get(nameZh) === 1 ? withFigure(namesakes[0]) : undefined;
  const only = replacedFeatures.length === 1 && replacingCount === 1 ? withFigure(replacedFeatures[0]) : undefined;
  const shipped = byName ?? only;
  if (!shipped) return undefined;
  return {
    stated_area: shipped.stated_area,
    stated_area_unit: shipped.stated_area_unit,
    stated_area_source: shipped.stated_area_source,
  };
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
  const replacingNames = new Map<string, number>();
  for (const feature of collection.features) {
    const name = text(feature.properties?.[mapping.nameZh]);
    replacingNames.set(name, (replacingNames.get(name) ?? 0) + 1);
  }
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
    if (properties['stated_area'] === undefined) {
      const published = publishedFigureFor(target.features.features, nameZh, replacingNames);
      if (published) Object.assign(properties, published);
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
  // The new ones are made once the features have passed, from the text the package holds.
  const labels = dataset.labels && {
    ...dataset.labels,
    features: dataset.labels.features.filter((label) => label.properties.layer !== layerId),
  };
  const description = replacedLayerDescription(features.length, provenance, source, now);
  const title = replacedLayerTitle(target.definition.title, provenance.confidence);
  const definitions = dataset.manifest.layers.map((definition) =>
    definition.id === layerId ? { ...definition, title, description } : definition,
  );
  const replaced: Dataset = {
    ...dataset,
    manifest: { ...dataset.manifest, layers: definitions },
    layers: dataset.layers.map((layer) =>
      layer.definition.id === layerId
        ? {
            definition: { ...layer.definition, title, description },
            features: { type: 'FeatureCollection', features } as unknown as typeof layer.features,
          }
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
  const labelsFile = loaded.dataset.manifest.labels;
  if (labelsFile === undefined || !loaded.dataset.labels) {
    return { ok: true, dataset: loaded.dataset, files, change };
  }
  const layer = loaded.dataset.layers.find((candidate) => candidate.definition.id === layerId)!;
  const labelled = withLayerLabels(
    loaded.dataset,
    loaded.dataset.labels,
    layerId,
    labelPoints(layer.features.features),
  );
  const labelsText = serializeFeatureCollection(labelled);
  const checked = checkLabelPoints(labelsText, labelsFile);
  if (!checked.ok) return { ok: false, problems: checked.problems };
  files.set(labelsFile, labelsText);
  return { ok: true, dataset: { ...loaded.dataset, labels: checked.labels }, files, change };
}
