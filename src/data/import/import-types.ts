/**
 * What an import produces and how it fails, as plain data: the worker computes these, the store
 * and the panels only show them. Shared by src/data/import (pure), the import worker and the store.
 * The measured summary (ImportSummary) is src/analysis/import-and-measure.ts's: measuring is above data.
 */
import type { CoordinateSystem } from '../coordinate-systems.ts';
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

/** Everything about an imported file except its features and its measurement. */
export interface ReadSummary {
  fileName: string;
  format: ImportFormat;
  coordinateSystem: CoordinateSystem;
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

/** `suggestedProjection`: a Gauss-Krüger zone to offer reading the file in (a Shapefile in metres without .prj). */
export interface ImportFailure {
  ok: false;
  message: string;
  suggestedProjection?: number;
}
