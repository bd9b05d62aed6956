/**
 * "Open in 高德 / 百度" links: web URIs that open the place, or directions between two stops, in
 * the AMap or Baidu Maps web page (and their app on phones that have it).
 *
 * Everything inside the app is WGS84; 高德 reads GCJ-02 and 百度 BD-09, so positions are converted
 * here, at the edge, with gcoord, and the link says which system it uses (`coordinate=gaode`,
 * `coord_type=bd09ll`). Without the conversion the pin would land about 500 m off near 泸州.
 *
 * Parameters follow the providers' public URI documentation:
 * 高德 https://lbs.amap.com/api/uri-api/guide/mobile-web/point (marker: position=lon,lat, name, src,
 * coordinate, callnative) and https://lbs.amap.com/api/uri-api/guide/travel/route (navigation:
 * from/to=lon,lat,name, mode=car|bus|walk|ride, src, coordinate, callnative);
 * 百度 https://lbsyun.baidu.com/index.php?title=uri/api/web (marker: location=lat,lng, title,
 * content, output=html, coord_type, src; direction: origin/destination=latlng:lat,lng|name:…,
 * mode=driving|walking|riding|transit, region, output=html, coord_type, src).
 *
 * For a place whose position here is only an estimate, prefer the search links (高德
 * https://lbs.amap.com/api/uri-api/guide/search/search: keyword, city, view, src, callnative; 百度
 * place/search: query, region, output, src): the provider's own record of the place is likely
 * better than our guess, and a pin at a guessed position would send a visitor to the wrong gate.
 *
 * These are links the user chooses to follow; the app itself never requests them.
 *
 * @example
 * amapMarkerUrl({ point: [105.474, 28.894], name: '张坝桂圆林' })
 * // 'https://uri.amap.com/marker?position=105.477…,28.891…&name=%E5%BC%A0…&coordinate=gaode&callnative=1&src=…'
 */
import gcoord from 'gcoord';
import type { LonLat } from './distance.ts';
import type { TravelMode } from './travel-modes.ts';

export interface NamedPoint {
  /** WGS84 */
  point: LonLat;
  name: string;
}

/** Identifies the caller to the providers, as both ask (`src`). */
export const LINK_SOURCE = 'webapp.luzhou-hitech-zone-map';
/** City for Baidu's directions (needed for walking and transit) and place search. */
export const BAIDU_REGION = '泸州';
/** 泸州市's administrative code, the unambiguous form of 高德's `city`. */
export const AMAP_CITY = '510500';

const AMAP_MODES: Readonly<Record<TravelMode, string>> = { walking: 'walk', cycling: 'ride', driving: 'car' };
const BAIDU_MODES: Readonly<Record<TravelMode, string>> = { walking: 'walking', cycling: 'riding', driving: 'driving' };

export function wgs84ToGcj02(point: LonLat): LonLat {
  const [longitude, latitude] = gcoord.transform([point[0], point[1]], gcoord.WGS84, gcoord.GCJ02);
  return [longitude, latitude];
}

export function wgs84ToBd09(point: LonLat): LonLat {
  const [longitude, latitude] = gcoord.transform([point[0], point[1]], gcoord.WGS84, gcoord.BD09);
  return [longitude, latitude];
}

/** Both providers document at most six decimals (about 0.1 m). */
function degrees(value: number): string {
  return value.toFixed(6);
}

/**
 * A name safe inside the providers' own mini-syntax: 高德 separates lon,lat,name with commas and
 * 百度 separates latlng:…|name:… with bars, so those become their full-width forms; control
 * characters are dropped.
 */
export function linkName(name: string): string {
  return name
    .replace(/[\u0000-\u001F\u007F]/g, '')
    .replace(/,/g, '，')
    .replace(/\|/g, '｜')
    .trim();
}

/** Percent-encoded values, keeping ',' and ':' literal (both legal in a query) as the providers' examples write them. */
function query(parameters: Record<string, string>): string {
  return Object.entries(parameters)
    .map(([key, value]) => `${key}=${encodeURIComponent(value).replace(/%2C/g, ',').replace(/%3A/g, ':')}`)
    .join('&');
}

export function amapMarkerUrl(target: NamedPoint): string {
  const [longitude, latitude] = wgs84ToGcj02(target.point);
  return `https://uri.amap.com/marker?${query({
    position: `${degrees(longitude)},${degrees(latitude)}`,
    name: linkName(target.name),
    coordinate: 'gaode',
    callnative: '1',
    src: LINK_SOURCE,
  })}`;
}

function amapEndpoint(target: NamedPoint): string {
  const [longitude, latitude] = wgs84ToGcj02(target.point);
  return `${degrees(longitude)},${degrees(latitude)},${linkName(target.name)}`;
}

