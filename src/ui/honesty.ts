/**
 * What the panels need to know to keep our own choices from passing as evidence: which green land
 * has no known position, and whether the zone outline was built to its stated area. Read from the
 * dataset's flags (`position_unknown`, `sized_to_stated`), never guessed from confidence.
 */
import type { Dataset, ZoneFeatureProperties } from '../data/dataset-types.ts';

function propertiesWhere(
  dataset: Dataset,
  layerMatches: (layer: Dataset['layers'][number]['definition']) => boolean,
): ZoneFeatureProperties[] {
  return dataset.layers
    .filter((layer) => layerMatches(layer.definition))
    .flatMap((layer) => layer.features.features.map((feature) => feature.properties));
}

/** Names of green features whose position no source gives; the zone-wide ratio counts them. */
export function unknownPositionGreenNames(dataset: Dataset, language: 'zh' | 'en'): string[] {
  return propertiesWhere(dataset, (definition) => definition.green)
    .filter((properties) => properties.position_unknown === true)
    .map((properties) => (language === 'zh' ? properties.name_zh : properties.name_en));
}

/**
 * True when every zone outline was sized to its stated area: then measured and stated agree by
 * construction and their difference says nothing. False for an authoritative outline.
 */
export function zoneSizedToStated(dataset: Dataset): boolean {
  const zones = propertiesWhere(dataset, (definition) => definition.role === 'zone');
  return zones.length > 0 && zones.every((properties) => properties.sized_to_stated === true);
}

/** Joins names the way each language lists them. */
export function listNames(names: readonly string[], language: 'zh' | 'en'): string {
  return names.join(language === 'zh' ? '、' : ', ');
}
