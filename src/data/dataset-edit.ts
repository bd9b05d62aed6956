/**
 * Editing one dataset feature in place (issue 11 §1): where an edit starts (the feature's parts and
 * its properties as the form shows them), what the form's values mean against the dataset contract
 * (the same check `geodata/` passes, validate-features.ts), and the dataset package an edit
 * becomes when it is kept — checked again through loadDataset, so a package the app stores always
 * opens. The live area is measured in src/analysis/dataset-edit-measure.ts.
 */
import type { Feature, Geometry } from 'geojson';
import { isAreaUnit } from '../geo/units.ts';
import type { DatasetChange } from './dataset-changes.ts';
import { describeEdit } from './dataset-edit-changes.ts';
import {
  currentSnapshot,
  type EditableProperties,
  type EditHistory,
  originalSnapshot,
  sameParts,
  startHistory,
} from './dataset-edit-history.ts';
import { type EditableGeometryType, editableParts, joinParts } from './dataset-edit-parts.ts';
import { datasetPackageFiles } from './dataset-package.ts';
import type { Dataset, FeatureReference, LayerDefinition, ZoneFeatureProperties } from './dataset-types.ts';
import { labelPoints } from './label-points.ts';
import { loadDataset } from './load-dataset.ts';
import { validateLayerFeatures } from './validate-features.ts';

export interface EditSession {
  reference: FeatureReference;
  geometryType: EditableGeometryType;
  layerGeometry: LayerDefinition['geometry'];
  /** The feature was drawn to its stated figure by the build (`sized_to_stated`). */
  sizedToStated: boolean;
  history: EditHistory;
}

export type StartEditResult =
  | { ok: true; session: EditSession }
  | { ok: false; reason: 'not-found' | 'no-geometry' | 'holes' | 'unsupported' };

function formProperties(properties: ZoneFeatureProperties): EditableProperties {
  return {
    name_zh: properties.name_zh,
    name_en: properties.name_en,
    kind: properties.kind,
    source: properties.source,
    confidence: properties.confidence,
    stated_area: typeof properties.stated_area === 'number' ? String(properties.stated_area) : '',
    stated_area_unit: isAreaUnit(properties.stated_area_unit) ? properties.stated_area_unit : 'km2',
    stated_area_source: properties.stated_area_source ?? '',
  };
}

function findLayerFeature(dataset: Dataset, reference: FeatureReference) {
  const layer = dataset.layers.find((entry) => entry.definition.id === reference.layerId);
  const feature = layer?.features.features.find((candidate) => candidate.properties.id === reference.featureId);
  return layer && feature ? { layer, feature } : null;
}

/** The edit of `reference` as it starts: nothing changed yet. */
export function startEdit(dataset: Dataset, reference: FeatureReference): StartEditResult {
  const found = findLayerFeature(dataset, reference);
  if (!found) return { ok: false, reason: 'not-found' };
  const parts = editableParts(found.feature.geometry);
  if (!parts.ok) return { ok: false, reason: parts.reason };
  return {
    ok: true,
    session: {
      reference,
      geometryType: parts.type,
      layerGeometry: found.layer.definition.geometry,
      sizedToStated: found.feature.properties.sized_to_stated === true,
      history: startHistory({ parts: parts.parts, properties: formProperties(found.feature.properties) }),
    },
  };
}

/** The geometry on screen, in the feature's own type. */
function editedGeometry(session: EditSession): Geometry {
  return joinParts(session.geometryType, currentSnapshot(session.history).parts);
}

/** A comma only as a thousands separator: "1,500.5" is 1500.5, but "1,5" is no number (a decimal comma?). */
const THOUSANDS_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** The stated area as typed; null when empty, NaN when not a number (the contract check names it). */
export function parseStatedArea(text: string): number | null {
  const trimmed = text.trim().replace(/，/g, ',');
  if (trimmed === '') return null;
  if (!trimmed.includes(',')) return Number(trimmed);
  return THOUSANDS_GROUPED.test(trimmed) ? Number(trimmed.replace(/,/g, '')) : Number.NaN;
}

function statedFigureChanged(session: EditSession): boolean {
  const original = originalSnapshot(session.history).properties;
  const form = currentSnapshot(session.history).properties;
  return form.stated_area.trim() !== original.stated_area.trim() || form.stated_area_unit !== original.stated_area_unit;
}

/**
 * Whether the shape on screen is still the one the build sized to its stated figure. A shape moved
 * by hand, or held to another figure, is measured: its stated-vs-measured difference becomes a real
 * check, and until then a 0.0 % would only pass for one.
 */
export function stillSizedToStated(session: EditSession): boolean {
  return (
    session.sizedToStated &&
    !statedFigureChanged(session) &&
    sameParts(originalSnapshot(session.history).parts, currentSnapshot(session.history).parts)
  );
}