export function amapNavigationUrl(leg: { from: NamedPoint; to: NamedPoint; mode: TravelMode }): string {
  return `https://uri.amap.com/navigation?${query({
    from: amapEndpoint(leg.from),
    to: amapEndpoint(leg.to),
    mode: AMAP_MODES[leg.mode],
    coordinate: 'gaode',
    callnative: '1',
    src: LINK_SOURCE,
  })}`;
}

export function baiduMarkerUrl(target: NamedPoint): string {
  const [longitude, latitude] = wgs84ToBd09(target.point);
  const name = linkName(target.name);
  return `https://api.map.baidu.com/marker?${query({
    location: `${degrees(latitude)},${degrees(longitude)}`,
    title: name,
    content: name,
    output: 'html',
    coord_type: 'bd09ll',
    src: LINK_SOURCE,
  })}`;
}

function baiduEndpoint(target: NamedPoint): string {
  const [longitude, latitude] = wgs84ToBd09(target.point);
  return `latlng:${degrees(latitude)},${degrees(longitude)}|name:${linkName(target.name)}`;
}

export function baiduDirectionUrl(leg: { from: NamedPoint; to: NamedPoint; mode: TravelMode }): string {
  return `https://api.map.baidu.com/direction?${query({
    origin: baiduEndpoint(leg.from),
    destination: baiduEndpoint(leg.to),
    mode: BAIDU_MODES[leg.mode],
    region: BAIDU_REGION,
    output: 'html',
    coord_type: 'bd09ll',
    src: LINK_SOURCE,
  })}`;
}

/** 高德 search for the place by name within 泸州, for places whose position here is an estimate. */
export function amapSearchUrl(name: string): string {
  return `https://uri.amap.com/search?${query({ keyword: linkName(name), city: AMAP_CITY, view: 'map', callnative: '1', src: LINK_SOURCE })}`;
}

/** 百度 search for the place by name within 泸州, for places whose position here is an estimate. */
export function baiduSearchUrl(name: string): string {
  return `https://api.map.baidu.com/place/search?${query({ query: linkName(name), region: BAIDU_REGION, output: 'html', src: LINK_SOURCE })}`;
}

export interface PlaceLinks {
  amap: string;
  baidu: string;
  /** `name` when the links search by name because the position here is only schematic. */
  by: 'position' | 'name';
}

/** The pair of "open in" links a place should get: by position, or by name where the position is schematic. */
export function placeLinks(target: NamedPoint & { positionIsSchematic: boolean }): PlaceLinks {
  if (target.positionIsSchematic)
    return { amap: amapSearchUrl(target.name), baidu: baiduSearchUrl(target.name), by: 'name' };
  return { amap: amapMarkerUrl(target), baidu: baiduMarkerUrl(target), by: 'position' };
}

export interface LegLinks {
  amap: string;
  baidu: string;
  /** `name` when an end of the leg is schematic, so the links find that end by its name. */
  by: 'position' | 'name';
}

type LegEnd = NamedPoint & { positionIsSchematic: boolean };

/**
 * Directions for one leg of a trip. An end whose position here is only an estimate is given by
 * name, as a single place's links are (see `placeLinks`): 百度 routes to a name within 泸州
 * (`destination=渔子溪生态湿地公园`, its documented plain-name form); 高德's navigation needs
 * coordinates, so it searches the estimated destination by name (its page then offers the route),
 * or, when only the start is estimated, routes from wherever the visitor is.
 */
export function legLinks(leg: { from: LegEnd; to: LegEnd; mode: TravelMode }): LegLinks {
  if (!leg.from.positionIsSchematic && !leg.to.positionIsSchematic) {
    return { amap: amapNavigationUrl(leg), baidu: baiduDirectionUrl(leg), by: 'position' };
  }
  const baiduEnd = (end: LegEnd): string => (end.positionIsSchematic ? linkName(end.name) : baiduEndpoint(end));
  const baidu = `https://api.map.baidu.com/direction?${query({
    origin: baiduEnd(leg.from),
    destination: baiduEnd(leg.to),
    mode: BAIDU_MODES[leg.mode],
    region: BAIDU_REGION,
    output: 'html',
    coord_type: 'bd09ll',
    src: LINK_SOURCE,
  })}`;
  const amap = leg.to.positionIsSchematic
    ? amapSearchUrl(leg.to.name)
    : `https://uri.amap.com/navigation?${query({
        // Without `from`, 高德 starts at the visitor's own position: better than our guess of the start.
        to: amapEndpoint(leg.to),
        mode: AMAP_MODES[leg.mode],
        coordinate: 'gaode',
        callnative: '1',
        src: LINK_SOURCE,
      })}`;
  return { amap, baidu, by: 'name' };
}
