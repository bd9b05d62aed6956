/** Messages between the page and the land-use class worker (types only: nothing of it is bundled). */
import type { LandUseClassStatistics } from '../analysis/land-use-classes.ts';
import type { ColumnDetection } from '../analysis/land-use-standard-detection.ts';
import type { ClassificationStandardId } from '../data/classification/classification-types.ts';

export type LandUseClassTask =
  | { kind: 'detect'; fields: readonly string[] }
  | { kind: 'classify'; field: string; level: 1 | 2; standard: ClassificationStandardId };

export interface LandUseClassRequest {
  requestId: number;
  /** Which layer version the blob is (layer id and its data URL): the worker keeps the last one parsed. */
  dataKey: string;
  /** The layer's GeoJSON, as the import worker exports it. */
  data: Blob;
  task: LandUseClassTask;
}

export type LandUseClassReply =
  | { requestId: number; ok: true; kind: 'detect'; columns: ColumnDetection[] }
  | { requestId: number; ok: true; kind: 'classify'; statistics: LandUseClassStatistics }
  | { requestId: number; ok: false; reason: string };
