/** Which reader a file gets: its first bytes decide, the extension only where they do not. */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/data/import/detect-format.ts';

const text = (value: string) => new TextEncoder().encode(value);

describe('detectFormat', () => {
  it('knows zip by its magic bytes whatever the name', () => {
    expect(detectFormat('parcels.json', new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toEqual({
      ok: true,
      format: 'shapefile',
    });
  });

  it('knows JSON by its first character, past a BOM and blanks', () => {
    expect(detectFormat('data.txt', text('\uFEFF  \n{"type":"Point"'))).toEqual({ ok: true, format: 'geojson' });
  });

  it('tells KML from GPX by the root element, whatever the extension', () => {
    expect(detectFormat('a.xml', text('<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'))).toEqual({
      ok: true,
      format: 'kml',
    });
    expect(detectFormat('a.kml', text('<?xml version="1.0"?><gpx version="1.1">'))).toEqual({
      ok: true,
      format: 'gpx',
    });
  });

  it('names the problem for a lone .shp, a text .zip and an unknown format', () => {
    expect(detectFormat('parcels.shp', new Uint8Array([0, 0, 0x27, 0x0a]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^parcels\.shp: a single Shapefile part; zip/),
    });
    expect(detectFormat('a.zip', text('hello'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^a\.zip: not a zip archive/),
    });
    expect(detectFormat('a.dwg', text('AC1032'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^a\.dwg: unknown format/),
    });
    expect(detectFormat('a.geojson', new Uint8Array())).toMatchObject({
      ok: false,
      message: 'a.geojson: the file is empty (文件为空)',
    });
  });

  it('knows the formats Chinese GIS files come in: GeoPackage by its SQLite header, CSV by name, and names the fix for the rest', () => {
    expect(detectFormat('plan.bin', text('SQLite format 3\u0000'))).toEqual({ ok: true, format: 'geopackage' });
    expect(detectFormat('plan.gpkg', text('hello'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^plan\.gpkg: not an SQLite database/),
    });
    expect(detectFormat('places.csv', text('名称,经度,纬度'))).toEqual({ ok: true, format: 'csv' });
    expect(detectFormat('field.kmz', text('hello'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/so not a KMZ/),
    });
    expect(detectFormat('old.xlsx', text('hello'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not an Excel \.xlsx workbook/),
    });
    expect(detectFormat('a00000009.gdbtable', new Uint8Array([3, 0, 0, 0]))).toMatchObject({
      ok: false,
      message: expect.stringContaining('ogr2ogr -f GPKG'),
    });
  });
});
