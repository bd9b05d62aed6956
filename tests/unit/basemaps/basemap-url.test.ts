/**
 * `basemap=` in a link: written beside the app's other parameters without disturbing them, and
 * removed with none. The 天地图 key never has a place in it.
 */
import { describe, expect, it } from 'vitest';
import { NO_BASEMAP, searchWithBasemap } from '../../../src/state/basemap-choice.ts';

describe('searchWithBasemap', () => {
  it('adds, replaces and removes basemap= and keeps every other parameter verbatim and in order', () => {
    expect(searchWithBasemap('', 'osm')).toBe('?basemap=osm');
    expect(searchWithBasemap('?view=105.4,28.9,11,0&trip=a%2Cb&lang=en', 'osm')).toBe(
      '?view=105.4,28.9,11,0&trip=a%2Cb&lang=en&basemap=osm',
    );
    expect(searchWithBasemap('?basemap=osm&lang=en', 'tianditu-vector')).toBe('?lang=en&basemap=tianditu-vector');
    expect(searchWithBasemap('?basemap=osm&lang=en', NO_BASEMAP)).toBe('?lang=en');
    expect(searchWithBasemap('?basemap=osm', NO_BASEMAP)).toBe('');
  });
});
