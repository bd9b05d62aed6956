/**
 * Checks one layer's features against the properties contract (`ZoneFeatureProperties`) and the
 * layer's declared geometry, and fills in what can be inferred without guessing (a missing
 * `layer` property is the layer that holds the feature). Every problem is one line naming the file
 * and the feature by index and id.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { Confidence, LayerDefinition, ZoneFeatureCollection, ZoneFeatureProperties } from './dataset-types.ts';
import { CONFIDENCE_LEVELS } from './dataset-types.ts';
import { isAreaUnit } from '../geo/units.ts';

const GEOMETRY_TYPES_FOR_LAYER: Record<LayerDefinition['geometry'], readonly Geometry['type'][]> = {
  polygon: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString'],
  point: ['Point', 'MultiPoint'],
};

export type LayerFeaturesResult = { ok: true; features: ZoneFeatureCollection } | { ok: false; problems: string[] };

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'an array' : 'an object';
  // Long text is cut so that a hostile value cannot turn a one-line message into a page.
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

/**
 * @param seenFeatureIds ids already used by earlier layers; ids must be unique across the dataset
 *   because links, selections and trips refer to features by id alone.
 */
export function validateLayerFeatures(
  collection: FeatureCollection,
  definition: LayerDefinition,
  seenFeatureIds: Map<string, string>,
): LayerFeaturesResult {
  const problems: string[] = [];
  const fileName = definition.file;
  const features = collection.features.map((feature, index) => {
    const properties = { ...(feature.properties ?? {}) } as Record<string, unknown>;
    const label =
      typeof properties.id === 'string' && properties.id !== ''
        ? `features[${index}] (${properties.id})`
        : `features[${index}]`;
    const report = (problem: string) => problems.push(`${fileName}: ${label}: ${problem}`);

    if (typeof properties.id !== 'string' || properties.id.trim() === '') {
      report(`"id" must be non-empty text, found ${describe(properties.id)}`);
    } else if (seenFeatureIds.has(properties.id)) {
      report(`id "${properties.id}" is already used in ${seenFeatureIds.get(properties.id)}`);
    } else {
      seenFeatureIds.set(properties.id, fileName);
    }
    if (properties.layer === undefined) properties.layer = definition.id;
    else if (properties.layer !== definition.id)
      report(`"layer" is ${describe(properties.layer)} but the manifest puts it in "${definition.id}"`);
    for (const key of ['name_zh', 'name_en', 'kind', 'source'] as const) {
      if (typeof properties[key] !== 'string' || (properties[key] as string).trim() === '') {
        report(`"${key}" must be non-empty text, found ${describe(properties[key])}`);
      }
    }
    if (!CONFIDENCE_LEVELS.includes(properties.confidence as Confidence)) {
      report(`"confidence" must be one of ${CONFIDENCE_LEVELS.join(', ')}, found ${describe(properties.confidence)}`);
    }
    const statedKeys = ['stated_area', 'stated_area_unit', 'stated_area_source'] as const;
    const statedPresent = statedKeys.filter((key) => properties[key] !== undefined && properties[key] !== null);
    if (statedPresent.length > 0) {
      if (statedPresent.length < statedKeys.length) {
        report(
          `a stated area needs all of ${statedKeys.join(', ')}; missing ${statedKeys.filter((key) => !statedPresent.includes(key)).join(', ')}`,
        );
      }
      const stated = properties.stated_area;
      if (stated !== undefined && (typeof stated !== 'number' || !Number.isFinite(stated) || stated <= 0)) {
        report(`"stated_area" must be a positive number, found ${describe(stated)}`);
      }
      if (properties.stated_area_unit !== undefined && !isAreaUnit(properties.stated_area_unit)) {
        report(`"stated_area_unit" must be one of m2, ha, km2, mu, found ${describe(properties.stated_area_unit)}`);
      }
    }
    for (const key of ['position_unknown', 'sized_to_stated'] as const) {
      if (properties[key] !== undefined && typeof properties[key] !== 'boolean')
        report(`"${key}" must be true or false, found ${describe(properties[key])}`);
    }
    // A shape sized to a figure that is not there would make the UI call a match "by construction" that never happened.
    if (properties.sized_to_stated === true && statedPresent.length === 0)
      report('"sized_to_stated" is true but the feature has no stated_area');
    for (const key of ['notes_zh', 'notes_en'] as const) {
      if (properties[key] !== undefined && typeof properties[key] !== 'string')
        report(`"${key}" must be text, found ${describe(properties[key])}`);
    }
    const geometry = feature.geometry;
    if (geometry !== null && !GEOMETRY_TYPES_FOR_LAYER[definition.geometry].includes(geometry.type)) {
      report(`geometry is ${geometry.type} but layer "${definition.id}" holds ${definition.geometry}s`);
    }
    return { ...feature, properties: properties as unknown as ZoneFeatureProperties };
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, features: { type: 'FeatureCollection', features } };
}
