/**
 * A zipped Shapefile into a GeoJSON FeatureCollection with `shpjs`, reprojected to WGS84 by its
 * `.prj` (shpjs hands the projection to proj4). The zip's directory is read first: a missing
 * `.shp` is named, a missing `.dbf` or `.prj` becomes a note, and members that declare an absurd
 * size are refused before anything is inflated; members that lie about their size are stopped
 * while inflating (capped-unzip.ts).
 */
import type { FeatureCollection } from 'geojson';
import { parseShp } from 'shpjs';
import type { LocalisedNote } from './import-types.ts';
import { formatMegabytes, MAXIMUM_COMPRESSION_RATIO, MAXIMUM_UNZIPPED_BYTES } from './import-limits.ts';
import { unzipMembers } from './capped-unzip.ts';
import { mapPositions } from './geopackage.ts';
import proj4 from 'proj4';
import { cgcs2000Definition, datumCaveat, gaussKrugerZone, likelyGaussKrugerZone } from './chinese-projections.ts';
import { readDbf } from './dbf.ts';
import type { TextEncoding, TextEncodingUsed } from './text-encodings.ts';
import { readZipDirectory, type ZipMember } from './zip-directory.ts';

export type ShapefileConversion =
  | {
      ok: true;
      collection: FeatureCollection;
      notes: LocalisedNote[];
      projectionName: string | null;
      textEncoding: TextEncodingUsed | null;
    }
  /** `suggestedProjection`: the EPSG code of the Gauss-Krüger zone a .shp without .prj seems to be in. */
  | { ok: false; message: string; suggestedProjection?: number };

const READ_PARTS = ['shp', 'dbf', 'prj', 'cpg'] as const;
type Part = (typeof READ_PARTS)[number];

function partOf(name: string): Part | null {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return (READ_PARTS as readonly string[]).includes(extension) ? (extension as Part) : null;
}

function baseOf(name: string): string {
  return name.slice(0, name.lastIndexOf('.'));
}

/** The coordinate system a `.prj` names: `PROJCS["CGCS2000_3_Degree_GK_CM_105E", …` → that name. */
export function projectionNameOf(prj: string): string | null {
  const match = /^\s*(?:PROJCS|GEOGCS|GEOGCRS|PROJCRS)\s*\[\s*"([^"]*)"/i.exec(prj);
  return match ? match[1]!.trim() || null : null;
}

function isGeographicWgs84(prj: string): boolean {
  return /^\s*GEOGCS/i.test(prj) && /WGS[\s_]*(19)?84/i.test(prj);
}

/** The .shp header's bounding box [xmin, ymin, xmax, ymax], in the file's own units. */
function boundsOfShp(shp: Uint8Array): [number, number, number, number] {
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  return [view.getFloat64(36, true), view.getFloat64(44, true), view.getFloat64(52, true), view.getFloat64(60, true)];
}

/**
 * @example
 * await convertZippedShapefile(bytes, 'parcels.zip')
 * // { ok: true, collection, notes: [{ zh: '已从 CGCS2000 / 3-degree Gauss-Kruger CM 105E 投影转换为 WGS84', en: '…' }], projectionName: '…' }
 */
