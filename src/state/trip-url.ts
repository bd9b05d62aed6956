/**
 * The trip's own URL parameter, `?trip=<encodeTrip text>`, read and written without disturbing any
 * other parameter or the hash (the view, layers, language and `#feature=` belong to url-sync.ts).
 * Only the `trip=` pair is rewritten, so other parameters keep their exact spelling.
 */
import type { DecodedTrip } from '../trip/trip-url-codec.ts';
import { decodeTrip } from '../trip/trip-url-codec.ts';

export const TRIP_PARAMETER = 'trip';

function isTripPair(pair: string): boolean {
  const key = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(key.replace(/\+/g, ' ')) === TRIP_PARAMETER;
  } catch {
    return false;
  }
}

/** The trip in a `location.search`, decoded against the dataset's place ids; null when the link has none. */
export function tripFromSearch(search: string, knownPlaceIds: ReadonlySet<string>): DecodedTrip | null {
  const text = new URLSearchParams(search).get(TRIP_PARAMETER);
  if (text === null) return null;
  return decodeTrip(text, knownPlaceIds);
}

/**
 * `search` with its trip parameter replaced by `encoded` (or removed when null), other pairs kept
 * verbatim and in order. Returns '' or a string starting with '?'.
 */
export function searchWithTrip(search: string, encoded: string | null): string {
  const pairs = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '' && !isTripPair(pair));
  // URLSearchParams escapes the '%' inside the codec's text, so reading it back with .get gives the text unchanged.
  if (encoded !== null) pairs.push(new URLSearchParams({ [TRIP_PARAMETER]: encoded }).toString());
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}
