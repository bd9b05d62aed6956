/**
 * A planner's file imported and measured: src/data/import reads, validates and converts it, then
 * measureCollection measures it. Composed here, one level above data, so that parsing stays in
 * src/data and measuring in src/analysis (issue 13): the import worker and the stats CLI both call
 * `importBytes`. Pure, runs in node. Never throws for a bad file.
 */
import type { FeatureCollection } from 'geojson';
import { type ImportInput, lineLengthOf, readImportedFile } from '../data/import/import-file.ts';
import type { ImportFailure, LocalisedNote, ReadSummary } from '../data/import/import-types.ts';
import { type CollectionMeasurement, measureCollection, type SkippedGeometries } from './measure-collection.ts';

/** Everything about an imported file except its features, small enough to post to the page. */
export interface ImportSummary extends ReadSummary {
  measurement: CollectionMeasurement;
  totalLengthM: number;
}

export type ImportOutcome =
  | {
      ok: true;
      summary: ImportSummary;
      /** WGS84, validated: what statistics and export read. */
      collection: FeatureCollection;
      featureAreasM2: Float64Array;
      /** The GeoJSON for the map; null when the file's own bytes already are it (WGS84 GeoJSON without a BOM). */
      geoJsonText: string | null;
    }
  | ImportFailure;

/** Why some features have no area, in both languages; none when every feature is a polygon. */
function skippedNotes(skipped: SkippedGeometries): LocalisedNote[] {
  const notes: LocalisedNote[] = [];
  if (skipped.nullGeometries > 0) {
    notes.push({
      zh: `${skipped.nullGeometries} 个要素没有几何（位置未知），未显示、未计面积。`,
      en: `${skipped.nullGeometries} feature(s) have no geometry (position unknown): not drawn, no area.`,
    });
  }
  if (skipped.points + skipped.lines > 0) {
    const zh = [skipped.points > 0 ? `${skipped.points} 个点` : '', skipped.lines > 0 ? `${skipped.lines} 条线` : '']
      .filter(Boolean)
      .join('、');
    const en = [
      skipped.points > 0 ? `${skipped.points} point geometr${skipped.points === 1 ? 'y' : 'ies'}` : '',
      skipped.lines > 0 ? `${skipped.lines} line geometr${skipped.lines === 1 ? 'y' : 'ies'}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    notes.push({
      zh: `${zh}没有面积，只计数${skipped.lines > 0 ? '（线长见导出）' : ''}。`,
      en: `${en}: no area, only counted${skipped.lines > 0 ? ' (line lengths are in the export)' : ''}.`,
    });
  }
  return notes;
}

/**
 * @example
 * const outcome = await importBytes({ bytes, fileName: 'parcels.geojson', coordinateSystem: 'wgs84', boundaries });
 * if (outcome.ok) outcome.summary.measurement.totalAreaM2; else outcome.message;
 */
export async function importBytes(input: ImportInput): Promise<ImportOutcome> {
  const read = await readImportedFile(input);
  if (!read.ok) return read;
  const { collection } = read;

  input.onStep?.('measuring');
  // One pass of the area code: the same measureCollection the stats CLI runs, which also hands back each feature's area.
  const featureAreasM2 = new Float64Array(collection.features.length);
  const measurement = measureCollection(collection, { featureAreasM2 });
  // Holes are subtracted from the outer ring: holes larger than it (rings out of order, a hole
  // outside its polygon) gave a negative area that silently lowered every total (found by the fuzzer, issue 12).
  const negative = featureAreasM2.findIndex((areaM2) => areaM2 < 0);
  if (negative >= 0) {
    return {
      ok: false,
      message: `${input.fileName}: a polygon's holes cover more than its outer ring at features[${negative}] (is a hole listed first? the outer ring must come first) (内环大于外环)`,
    };
  }
  const totalLengthM = collection.features.reduce((sum, feature) => sum + lineLengthOf(feature.geometry), 0);
  const summary: ImportSummary = {
    ...read.summary,
    measurement,
    totalLengthM,
    notes: [...read.summary.notes, ...skippedNotes(measurement.skipped)],
  };
  return { ok: true, summary, collection, featureAreasM2, geoJsonText: read.geoJsonText };
}
