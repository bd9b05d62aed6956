/**
 * What a link carries, and how it is written. The open feature lives in the hash
 * (`#feature=<layer>/<id>`), so each selection can be its own history entry; the view, the
 * visible layers and the language live in the query (`?view=lon,lat,zoom,bearing&layers=a,b&lang=en`),
 * rewritten in place as the map moves. No server sees the hash, and none needs to see the rest.
 *
 * Reading never throws: a value that does not parse is left out and the others are kept. Writing
 * touches only these keys, so parameters other parts of the app add (a trip) survive.
 */
import type { FeatureReference } from './feature-reference.ts';
import type { MapView } from '../geo/map-view.ts';

const FEATURE_KEY = 'feature';
const VIEW_KEY = 'view';
const LAYERS_KEY = 'layers';
const LANGUAGE_KEY = 'lang';
/** Longer than any id a dataset would use; a pasted megabyte is not a feature reference. */
const MAXIMUM_REFERENCE_LENGTH = 300;
/** A query longer than this is not one the app wrote; reading it would only cost time. */
const MAXIMUM_PART_LENGTH = 20_000;
const MAXIMUM_LAYERS = 100;
const LAYER_ID_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

export type UrlLanguage = 'zh' | 'en';

/** The camera as a link states it: degrees (WGS84), MapLibre zoom, bearing in degrees clockwise from north. */
export type { MapView };

export interface UrlState {
  feature?: FeatureReference;
  view?: MapView;
  /** Ids of the layers shown; absent means the manifest's defaults. */
  visibleLayers?: string[];
  language?: UrlLanguage;
}

/** Web Mercator stops here; MapLibre clamps beyond it, so a link past it is not one we wrote. */
const MAXIMUM_LATITUDE = 85.051129;
const MAXIMUM_ZOOM = 24;

function parameters(part: string, prefix: string): URLSearchParams {
  if (part.length > MAXIMUM_PART_LENGTH) return new URLSearchParams();
  try {
    return new URLSearchParams(part.startsWith(prefix) ? part.slice(prefix.length) : part);
  } catch {
    return new URLSearchParams();
  }
}

export function featureFromHash(hash: string): FeatureReference | null {
  // Other parameters may share the hash: only the feature's own value has to be short.
  const value = parameters(hash, '#').get(FEATURE_KEY);
  if (!value || value.length > MAXIMUM_REFERENCE_LENGTH) return null;
  const separator = value.indexOf('/');
  if (separator <= 0 || separator === value.length - 1) return null;
  return { layerId: value.slice(0, separator), featureId: value.slice(separator + 1) };
}

/** A hash naming the feature (or none), keeping whatever else the current hash holds. */
export function hashForFeature(reference: FeatureReference | null, currentHash = ''): string {
  const hashParameters = parameters(currentHash, '#');
  if (reference) hashParameters.set(FEATURE_KEY, `${reference.layerId}/${reference.featureId}`);
  else hashParameters.delete(FEATURE_KEY);
  const text = hashParameters.toString();
  return text ? `#${text}` : '';
}

function finiteNumber(text: string | undefined): number | null {
  // Number('') is 0 and Number(' 1') is 1: only plain decimal numbers are coordinates.
  if (text === undefined || !/^-?\d{1,4}(\.\d{1,12})?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function parseView(text: string | null): MapView | null {
  if (!text || text.length > 100) return null;
  const parts = text.split(',');
  if (parts.length < 3 || parts.length > 4) return null;
  const [longitude, latitude, zoom] = parts.slice(0, 3).map(finiteNumber);
  const bearing = parts.length === 4 ? finiteNumber(parts[3]) : 0;
  if (longitude == null || latitude == null || zoom == null || bearing == null) return null;
  if (Math.abs(longitude) > 180 || Math.abs(latitude) > MAXIMUM_LATITUDE) return null;
  if (zoom < 0 || zoom > MAXIMUM_ZOOM || Math.abs(bearing) > 360) return null;
  return { longitude, latitude, zoom, bearing: normaliseBearing(bearing) };
}

/** Bearings in (-180, 180], so 350° and -10° give the same link. */
function normaliseBearing(bearing: number): number {
  const wrapped = ((((bearing + 180) % 360) + 360) % 360) - 180;
  const result = wrapped === -180 ? 180 : wrapped;
  return result === 0 ? 0 : result; // no "-0" in a link
}

/** About a metre in position, a hundredth of a zoom level, a tenth of a degree: finer is noise. */
export function formatView(view: MapView): string {
  const round = (value: number, digits: number): string => {
    const text = value.toFixed(digits).replace(/\.?0+$/, '');
    return text === '-0' ? '0' : text;
  };
  return [
    round(view.longitude, 5),
    round(view.latitude, 5),
    round(view.zoom, 2),
    round(normaliseBearing(view.bearing), 1),
  ].join(',');
}

export function parseLayers(text: string | null): string[] | null {
  if (text === null || text.length > MAXIMUM_LAYERS * 65) return null;
  if (text === '') return [];
  const ids = text.split(',');
  if (ids.length > MAXIMUM_LAYERS || !ids.every((id) => LAYER_ID_PATTERN.test(id))) return null;
  return [...new Set(ids)];
}

export function parseLanguage(text: string | null): UrlLanguage | null {
  return text === 'zh' || text === 'en' ? text : null;
}

/** Everything a link says that parses; the rest is left out. */
export function readUrlState(search: string, hash: string): UrlState {
  const query = parameters(search, '?');
  const state: UrlState = {};
  const feature = featureFromHash(hash);
  if (feature) state.feature = feature;
  const view = parseView(query.get(VIEW_KEY));
  if (view) state.view = view;
  const layers = parseLayers(query.get(LAYERS_KEY));
  if (layers) state.visibleLayers = layers;
  const language = parseLanguage(query.get(LANGUAGE_KEY));
  if (language) state.language = language;
  return state;
}

function pairKey(pair: string): string {
  const key = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}

const OWN_QUERY_KEYS = new Set([VIEW_KEY, LAYERS_KEY, LANGUAGE_KEY]);

/**
 * The query for the given view, layers and language. Every other parameter of `currentSearch` is
 * kept verbatim and in order (another part of the app may compare its own text); ours follow.
 * An absent value removes its key.
 */
export function searchForState(currentSearch: string, state: Omit<UrlState, 'feature'>): string {
  const pairs = currentSearch
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !OWN_QUERY_KEYS.has(pairKey(pair)));
  // Commas and digits need no escaping: the link stays readable.
  if (state.view) pairs.push(`${VIEW_KEY}=${formatView(state.view)}`);
  if (state.visibleLayers)
    pairs.push(`${LAYERS_KEY}=${state.visibleLayers.filter((id) => LAYER_ID_PATTERN.test(id)).join(',')}`);
  if (state.language) pairs.push(`${LANGUAGE_KEY}=${state.language}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
