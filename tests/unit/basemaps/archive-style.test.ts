/**
 * The served archive's style: valid MapLibre layers that draw every label in the app's own font
 * (a font the app ships: nothing fetched, Chinese not boxes), ask for no icon (no sprite ships),
 * and leave the app's background and every non-basemap layer alone.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BASEMAP_PREFIX, archiveLayers } from '../../../src/map/basemaps/archive-style.ts';

const FONT = 'Noto Sans SC';

function fontsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) fontsIn(item, into);
  return into;
}

describe('archiveLayers', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`is a valid style in ${language}, every label in the app's font, no icons, no background`, () => {
      const layers = archiveLayers('basemap:local', FONT, language);
      const style = {
        version: 8 as const,
        'font-faces': { [FONT]: [{ url: 'font.woff2' }] },
        sources: { 'basemap:local': { type: 'vector' as const, url: 'pmtiles://https://example.invalid/a.pmtiles' } },
        layers,
      };
      expect(validateStyleMin(style)).toEqual([]);
      expect(layers.length).toBeGreaterThan(20);
      expect(layers.every((layer) => layer.id.startsWith(BASEMAP_PREFIX))).toBe(true);
      expect(layers.some((layer) => layer.type === 'background')).toBe(false);
      const symbols = layers.filter((layer) => layer.type === 'symbol');
      expect(symbols.length).toBeGreaterThan(3);
      for (const layer of symbols) {
        const layout = (layer.layout ?? {}) as Record<string, unknown>;
        expect(layout['text-font'], layer.id).toEqual([FONT]);
        expect(layout['icon-image'], layer.id).toBeUndefined();
      }
      // No other font name survives anywhere (Protomaps' defaults are Noto Sans Regular/Medium/Italic).
      const named = [...fontsIn(JSON.stringify(layers).match(/Noto Sans[^"]*/g) ?? [])];
      expect(new Set(named)).toEqual(new Set([FONT]));
    });
  }

  it('labels places in the chosen language', () => {
    const field = (language: 'zh' | 'en') =>
      JSON.stringify(
        (
          archiveLayers('basemap:local', FONT, language).find((layer) => layer.id === 'basemap:places_locality')!
            .layout as Record<string, unknown>
        )['text-field'],
      );
    expect(field('zh')).toContain('name:zh-Hans');
    expect(field('en')).toContain('name:en');
  });
});
