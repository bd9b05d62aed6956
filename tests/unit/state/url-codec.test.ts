import { describe, expect, it } from 'vitest';
import { initialLanguage } from '../../../src/state/language-preference.ts';
import {
  featureFromHash,
  formatView,
  hashForFeature,
  parseLayers,
  parseView,
  readUrlState,
  searchForState,
  type UrlState,
} from '../../../src/state/url-state.ts';

/** A deterministic generator, so a failing case can be replayed from its seed. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

describe('links: view, layers, language and feature', () => {
  it('round-trips a state through the query and the hash at the precision a link keeps', () => {
    const state: UrlState = {
      view: { longitude: 105.48612345, latitude: 28.87123456, zoom: 12.756, bearing: -33.54 },
      visibleLayers: ['zone', 'core', 'green'],
      language: 'en',
      feature: { layerId: 'green', featureId: 'green-yuzixi-wetland-park' },
    };
    const search = searchForState('', state);
    const hash = hashForFeature(state.feature!, '');
    const read = readUrlState(search, hash);
    expect(read.feature).toEqual(state.feature);
    expect(read.visibleLayers).toEqual(state.visibleLayers);
    expect(read.language).toBe('en');
    expect(read.view!.longitude).toBeCloseTo(105.48612, 5);
    expect(read.view!.latitude).toBeCloseTo(28.87123, 5);
    expect(read.view!.zoom).toBeCloseTo(12.76, 2);
    expect(read.view!.bearing).toBeCloseTo(-33.5, 1);
    // Written once more, the link does not drift.
    expect(searchForState(search, read)).toBe(search);
  });

  it('keeps existing #feature= links and ?lang=en links working', () => {
    expect(readUrlState('?lang=en', '#feature=green/green-yuzixi-wetland-park')).toEqual({
      language: 'en',
      feature: { layerId: 'green', featureId: 'green-yuzixi-wetland-park' },
    });
  });

  it('keeps other parameters verbatim and in order, in the query and in the hash', () => {
    const trip = 'trip=1.a%7Eb.walk&from=poster%20A';
    const search = searchForState(`?${trip}&lang=zh&view=1,2,3`, { language: 'en' });
    expect(search).toBe(`?${trip}&lang=en`);
    expect(hashForFeature(null, '#feature=a/b&note=x')).toBe('#note=x');
    expect(hashForFeature({ layerId: 'places', featureId: 'a/b c' }, '#note=x')).toContain('note=x');
    expect(searchForState('', {})).toBe('');
  });

  it('reads each value on its own: a broken one is dropped, the rest kept', () => {
    const read = readUrlState('?view=abc,1,2&layers=zone,core&lang=fr', '#feature=green/park');
    expect(read).toEqual({ visibleLayers: ['zone', 'core'], feature: { layerId: 'green', featureId: 'park' } });
  });

  it('refuses views off the globe, past the zoom range, in exponent or hex notation', () => {
    for (const text of [
      '181,0,10',
      '0,86,10',
      '0,0,25',
      '0,0,-1',
      '1e2,0,3',
      '0x10,0,3',
      '0,0,3,400',
      ',,',
      '1,2',
      '1,2,3,4,5',
      ' 1,2,3',
      'Infinity,0,1',
    ]) {
      expect(parseView(text), text).toBeNull();
    }
    expect(parseView('105.5,28.9,12')).toEqual({ longitude: 105.5, latitude: 28.9, zoom: 12, bearing: 0 });
    // 350° and -10° are the same bearing, and the link says it one way.
    expect(parseView('0,0,1,350')!.bearing).toBeCloseTo(-10, 9);
    expect(formatView({ longitude: 0, latitude: -0.000001, zoom: 0, bearing: 180 })).toBe('0,0,0,180');
  });

  it('refuses layer lists with ids no manifest could hold, and reads an empty list as "none shown"', () => {
    expect(parseLayers('')).toEqual([]);
    expect(parseLayers('zone,zone,core')).toEqual(['zone', 'core']);
    expect(parseLayers('Zone')).toBeNull();
    expect(parseLayers('zone,,core')).toBeNull();
    expect(parseLayers('__proto__')).toBeNull();
    expect(parseLayers(Array.from({ length: 200 }, (_, index) => `l${index}`).join(','))).toBeNull();
  });

  it('never throws on 1000 random or malformed links, and whatever it reads writes a link it reads the same', () => {
    const random = randomSource(20261127);
    const alphabet = [
      '%',
      '%E0%A4%A',
      '&',
      '=',
      '#',
      '?',
      ',',
      '.',
      '-',
      'e',
      '9',
      '0',
      'view',
      'layers',
      'lang',
      'feature',
      '/',
      '渔',
      '\u0000',
      '\uD800',
      '+',
      ' ',
      'zone',
      'en',
    ];
    const piece = (): string => {
      const length = Math.floor(random() * 12);
      let text = '';
      for (let index = 0; index < length; index += 1) text += alphabet[Math.floor(random() * alphabet.length)];
      return text;
    };
    for (let round = 0; round < 1000; round += 1) {
      const search = `?view=${piece()}&layers=${piece()}&lang=${piece()}&${piece()}`;
      const hash = `#feature=${piece()}&${piece()}`;
      let state: UrlState = {};
      expect(() => {
        state = readUrlState(search, hash);
      }, `${search}${hash}`).not.toThrow();
      const written = searchForState(search, state);
      const reread = readUrlState(written, hashForFeature(state.feature ?? null, hash));
      expect(reread.view).toEqual(state.view && parseView(formatView(state.view)));
      expect(reread.visibleLayers).toEqual(state.visibleLayers);
      expect(reread.language).toEqual(state.language);
      expect(reread.feature).toEqual(state.feature);
    }
  });

  it('gives up quickly on a pasted megabyte', () => {
    const huge = `#feature=a/${'x'.repeat(1_000_000)}`;
    expect(featureFromHash(huge)).toBeNull();
    expect(readUrlState(`?view=${'1'.repeat(1_000_000)}`, huge)).toEqual({});
  });
});

describe('which language a visit starts in', () => {
  const storing = (value: string | null) => () => ({ getItem: () => value });

  it('takes the link first, then the remembered choice, then the browser, then Chinese', () => {
    expect(initialLanguage('?lang=en', storing('zh'), ['zh-CN'])).toBe('en');
    expect(initialLanguage('?lang=zh', storing('en'), ['en-US'])).toBe('zh');
    expect(initialLanguage('', storing('en'), ['zh-CN'])).toBe('en');
    expect(initialLanguage('', storing('zh'), ['en-GB'])).toBe('zh');
    expect(initialLanguage('?lang=fr', storing('en'), [])).toBe('en');
    expect(initialLanguage('', storing(null), [])).toBe('zh');
    expect(initialLanguage('', storing('<script>'), [])).toBe('zh');
  });

  it('follows the browser until the visitor chooses: zh-* is Chinese, anything else English', () => {
    expect(initialLanguage('', storing(null), ['zh-CN', 'en'])).toBe('zh');
    expect(initialLanguage('', storing(null), ['zh-Hant-TW'])).toBe('zh');
    expect(initialLanguage('', storing(null), ['ZH'])).toBe('zh');
    expect(initialLanguage('', storing(null), ['en-US', 'zh-CN'])).toBe('en');
    expect(initialLanguage('', storing(null), ['fr-FR'])).toBe('en');
    expect(initialLanguage('', storing(null), ['zhx-foo'])).toBe('en');
    // Nothing usable from the browser: Chinese, the zone's own language.
    expect(initialLanguage('', storing(null), ['', 42 as unknown as string])).toBe('zh');
  });

  it('starts in Chinese when storage is blocked and throws', () => {
    const blocked = (): Storage => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(initialLanguage('', blocked, [])).toBe('zh');
    expect(initialLanguage('', blocked, ['en-US'])).toBe('en');
    expect(
      initialLanguage('?lang=en', () => ({
        getItem: () => {
          throw new Error('denied');
        },
      })),
    ).toBe('en');
  });
});
