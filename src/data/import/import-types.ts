/**
 * What an import produces and how it fails, as plain data: the worker computes these, the store
 * and the panels only show them. Shared by src/data/import (pure), the import worker and the store.
 */
import type { CoordinateSystem } from '../coordinate-systems.ts';
import type { CollectionMeasurement } from '../../analysis/measure-collection.ts';
import type { TextEncodingUsed } from './text-encodings.ts';

export type ImportFormat = 'geojson' | 'kml' | 'gpx' | 'shapefile' | 'kmz' | 'geopackage' | 'csv' | 'xlsx';

export interface LocalisedNote {
  zh: string;
  en: string;
}

export interface CoordinateSystemSuggestion {
  coordinateSystem: Exclude<CoordinateSystem, 'wgs84'>;
  /** Median distance of the file's vertices to the district boundaries as read, and after converting. */
  medianOffsetBeforeM: number;
  medianOffsetAfterM: number;
}

/** Everything about an imported file except its features, small enough to post to the page. */
export interface ImportSummary {
  fileName: string;
  format: ImportFormat;
  coordinateSystem: CoordinateSystem;
  measurement: CollectionMeasurement;
  totalLengthM: number;
  bbox: [number, number, number, number] | null;
  propertyNames: string[];
  notes: LocalisedNote[];
  coordinateSystemSuggestion: CoordinateSystemSuggestion | null;
  /** The encoding a Shapefile's attribute table was read in, and why; null for formats that are always Unicode. */
  textEncoding: TextEncodingUsed | null;
  /** A GeoPackage's feature tables and the one read; null for other formats. */
  geoPackageTables: { tables: string[]; table: string } | null;
  /** A point table's headers and the coordinate columns read; null for other formats. */
  pointColumns: { headers: string[]; longitude: string; latitude: string } | null;
}

export interface ImportProblem {
  /** One line naming the file, the problem and where, when known. */
  message: string;
}
