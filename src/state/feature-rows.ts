/**
 * The dataset as a flat table: the view used when there is no map to draw (no WebGL, or a lost
 * context), so everything the map would show can still be read and searched.
 */
import type { AreaUnit, Confidence, Dataset, LocalizedText } from '../data/dataset-types.ts';
import type { ZoneStatistics } from '../analysis/zone-statistics.ts';
import type { FeatureReference } from './feature-reference.ts';

export interface FeatureRow {
  reference: FeatureReference;
  name: LocalizedText;
  kind: string;
  layerTitle: LocalizedText;
  /** Measured on the WGS84 ellipsoid; null for points and lines. */
  areaM2: number | null;
  stated: { value: number; unit: AreaUnit; source: string } | null;
  statedDifferenceRatio: number | null;
  source: string;
  confidence: Confidence;
}

export function featureRows(dataset: Dataset, statistics: ZoneStatistics | null): FeatureRow[] {
  const measurements = new Map((statistics?.features ?? []).map((measurement) => [measurement.id, measurement]));
  return dataset.layers.flatMap(({ definition, features }) =>
    features.features.map((feature): FeatureRow => {
      const properties = feature.properties;
      const measurement = measurements.get(properties.id);
      const hasStated = typeof properties.stated_area === 'number' && properties.stated_area_unit !== undefined;
      return {
        reference: { layerId: definition.id, featureId: properties.id },
        name: { zh: properties.name_zh, en: properties.name_en },
        kind: properties.kind,
        layerTitle: definition.title,
        areaM2: measurement?.areaM2 ?? null,
        stated: hasStated
          ? {
              value: properties.stated_area!,
              unit: properties.stated_area_unit!,
              source: properties.stated_area_source ?? '',
            }
          : null,
        statedDifferenceRatio: measurement?.statedDifferenceRatio ?? null,
        source: properties.source,
        confidence: properties.confidence,
      };
    }),
  );
}

/**
 * Rows whose names, kind (as code or as shown), layer or source contain every word of the query,
 * ignoring case. An empty query keeps every row.
 */
export function filterFeatureRows(
  rows: readonly FeatureRow[],
  query: string,
  kindLabel: (kind: string) => string = (kind) => kind,
): FeatureRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const haystack = [
      row.name.zh,
      row.name.en,
      row.kind,
      kindLabel(row.kind),
      row.layerTitle.zh,
      row.layerTitle.en,
      row.source,
    ]
      .join('\n')
      .toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
