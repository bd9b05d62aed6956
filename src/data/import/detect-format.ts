/**
 * Which reader a file needs: by its first bytes when they are telling (zip magic, `<` of XML, `{`
 * of JSON), by its extension otherwise. Content wins over the name, because files are renamed and
 * a `.json` that starts with `PK` is a zip whatever it is called.
 */
import type { ImportFormat } from './import-types.ts';
import { isSqlite } from './geopackage.ts';

export type FormatDetection = { ok: true; format: ImportFormat } | { ok: false; message: string };

/** The format each known extension names; readers of files outside the app (the stats CLI) route by it too. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  geojson: 'geojson',
  json: 'geojson',
  kml: 'kml',
  gpx: 'gpx',
  zip: 'shapefile',
  shz: 'shapefile',
  kmz: 'kmz',
  gpkg: 'geopackage',
  csv: 'csv',
  tsv: 'csv',
  xlsx: 'xlsx',
};

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** The first non-blank characters of the file, past a UTF-8 byte-order mark. */
function leadingText(firstBytes: Uint8Array): string {
  let start = firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf ? 3 : 0;
  while (start < firstBytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(firstBytes[start]!)) start += 1;
  return new TextDecoder('utf-8', { fatal: false }).decode(firstBytes.subarray(start, start + 512));
}

/**
 * @example
 * detectFormat('parcels.json', new TextEncoder().encode('{"type":"FeatureCollection"')) // { ok: true, format: 'geojson' }
 * detectFormat('a.zip', new TextEncoder().encode('hello'))   // { ok: false, message: 'a.zip: … not a zip archive …' }
 */
export function detectFormat(fileName: string, firstBytes: Uint8Array): FormatDetection {
  const extension = extensionOf(fileName);
  const byName = FORMAT_BY_EXTENSION[extension];
  if (firstBytes.length === 0) return { ok: false, message: `${fileName}: the file is empty (文件为空)` };
  const zip = firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && (firstBytes[2] === 0x03 || firstBytes[2] === 0x05);
  if (zip) return { ok: true, format: 'shapefile' };
  if (isSqlite(firstBytes)) return { ok: true, format: 'geopackage' };
  const text = leadingText(firstBytes);
  if (text.startsWith('{') || text.startsWith('[')) return { ok: true, format: 'geojson' };
  if (text.startsWith('<')) {
    if (/<kml[\s>]/i.test(text)) return { ok: true, format: 'kml' };
    if (/<gpx[\s>]/i.test(text)) return { ok: true, format: 'gpx' };
    // The root element can sit below a long comment; the extension then decides.
    if (byName === 'kml' || byName === 'gpx') return { ok: true, format: byName };
    return {
      ok: false,
      message: `${fileName}: an XML file that is neither KML nor GPX (不支持的格式; accepted: GeoJSON, KML, GPX, zipped Shapefile)`,
    };
  }
  if (byName === 'csv') return { ok: true, format: 'csv' };
  if (byName === 'xlsx') {
    return {
      ok: false,
      message: `${fileName}: not a zip archive (it does not start with "PK"), so not an Excel .xlsx workbook; an old .xls must be saved as .xlsx or CSV first (不是 XLSX 文件)`,
    };
  }
  if (byName === 'geopackage') {
    return {
      ok: false,
      message: `${fileName}: not an SQLite database (it does not start with "SQLite format 3"), so not a GeoPackage (不是 GeoPackage 文件)`,
    };
  }
  if (byName === 'kmz') {
    return {
      ok: false,
      message: `${fileName}: not a zip archive (it does not start with the zip signature "PK"), so not a KMZ (不是 KMZ 文件)`,
    };
  }
  if (byName === 'shapefile') {
    return {
      ok: false,
      message: `${fileName}: not a zip archive (it does not start with the zip signature "PK"); a Shapefile must be zipped with its .shp, .dbf and .prj (不是 zip 文件)`,
    };
  }
  if (byName === 'kml' || byName === 'gpx') {
    return {
      ok: false,
      message: `${fileName}: not XML (it does not start with "<"), so not ${byName.toUpperCase()} (文件内容不是 XML)`,
    };
  }
  if (byName === 'geojson') {
    return {
      ok: false,
      message: `${fileName}: not JSON (it does not start with "{" or "["), so not GeoJSON (文件内容不是 JSON)`,
    };
  }
  if (extension === 'shp' || extension === 'dbf' || extension === 'prj' || extension === 'shx') {
    return {
      ok: false,
      message: `${fileName}: a single Shapefile part; zip the .shp, .dbf and .prj together and import the .zip (请将 Shapefile 打包为 zip)`,
    };
  }
  if (extension === 'gdb' || extension === 'gdbtable' || extension === 'gdbtablx') {
    return {
      ok: false,
      message: `${fileName}: part of a File Geodatabase, which no maintained reader opens in a browser (File Geodatabase 需先转换). Convert the whole .gdb folder with GDAL and import the result: ogr2ogr -f GPKG "converted.gpkg" "path/to/folder.gdb"`,
    };
  }
  return {
    ok: false,
    message: `${fileName}: unknown format (未知格式); accepted: GeoJSON (.geojson/.json), KML, KMZ, GPX, zipped Shapefile (.zip), GeoPackage (.gpkg), CSV or XLSX of points`,
  };
}
