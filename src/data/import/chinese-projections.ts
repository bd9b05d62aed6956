/**
 * The projections Chinese planning data comes in, as proj4 definitions keyed by EPSG code: CGCS2000
 * (EPSG:4490) and its Gauss-Krüger zones, 3° (EPSG:4513–4533 with the zone number in the false
 * easting, 4534–4554 without) and 6° (4491–4501 with, 4502–4512 without). Generated from the zone
 * arithmetic rather than listed; tests check them against files GDAL projected.
 *
 * Also: which zone a Shapefile without a `.prj` is probably in, from its coordinates, and whether a
 * `.prj`'s datum is one (Xian 1980, Beijing 1954) whose shift to WGS84 a file rarely states.
 */

export interface GaussKrugerZone {
  epsg: number;
  name: string;
  centralMeridian: number;
  /** 3 or 6 degrees wide. */
  width: 3 | 6;
  /** Whether the zone number leads the false easting (35 500 000 m) or not (500 000 m). */
  zoneInEasting: boolean;
}

/** CGCS2000's ellipsoid, as EPSG:1024 gives it. */
const CGCS2000_ELLIPSOID = '+a=6378137 +rf=298.257222101';

export const CGCS2000_GEOGRAPHIC = `+proj=longlat ${CGCS2000_ELLIPSOID} +no_defs`;

/** @example gaussKrugerZone(4523) // { epsg: 4523, name: 'CGCS2000 / 3-degree Gauss-Kruger zone 35', centralMeridian: 105, width: 3, zoneInEasting: true } */
export function gaussKrugerZone(epsg: number): GaussKrugerZone | null {
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4488;
    return {
      epsg,
      name: `CGCS2000 / 3-degree Gauss-Kruger zone ${zone}`,
      centralMeridian: 3 * zone,
      width: 3,
      zoneInEasting: true,
    };
  }
  if (epsg >= 4534 && epsg <= 4554) {
    const centralMeridian = 75 + 3 * (epsg - 4534);
    return {
      epsg,
      name: `CGCS2000 / 3-degree Gauss-Kruger CM ${centralMeridian}E`,
      centralMeridian,
      width: 3,
      zoneInEasting: false,
    };
  }
  if (epsg >= 4491 && epsg <= 4501) {
    const zone = epsg - 4478;
    return {
      epsg,
      name: `CGCS2000 / Gauss-Kruger zone ${zone}`,
      centralMeridian: 6 * zone - 3,
      width: 6,
      zoneInEasting: true,
    };
  }
  if (epsg >= 4502 && epsg <= 4512) {
    const centralMeridian = 75 + 6 * (epsg - 4502);
    return {
      epsg,
      name: `CGCS2000 / Gauss-Kruger CM ${centralMeridian}E`,
      centralMeridian,
      width: 6,
      zoneInEasting: false,
    };
  }
  return null;
}

/** The proj4 definition of a CGCS2000 code (geographic or a Gauss-Krüger zone), or null. */
export function cgcs2000Definition(epsg: number): string | null {
  if (epsg === 4490) return CGCS2000_GEOGRAPHIC;
  const zone = gaussKrugerZone(epsg);
  if (!zone) return null;
  const falseEasting = zone.zoneInEasting
    ? (zone.width === 3 ? zone.centralMeridian / 3 : (zone.centralMeridian + 3) / 6) * 1e6 + 5e5
    : 5e5;
  return `+proj=tmerc +lat_0=0 +lon_0=${zone.centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 ${CGCS2000_ELLIPSOID} +units=m +no_defs`;
}

/** Where the Luzhou districts lie: the central meridian a file without a zone number most likely uses here. */
const LUZHOU_CENTRAL_MERIDIAN = 105;

/**
 * The likely Gauss-Krüger zone of coordinates in metres, from a bounding box [west, south, east,
 * north]: northings of China (about 2 000 km to 6 000 km from the equator) and eastings either
 * with a zone number in front (35 520 607 → 3° zone 35) or without (520 607 → the zone is not
 * written; near Luzhou the 3° zone with central meridian 105°E is assumed and said to be a guess).
 * The datum cannot be told from coordinates.
 */
export function likelyGaussKrugerZone(box: readonly [number, number, number, number]): GaussKrugerZone | null {
  const [west, south, east, north] = box;
  if (![west, south, east, north].every(Number.isFinite) || south < 1.5e6 || north > 6.5e6) return null;
  const zoneOf = (easting: number) => Math.floor(easting / 1e6);
  const zone = zoneOf(west);
  if (zone !== zoneOf(east)) return null;
  const within = (easting: number) => easting - zone * 1e6;
  if (within(west) < 1e5 || within(east) > 9e5) return null;
  if (zone >= 25 && zone <= 45) return gaussKrugerZone(4488 + zone);
  if (zone >= 13 && zone <= 23) return gaussKrugerZone(4478 + zone);
  if (zone === 0) return gaussKrugerZone(4534 + (LUZHOU_CENTRAL_MERIDIAN - 75) / 3);
  return null;
}

export interface DatumCaveat {
  zh: string;
  en: string;
}

/**
 * A note when a `.prj` is on Xian 1980 or Beijing 1954 without transformation parameters: proj4
 * can then only change the ellipsoid, so positions can be tens of metres from true WGS84 (areas
 * change far less). Null for other datums or when TOWGS84 is given.
 */
export function datumCaveat(prj: string): DatumCaveat | null {
  if (/TOWGS84/i.test(prj)) return null;
  const datum = /Xian[\s_]*1980|Xi'?an[\s_]*80/i.test(prj)
    ? { zh: '西安 80', en: 'Xian 1980' }
    : /Beijing[\s_]*1954/i.test(prj)
      ? { zh: '北京 54', en: 'Beijing 1954' }
      : null;
  if (!datum) return null;
  return {
    zh: `坐标系为${datum.zh}，文件未给出到 WGS84 的转换参数（TOWGS84）：只按椭球换算，位置可能偏差数十米或更多，面积影响很小。有七参数时请用它们转换后再导入。`,
    en: `The coordinates are on ${datum.en} and the file gives no parameters to shift them to WGS84 (TOWGS84): only the ellipsoid was changed, so positions can be tens of metres off or more (areas change far less). With the seven parameters for your area, convert first and import the result.`,
  };
}
