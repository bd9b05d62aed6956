/**
 * `stats FILE [--by PROP]` over a stream: the same `CollectionMeasurement` as `measureCollection` on
 * the whole file, built one feature at a time so memory is bounded by the groups, not the file.
 * Each feature goes through `measureCollection` itself and the sums are taken in file order, so the
 * numbers are the in-memory ones to the last bit.
 */
import type { FeatureCollection } from 'geojson';
import {
  COLLECTION_AREA_METHOD,
  type AreaGroup,
  type CollectionMeasurement,
  measureCollection,
} from '../../src/analysis/measure-collection.ts';
import { type CoordinateSystem, toWgs84 } from '../../src/data/coordinate-systems.ts';
import { streamGeoJsonFeatures } from '../../src/data/stream-geojson.ts';

export type StreamMeasurementResult = { ok: true; measurement: CollectionMeasurement } | { ok: false; message: string };

export interface StreamMeasurementOptions {
  by?: string;
  from?: CoordinateSystem;
  /** Called after each chunk with the bytes and features read so far (progress). */
  onProgress?: (bytesRead: number, featuresRead: number) => void;
}

export async function measureStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  fileName: string,
  options: StreamMeasurementOptions = {},
): Promise<StreamMeasurementResult> {
  const { by, from = 'wgs84' } = options;
  const skipped = { points: 0, lines: 0, nullGeometries: 0 };
  const groups = new Map<string | null, AreaGroup>();
  let totalAreaM2 = 0;
  let measuredCount = 0;
  let featureCount = 0;
  const single: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const result = await streamGeoJsonFeatures(
    chunks,
    fileName,
    (feature) => {
      single.features[0] = feature;
      const measured = measureCollection(toWgs84(single, from), by === undefined ? {} : { by });
      featureCount += 1;
      skipped.points += measured.skipped.points;
      skipped.lines += measured.skipped.lines;
      skipped.nullGeometries += measured.skipped.nullGeometries;
      if (measured.measuredCount === 0) return;
      totalAreaM2 += measured.totalAreaM2;
      measuredCount += 1;
      const own = measured.groups?.[0];
      if (own === undefined) return;
      const group = groups.get(own.key);
      if (group === undefined) groups.set(own.key, own);
      else {
        group.areaM2 += own.areaM2;
        group.count += 1;
      }
    },
    { onBytes: (bytesRead) => options.onProgress?.(bytesRead, featureCount) },
  );
  if (!result.ok) return { ok: false, message: result.message };
  const measurement: CollectionMeasurement = {
    totalAreaM2,
    featureCount,
    measuredCount,
    skipped,
    method: COLLECTION_AREA_METHOD,
  };
  // measureCollection's order: largest area first, ties by key; Map order (first seen) breaks the rest.
  if (by !== undefined)
    measurement.groups = [...groups.values()].sort(
      (first, second) => second.areaM2 - first.areaM2 || String(first.key).localeCompare(String(second.key)),
    );
  return { ok: true, measurement };
}