/** The feature as it would be kept: the original's other properties, the form's, the edited geometry. */
function editedFeature(dataset: Dataset, session: EditSession): Feature<Geometry, ZoneFeatureProperties> | null {
  const found = findLayerFeature(dataset, session.reference);
  if (!found) return null;
  const form = currentSnapshot(session.history).properties;
  const properties: Record<string, unknown> = {
    ...found.feature.properties,
    name_zh: form.name_zh.trim(),
    name_en: form.name_en.trim(),
    kind: form.kind.trim(),
    source: form.source.trim(),
    confidence: form.confidence,
  };
  const stated = parseStatedArea(form.stated_area);
  if (stated === null) {
    delete properties.stated_area;
    delete properties.stated_area_unit;
    delete properties.stated_area_source;
  } else {
    properties.stated_area = Number.isFinite(stated) ? stated : form.stated_area;
    properties.stated_area_unit = form.stated_area_unit;
    // Never the shape's source: where a figure was published is for the planner to say (the form
    // starts with the figure's own source, so one kept unchanged keeps it).
    properties.stated_area_source = form.stated_area_source.trim();
  }
  if (!stillSizedToStated(session)) delete properties.sized_to_stated;
  return {
    type: 'Feature',
    properties: properties as unknown as ZoneFeatureProperties,
    geometry: editedGeometry(session),
  };
}

/**
 * Problems of the form's values against the dataset contract, each in one line naming the field;
 * empty when the edit can be kept.
 */
export function editProblems(dataset: Dataset, session: EditSession): string[] {
  const found = findLayerFeature(dataset, session.reference);
  const feature = editedFeature(dataset, session);
  if (!found || !feature) return [`${session.reference.featureId} is no longer in the dataset`];
  const checked = validateLayerFeatures(
    { type: 'FeatureCollection', features: [feature] },
    found.layer.definition,
    new Map(),
  );
  // The contract's messages name the file and the feature: here the form is the feature.
  const prefix = /^[^:]+: features\[0\][^:]*: /;
  const problems = checked.ok ? [] : checked.problems.map((problem) => problem.replace(prefix, ''));
  const form = currentSnapshot(session.history).properties;
  if (form.stated_area.trim() !== '' && form.stated_area_source.trim() === '') {
    problems.unshift('stated_area_source: say where the stated figure comes from (a document, a page, a year)');
  }
  return problems;
}

export type KeepEditResult =
  | { ok: true; dataset: Dataset; files: Map<string, string>; changes: DatasetChange[] }
  | { ok: false; problems: string[] };

/**
 * The dataset package with the edit kept: the feature replaced, its label point following its new
 * names, and the change list grown by one entry per kind of edit. `earlierChanges` is the change
 * list of the dataset being edited.
 */
export async function keepEdit(
  dataset: Dataset,
  session: EditSession,
  earlierChanges: readonly DatasetChange[],
  now: Date,
): Promise<KeepEditResult> {
  const problems = editProblems(dataset, session);
  if (problems.length > 0) return { ok: false, problems };
  const feature = editedFeature(dataset, session)!;
  const { layerId, featureId } = session.reference;
  const changes = describeEdit(session.history, { layerId, featureId }, now);
  if (changes.length === 0) return { ok: false, problems: ['nothing was changed'] };
  const edited: Dataset = {
    ...dataset,
    layers: dataset.layers.map((layer) =>
      layer.definition.id === layerId
        ? {
            ...layer,
            features: {
              ...layer.features,
              features: layer.features.features.map((candidate) =>
                candidate.properties.id === featureId ? feature : candidate,
              ),
            },
          }
        : layer,
    ),
    ...(dataset.labels ? { labels: relabel(dataset.labels, feature) } : {}),
  };
  const files = datasetPackageFiles(edited, [...earlierChanges, ...changes]);
  const loaded = await loadDataset(async (path) => {
    const file = files.get(path);
    if (file === undefined) throw new Error('missing');
    return file;
  });
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  return { ok: true, dataset: loaded.dataset, files, changes };
}

/**
 * The edited feature's label point, recomputed by the same polylabel helper the geodata build
 * uses (label-points.ts), so a moved outline keeps its name inside it; it stays in its place in
 * the file so the other labels keep their order.
 */
function relabel(
  labels: NonNullable<Dataset['labels']>,
  feature: Feature<Geometry, ZoneFeatureProperties>,
): NonNullable<Dataset['labels']> {
  const [label] = labelPoints([feature]);
  const { id, layer } = feature.properties;
  const named = (candidate: { properties: { id: string; layer: string } }) =>
    candidate.properties.id === id && candidate.properties.layer === layer;
  const others = labels.features.filter((candidate) => !named(candidate));
  if (!label) return { ...labels, features: others };
  const index = labels.features.findIndex(named);
  const features =
    index < 0
      ? [...labels.features, label]
      : labels.features.map((candidate, at) => (at === index ? label : candidate));
  return { ...labels, features };
}