export async function convertZippedShapefile(
  bytes: Uint8Array,
  fileName: string,
  options: { textEncoding?: TextEncoding | null; projection?: number | null } = {},
): Promise<ShapefileConversion> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return { ok: false, message: `${fileName}: ${directory.problem} (zip 文件损坏)` };
  const members = directory.members.filter((member) => !member.name.includes('__MACOSX') && !member.name.endsWith('/'));
  const shps = members.filter((member) => partOf(member.name) === 'shp');
  if (shps.length === 0) {
    const found =
      members
        .map((member) => member.name)
        .slice(0, 8)
        .join(', ') || 'nothing';
    return {
      ok: false,
      message: `${fileName}: the zip has no .shp file (found: ${found}); a zipped Shapefile needs its .shp, .dbf and .prj (缺少 .shp)`,
    };
  }
  const chosen = shps[0]!;
  const base = baseOf(chosen.name).toLowerCase();
  const parts = new Map<Part, ZipMember>();
  for (const member of members) {
    const part = partOf(member.name);
    if (part && baseOf(member.name).toLowerCase() === base && !parts.has(part)) parts.set(part, member);
  }
  const read = [...parts.values()];
  const unzippedBytes = read.reduce((sum, member) => sum + member.uncompressedBytes, 0);
  if (unzippedBytes > MAXIMUM_UNZIPPED_BYTES) {
    return {
      ok: false,
      message: `${fileName}: its Shapefile would unzip to ${formatMegabytes(unzippedBytes)}, more than the ${formatMegabytes(MAXIMUM_UNZIPPED_BYTES)} a browser tab can import (解压后过大)`,
    };
  }
  const bomb = read.find(
    (member) =>
      member.uncompressedBytes > 1024 * 1024 &&
      member.uncompressedBytes > member.compressedBytes * MAXIMUM_COMPRESSION_RATIO,
  );
  if (bomb) {
    return {
      ok: false,
      message: `${fileName}: ${bomb.name} would inflate ${Math.round(bomb.uncompressedBytes / Math.max(1, bomb.compressedBytes))} times (to ${formatMegabytes(bomb.uncompressedBytes)}); refused as a likely zip bomb (疑似 zip 炸弹)`,
    };
  }

  // The sizes above are the directory's claims; unzipMembers caps the bytes actually inflated.
  const unzipped = unzipMembers(bytes, read, MAXIMUM_UNZIPPED_BYTES);
  if (!unzipped.ok) return { ok: false, message: `${fileName}: ${unzipped.problem}` };
  const contents = new Map<Part, Uint8Array>();
  for (const [part, member] of parts) contents.set(part, unzipped.contents.get(member)!);
  const shp = contents.get('shp');
  if (!shp) return { ok: false, message: `${fileName}: ${chosen.name} could not be read from the zip (zip 文件损坏)` };

  const notes: LocalisedNote[] = [];
  const text = (part: Part) => {
    const value = contents.get(part);
    return value ? new TextDecoder('utf-8').decode(value) : null;
  };
  const prj = text('prj');
  const projectionName = prj ? projectionNameOf(prj) : null;
  const chosenProjection = !prj && options.projection ? cgcs2000Definition(options.projection) : null;
  if (chosenProjection) {
    const zone = gaussKrugerZone(options.projection!);
    const name = zone?.name ?? 'CGCS2000';
    notes.push({
      zh: `压缩包中没有 .prj：按所选的 ${name}（EPSG:${options.projection}）读取，基准按 CGCS2000 假定；若实为西安 80 或北京 54，位置可能偏差数十米。`,
      en: `The zip has no .prj: read as ${name} (EPSG:${options.projection}), as chosen, assuming the CGCS2000 datum; on Xian 1980 or Beijing 1954 positions would be tens of metres off.`,
    });
  } else if (!prj) {
    const zone = shp.length >= 68 ? likelyGaussKrugerZone(boundsOfShp(shp)) : null;
    if (zone) {
      const guess = zone.zoneInEasting
        ? `zone ${Math.floor(boundsOfShp(shp)[0] / 1e6)} in the false easting`
        : `no zone number in the false easting, so the central meridian is a guess from where 泸州 lies`;
      return {
        ok: false,
        message:
          `${fileName}: the zip has no ${baseOf(chosen.name)}.prj and its coordinates are metres, not degrees; they look like Gauss-Krüger (${guess}): ` +
          `probably ${zone.name} (EPSG:${zone.epsg}, central meridian ${zone.centralMeridian}°E), though the datum (CGCS2000, Xian 1980 or Beijing 1954) cannot be told from coordinates. ` +
          `Read it as that zone (button below), or give it its .prj and import again: ogr2ogr -a_srs EPSG:${zone.epsg} -lco ENCODING=UTF-8 "with-prj.shp" "${chosen.name.split('/').pop()}" (缺少 .prj，疑似高斯-克吕格投影)`,
        suggestedProjection: zone.epsg,
      };
    }
    notes.push({
      zh: `压缩包中没有 ${baseOf(chosen.name)}.prj：坐标按 WGS84 经纬度读取。`,
      en: `The zip has no ${baseOf(chosen.name)}.prj: coordinates were read as WGS84 longitude/latitude.`,
    });
  } else if (!isGeographicWgs84(prj)) {
    const name = projectionName ?? 'the .prj projection';
    notes.push({ zh: `已按 .prj 从 ${name} 转换为 WGS84。`, en: `Reprojected from ${name} (its .prj) to WGS84.` });
    const caveat = datumCaveat(prj);
    if (caveat) notes.push(caveat);
  }
  if (!contents.has('dbf')) {
    notes.push({
      zh: `压缩包中没有 ${baseOf(chosen.name)}.dbf：要素没有属性。`,
      en: `The zip has no ${baseOf(chosen.name)}.dbf: the features have no properties.`,
    });
  }
  if (shps.length > 1) {
    notes.push({
      zh: `压缩包含 ${shps.length} 个图层，只导入了 ${chosen.name}。`,
      en: `The zip holds ${shps.length} layers; only ${chosen.name} was imported.`,
    });
  }

  let textEncoding: TextEncodingUsed | null = null;
  let records: Record<string, unknown>[] = [];
  const dbf = contents.get('dbf');
  if (dbf) {
    const table = readDbf(dbf, { cpg: text('cpg'), chosen: options.textEncoding ?? null });
    if (!table.ok)
      return { ok: false, message: `${fileName}: ${parts.get('dbf')!.name} ${table.problem} (属性表无法读取)` };
    records = table.records;
    textEncoding = table.encoding;
    notes.push(...table.notes);
  }

  let collection: FeatureCollection;
  try {
    const view = (value: Uint8Array) => new DataView(value.buffer, value.byteOffset, value.byteLength);
    let geometries = parseShp(view(shp), prj ?? undefined) as FeatureCollection['features'][number]['geometry'][];
    if (chosenProjection) {
      const converter = proj4(chosenProjection, 'EPSG:4326');
      geometries = geometries.map((geometry) =>
        geometry ? mapPositions(geometry, (position) => converter.forward([position[0]!, position[1]!])) : geometry,
      );
    }
    collection = {
      type: 'FeatureCollection',
      features: geometries.map(
        (geometry, index) =>
          ({
            type: 'Feature',
            geometry: geometry ?? null,
            properties: records[index] ?? {},
          }) as FeatureCollection['features'][number],
      ),
    };
  } catch (error) {
    return {
      ok: false,
      message: `${fileName}: ${chosen.name} could not be read as a Shapefile (${error instanceof Error ? error.message : String(error)}) (Shapefile 无法读取)`,
    };
  }
  return { ok: true, collection, notes, projectionName, textEncoding };
}
