/**
 * Stated-vs-measured audit: every feature that carries a published area, beside what its drawn
 * shape measures. A large difference on an approximate (non-`high`) shape says the drawing is
 * rough, not that the publication is wrong; the `approximate` flag travels with each row so the
 * reader can tell.
 */
import type { Dataset } from '../data/dataset-types.ts';
import { measureFeature } from './zone-statistics.ts';

export interface StatedAreaAuditRow {
  id: string;
  layer: string;
  name: string;
  nameEn: string;
  /** As published, in its own unit. */
  statedValue: number;
  statedUnit: string;
  statedSource: string;
  statedAreaM2: number;
  /** Null when the feature has no polygon to measure (a point, or position unknown). */
  measuredAreaM2: number | null;
  differenceM2: number | null;
  /** measured / stated − 1. */
  differenceRatio: number | null;
  confidence: string;
  approximate: boolean;
}

export function auditStatedAreas(dataset: Dataset): StatedAreaAuditRow[] {
  return dataset.layers.flatMap((layer) =>
    layer.features.features.flatMap((feature) => {
      const measurement = measureFeature(feature);
      const properties = feature.properties;
      if (measurement.statedAreaM2 === null) return [];
      return [
        {
          id: measurement.id,
          layer: measurement.layer,
          name: measurement.name,
          nameEn: measurement.nameEn,
          statedValue: properties.stated_area!,
          statedUnit: properties.stated_area_unit!,
          statedSource: properties.stated_area_source ?? '',
          statedAreaM2: measurement.statedAreaM2,
          measuredAreaM2: measurement.areaM2,
          differenceM2: measurement.areaM2 === null ? null : measurement.areaM2 - measurement.statedAreaM2,
          differenceRatio: measurement.statedDifferenceRatio,
          confidence: measurement.confidence,
          approximate: measurement.approximate,
        },
      ];
    }),
  );
}
