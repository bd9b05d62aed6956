/**
 * Messages between the page and `import.worker.ts`. Only small things cross: summaries, tables,
 * Blobs (passed by reference) and the per-feature areas (a transferred Float64Array). Features
 * never do: they stay in the worker, which keeps them cached and reloads them from IndexedDB.
 */
import type { FeatureCollection } from 'geojson';
import type { LandUseSource, LandUseTable } from '../analysis/land-use-types.ts';
import type { CoordinateSystem } from '../data/coordinate-systems.ts';
import type { Dataset } from '../data/dataset-types.ts';
import type { ImportSummary } from '../analysis/import-and-measure.ts';
import type { TextEncoding } from '../data/import/text-encodings.ts';
import type { StoredImportedLayer } from '../data/storage/imported-layers-persistence.ts';

export type ImportStage = 'reading' | 'parsing' | 'validating' | 'converting' | 'measuring' | 'storing';

/** Where each stage starts on the job's 0…1 progress bar; reading is by bytes, the rest by step. */
export const STAGE_START: Record<ImportStage, number> = {
  reading: 0,
  parsing: 0.35,
  validating: 0.6,
  converting: 0.7,
  measuring: 0.75,
  storing: 0.92,
};

/** A stored layer's record without its file: what the page and the worker tell each other about it. */
export type LayerRecordFields = Omit<StoredImportedLayer, 'file'>;

export type ImportRequest =
  /** Once per worker: what the coordinate-system check and the land-use tables need. */
  | { type: 'connect'; districts: FeatureCollection | null; dataset: Dataset | null }
  /** A new file: read, import, store. */
  | { type: 'import'; jobId: number; file: Blob; record: LayerRecordFields }
  /** A stored layer again (after a reload, or read in another coordinate system or text encoding). */
  | {
      type: 'restore';
      jobId: number;
      layerId: string;
      coordinateSystem?: CoordinateSystem;
      textEncoding?: TextEncoding;
      table?: string;
      pointColumns?: { longitude: string; latitude: string };
    }
  | { type: 'land-use-table'; jobId: number; source: Exclude<LandUseSource, { kind: 'drawn' }>; groupBy: string }
  | { type: 'export'; jobId: number; layerId: string }
  | { type: 'forget'; layerId: string };

export interface ImportedLayerReply {
  record: LayerRecordFields;
  summary: ImportSummary;
  /** The normalised WGS84 GeoJSON for the map (the original file when it already is that). */
  data: Blob;
  featureAreasM2: Float64Array;
}

export type ImportReply =
  | { type: 'progress'; jobId: number; stage: ImportStage; fraction: number }
  | { type: 'imported'; jobId: number; layer: ImportedLayerReply }
  | { type: 'table'; jobId: number; table: LandUseTable }
  | { type: 'exported'; jobId: number; data: Blob }
  /** `suggestedProjection`: an EPSG code the file could be read in (a Shapefile in metres without .prj). */
  | { type: 'failed'; jobId: number; message: string; suggestedProjection?: number };
