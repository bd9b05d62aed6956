/**
 * STUB (contract) — owned by the import helper, who replaces the bodies. Everything about a
 * planner's own files below the UI: the import job, its progress and failure, the imported
 * layers (metadata only: features stay in the import worker and IndexedDB), and their statistics.
 */
import { signal } from '@preact/signals';
import type { CoordinateSystem } from '../data/coordinate-systems.ts';
import type { CollectionMeasurement } from '../analysis/measure-collection.ts';
import type { LandUseSource, LandUseTable } from '../analysis/land-use-types.ts';
import type { Dataset } from '../data/dataset-types.ts';

export type ImportFormat = 'geojson' | 'kml' | 'gpx' | 'shapefile';

export interface CoordinateSystemSuggestion {
  coordinateSystem: Exclude<CoordinateSystem, 'wgs84'>;
  /** Median distance of the file's vertices to the district boundaries as read, and after converting. */
  medianOffsetBeforeM: number;
  medianOffsetAfterM: number;
}

export interface ImportedLayer {
  id: string;
  fileName: string;
  format: ImportFormat;
  /** The system the file's coordinates were converted from (wgs84: taken as they are). */
  coordinateSystem: CoordinateSystem;
  importedAt: string;
  measurement: CollectionMeasurement;
  totalLengthM: number;
  bbox: [number, number, number, number] | null;
  /** Property names found on the features, most common first: what the planner can group by. */
  propertyNames: string[];
  /** Things the planner should know (null geometries skipped, .prj reprojected from …), zh and en. */
  notes: { zh: string; en: string }[];
  coordinateSystemSuggestion: CoordinateSystemSuggestion | null;
  /** `blob:` URL of the normalised WGS84 GeoJSON, for the map source. */
  dataUrl: string;
  /** Measured area (m²) of feature i, in the order the map source numbers them (generateId). */
  featureAreasM2: Float64Array;
  visible: boolean;
}

export type ImportStage = 'reading' | 'parsing' | 'validating' | 'converting' | 'measuring' | 'storing';

export interface ImportJob {
  fileName: string;
  stage: ImportStage;
  /** 0…1 over the whole import. */
  fraction: number;
}

export interface ImportFailure {
  fileName: string;
  /** One line naming the file, the problem and where (line/column or JSON path) when known. */
  message: string;
}

export const importedLayers = signal<readonly ImportedLayer[]>([]);
export const importJob = signal<ImportJob | null>(null);
export const importFailure = signal<ImportFailure | null>(null);

/** Once, after the dataset is ready: starts the worker lazily and restores stored layers. */
export async function connectImportedLayers(_dataset: Dataset): Promise<void> {}
export async function importFiles(_files: readonly File[], _coordinateSystem: CoordinateSystem = 'wgs84'): Promise<void> {}
export function cancelImport(): void {}
export async function reinterpretLayer(_layerId: string, _coordinateSystem: CoordinateSystem): Promise<void> {}
export function setImportedLayerVisible(_layerId: string, _visible: boolean): void {}
export async function removeImportedLayer(_layerId: string): Promise<void> {}
export async function clearImportedLayers(): Promise<void> {}
/** For the zone's own layers or an imported layer, computed off the main thread. */
export async function landUseTableOf(_source: Exclude<LandUseSource, { kind: 'drawn' }>, _groupBy: string): Promise<LandUseTable> {
  throw new Error('not built yet');
}
/** The layer's features as GeoJSON with measured_area_m2 / measured_length_m on each. */
export async function exportImportedLayer(_layerId: string): Promise<Blob> {
  throw new Error('not built yet');
}
