/**
 * What a zip holds, from its directory alone: a Shapefile, a KMZ (zipped KML, what 奥维互动地图,
 * Google Earth and most field apps export), or a File Geodatabase folder (三调 deliveries), which
 * no maintained reader opens in a browser and is refused with the command that converts it. KMZ's
 * KML is inflated through the same byte-capped unzip as a Shapefile's parts.
 */
import type { FeatureCollection } from 'geojson';
import { unzipMember } from './capped-unzip.ts';
import { MAXIMUM_UNZIPPED_BYTES } from './import-limits.ts';
import type { LocalisedNote } from './import-types.ts';
import { convertXml } from './xml-formats.ts';
import type { ZipMember } from './zip-directory.ts';

export type ZipContents =
  | { kind: 'shapefile' }
  | { kind: 'kmz'; kml: ZipMember; otherKml: number }
  | { kind: 'file-geodatabase'; folder: string }
  | { kind: 'xlsx' };

const extensionOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

/** @example zipContentsOf([{ name: 'doc.kml', … }, { name: 'files/icon.png', … }]) // { kind: 'kmz', kml: …, otherKml: 0 } */
export function zipContentsOf(members: readonly ZipMember[]): ZipContents {
  const files = members.filter((member) => !member.name.includes('__MACOSX') && !member.name.endsWith('/'));
  if (files.some((member) => extensionOf(member.name) === 'shp')) return { kind: 'shapefile' };
  const geodatabase = members
    .map((member) => /^(.*?\.gdb)\//i.exec(member.name)?.[1])
    .find((folder) => folder !== undefined);
  if (geodatabase) return { kind: 'file-geodatabase', folder: geodatabase };
  if (files.some((member) => member.name === 'xl/workbook.xml')) return { kind: 'xlsx' };
  const kmls = files.filter((member) => extensionOf(member.name) === 'kml');
  if (kmls.length > 0) {
    // Google Earth's convention: the root doc.kml is the document; otherwise the first KML at the shallowest level.
    const depth = (member: ZipMember) => member.name.split('/').length;
    const chosen =
      kmls.find((member) => member.name.toLowerCase() === 'doc.kml') ??
      [...kmls].sort((first, second) => depth(first) - depth(second))[0]!;
    return { kind: 'kmz', kml: chosen, otherKml: kmls.length - 1 };
  }
  return { kind: 'shapefile' };
}

/**
 * The refusal for a zipped File Geodatabase, with the GDAL command that converts it as it is,
 * still zipped (GDAL reads inside zips through /vsizip/).
 */
export function fileGeodatabaseRefusal(fileName: string, folder: string): string {
  const base =
    folder
      .replace(/\.gdb$/i, '')
      .split('/')
      .pop() || 'converted';
  const quote = (text: string) => `"${text.replace(/(["\\$`])/g, '\\$1')}"`;
  const source = quote(`/vsizip/${fileName}/${folder}`);
  return (
    `${fileName}: holds a File Geodatabase (${folder}), which no maintained reader opens in a browser (File Geodatabase 需先转换). ` +
    `Convert it with GDAL (QGIS's OSGeo4W shell or gdal-bin) and import the result: ` +
    `ogr2ogr -f GPKG ${quote(`${base}.gpkg`)} ${source} ` +
    `or, one Shapefile per layer to zip and import: ogr2ogr -f "ESRI Shapefile" -lco ENCODING=UTF-8 ${quote(`${base}_shp`)} ${source}`
  );
}

export type KmzConversion =
  | { ok: true; collection: FeatureCollection; notes: LocalisedNote[] }
  | { ok: false; message: string };

export function convertKmz(
  bytes: Uint8Array,
  fileName: string,
  contents: Extract<ZipContents, { kind: 'kmz' }>,
): KmzConversion {
  const unzipped = unzipMember(bytes, contents.kml, MAXIMUM_UNZIPPED_BYTES);
  if (!unzipped.ok) return { ok: false, message: `${fileName}: ${unzipped.problem}` };
  const converted = convertXml(
    new TextDecoder('utf-8').decode(unzipped.bytes),
    `${fileName} › ${contents.kml.name}`,
    'kml',
  );
  if (!converted.ok) return converted;
  const notes: LocalisedNote[] = [
    { zh: `KMZ：读取了其中的 ${contents.kml.name}。`, en: `KMZ: read ${contents.kml.name} inside it.` },
  ];
  if (contents.otherKml > 0) {
    notes.push({
      zh: `压缩包中另有 ${contents.otherKml} 个 KML 未读取。`,
      en: `The KMZ holds ${contents.otherKml} other KML file(s), not read.`,
    });
  }
  if (converted.collection.features.some((feature) => feature.properties && 'folder' in feature.properties)) {
    notes.push({
      zh: 'KML 的文件夹记在属性 folder 中，可按它分组统计。',
      en: 'The KML folders are kept in the property "folder", to group by.',
    });
  }
  return { ok: true, collection: converted.collection, notes };
}
