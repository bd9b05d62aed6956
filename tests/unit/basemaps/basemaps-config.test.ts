/**
 * The build's Content-Security-Policy comes from basemaps.config.ts: exactly the tile hosts of the
 * offered online basemaps, in the directives MapLibre's raster fetch needs, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { BASEMAPS, basemapOrigins, expandedTileUrls, type Basemap } from '../../../basemaps.config.ts';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  contentSecurityPolicyText,
} from '../../../scripts/vite/content-security-policy-plugin.ts';

const TIANDITU_HOSTS = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'].map(
  (subdomain) => `https://${subdomain}.tianditu.gov.cn`,
);

function parsePolicy(text: string): Record<string, string[]> {
  return Object.fromEntries(
    text.split(';').map((part) => {
      const [directive = '', ...sources] = part.trim().split(/\s+/);
      return [directive, sources];
    }),
  );
}

describe('basemaps.config.ts → Content-Security-Policy', () => {
  it("allows the shipped basemaps' tile hosts in img-src and connect-src, and only there", () => {
    const policy = parsePolicy(contentSecurityPolicyText());
    const expectedHosts = ['https://tile.openstreetmap.org', ...TIANDITU_HOSTS].sort();
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:', ...expectedHosts]);
    expect(policy['connect-src']).toEqual(["'self'", 'blob:', ...expectedHosts]);
    for (const [directive, sources] of Object.entries(policy)) {
      if (directive === 'img-src' || directive === 'connect-src') continue;
      expect(sources, directive).toEqual(CONTENT_SECURITY_POLICY[directive]);
      expect(
        sources.some((source) => source.startsWith('https:')),
        directive,
      ).toBe(false);
    }
    // No wildcard: a host the config does not name cannot be reached.
    expect(
      Object.values(policy)
        .flat()
        .filter((source) => source.includes('*')),
    ).toEqual([]);
  });

  it('follows the config: a deployer who removes a basemap removes its host', () => {
    const withoutOsm = BASEMAPS.filter((basemap) => basemap.id !== 'osm');
    const policy = contentSecurityPolicyFor(withoutOsm);
    expect(policy['connect-src']).toEqual(["'self'", 'blob:', ...TIANDITU_HOSTS]);
    expect(policy['img-src']).not.toContain('https://tile.openstreetmap.org');

    const offlineOnly = BASEMAPS.filter((basemap) => basemap.kind === 'pmtiles');
    expect(contentSecurityPolicyFor(offlineOnly)).toEqual(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicyFor([])).toEqual(CONTENT_SECURITY_POLICY);
  });

  it('adds a host a deployer adds, once, however many templates use it', () => {
    const added: Basemap = {
      id: 'city-survey',
      kind: 'raster',
      title: { zh: '测绘院', en: 'Survey' },
      tileLayers: [
        'https://{s}.tiles.example.cn/base/{z}/{x}/{y}.png',
        'https://{s}.tiles.example.cn/labels/{z}/{x}/{y}.png',
      ],
      subdomains: ['a', 'b'],
      imagery: false,
      maxZoom: 18,
      attribution: { text: '© example', url: 'https://example.cn/' },
    };
    expect(basemapOrigins(added)).toEqual(['https://a.tiles.example.cn', 'https://b.tiles.example.cn']);
    const policy = contentSecurityPolicyFor([added]);
    expect(policy['connect-src']).toEqual([
      "'self'",
      'blob:',
      'https://a.tiles.example.cn',
      'https://b.tiles.example.cn',
    ]);
  });

  it('keeps the key out of the config: 天地图 templates carry a {key} placeholder, not a key', () => {
    const tianditu = BASEMAPS.filter((basemap) => basemap.id.startsWith('tianditu'));
    expect(tianditu).toHaveLength(2);
    for (const basemap of tianditu) {
      if (basemap.kind !== 'raster') throw new Error('天地图 is raster');
      for (const urls of expandedTileUrls(basemap)) {
        expect(urls).toHaveLength(8);
        for (const url of urls) expect(url).toMatch(/[?&]tk=\{key\}$/);
      }
      // Web-Mercator layers with their annotation on top.
      expect(basemap.tileLayers.map((template) => /\/(\w+)_w\//.exec(template)?.[1])).toEqual(
        basemap.imagery ? ['img', 'cia'] : ['vec', 'cva'],
      );
    }
  });
});
