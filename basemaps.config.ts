/**
 * The basemaps this deployment offers: the one list the basemap switch shows and the build's
 * Content-Security-Policy is derived from (scripts/vite/content-security-policy-plugin.ts). A
 * deployer adds or removes a basemap here and nowhere else; removing every online entry leaves a
 * policy that allows no host but the app's own.
 *
 * Pure data and pure functions: read in node by the build, and by the app in the browser.
 *
 * Only Web-Mercator tiles in WGS84 (or CGCS2000, which agrees with WGS84 to well under a metre
 * here) belong in this list: 高德/腾讯/百度 tiles are GCJ-02 or BD-09 and would put every feature of
 * the dataset hundreds of metres off (ENGINEERING.md §10).
 */

export interface LocalisedText {
  zh: string;
  en: string;
}

export interface BasemapAttribution {
  /** Shown beside the map and in the switch; plain text (never HTML from elsewhere). */
  text: string;
  /** The page the tile provider's terms point to (its copyright or terms page). */
  url: string;
}

/** Tiles drawn from another host: contacting it needs the visitor's consent first. */
export interface RasterBasemap {
  id: string;
  kind: 'raster';
  title: LocalisedText;
  /**
   * Tile URL templates, drawn bottom to top (a 天地图 base and its annotation on top). `{z}`, `{x}`,
   * `{y}` are MapLibre's; `{s}` is replaced by each of `subdomains` (one URL each, MapLibre spreads
   * tiles over them); `{key}` by the visitor's own key, which therefore never sits in this file.
   */
  tileLayers: readonly string[];
  subdomains?: readonly string[];
  /** A key the visitor must supply, and the page where they get one. */
  key?: { name: LocalisedText; signUpUrl: string };
  /** Aerial or satellite images: the zone's fills are lightened further over them. */
  imagery: boolean;
  maxZoom: number;
  attribution: BasemapAttribution;
}

/** A Protomaps-format vector archive served with the app: no other host, works offline. */
export interface PmtilesBasemap {
  id: string;
  kind: 'pmtiles';
  title: LocalisedText;
  /** Relative to the built site's root (where index.html is). Offered only when the file is there. */
  path: string;
  attribution: BasemapAttribution;
}

export type Basemap = RasterBasemap | PmtilesBasemap;

const TIANDITU_SUBDOMAINS = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'] as const;

/** 天地图's Web-Mercator (`_w`) WMTS layers, as tile templates. */
function tiandituLayer(layer: 'vec' | 'cva' | 'img' | 'cia'): string {
  return (
    `https://{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}` +
    '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}'
  );
}

const TIANDITU_KEY = {
  name: { zh: '天地图密钥（tk）', en: '天地图 key (tk)' },
  signUpUrl: 'https://console.tianditu.gov.cn/',
};

const TIANDITU_ATTRIBUTION: BasemapAttribution = {
  text: '© 天地图',
  url: 'https://www.tianditu.gov.cn/',
};

export const BASEMAPS: readonly Basemap[] = [
  {
    id: 'tianditu-vector',
    kind: 'raster',
    title: { zh: '天地图 · 矢量', en: '天地图 · map' },
    tileLayers: [tiandituLayer('vec'), tiandituLayer('cva')],
    subdomains: TIANDITU_SUBDOMAINS,
    key: TIANDITU_KEY,
    imagery: false,
    maxZoom: 18,
    attribution: TIANDITU_ATTRIBUTION,
  },
  {
    id: 'tianditu-imagery',
    kind: 'raster',
    title: { zh: '天地图 · 影像', en: '天地图 · imagery' },
    tileLayers: [tiandituLayer('img'), tiandituLayer('cia')],
    subdomains: TIANDITU_SUBDOMAINS,
    key: TIANDITU_KEY,
    imagery: true,
    maxZoom: 18,
    attribution: TIANDITU_ATTRIBUTION,
  },
  {
    id: 'osm',
    kind: 'raster',
    title: { zh: 'OpenStreetMap', en: 'OpenStreetMap' },
    tileLayers: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    imagery: false,
    // The standard tiles stop at 19; heavy use is against the tile policy, a visitor's browsing is not.
    maxZoom: 19,
    attribution: { text: '© OpenStreetMap contributors', url: 'https://www.openstreetmap.org/copyright' },
  },
  {
    id: 'local',
    kind: 'pmtiles',
    title: { zh: '离线底图', en: 'Offline basemap' },
    path: 'basemap/luzhou.pmtiles',
    attribution: { text: '© OpenStreetMap contributors · Protomaps', url: 'https://www.openstreetmap.org/copyright' },
  },
];

/** Every tile URL template of a raster basemap with `{s}` expanded, per layer. */
export function expandedTileUrls(basemap: RasterBasemap): string[][] {
  return basemap.tileLayers.map((template) =>
    template.includes('{s}')
      ? (basemap.subdomains ?? []).map((subdomain) => template.replaceAll('{s}', subdomain))
      : [template],
  );
}

/** The `https://host` origins a basemap contacts; none for an archive served with the app. */
export function basemapOrigins(basemap: Basemap): string[] {
  if (basemap.kind !== 'raster') return [];
  const origins = expandedTileUrls(basemap)
    .flat()
    .map((url) => new URL(url.replace(/\{[a-z]+\}/g, '0')).origin);
  return [...new Set(origins)];
}

/** The CSP sources each directive needs beyond the app's own, for the given basemaps. */
export function basemapContentSecurityPolicySources(basemaps: readonly Basemap[]): {
  'img-src': string[];
  'connect-src': string[];
} {
  const origins = [...new Set(basemaps.flatMap(basemapOrigins))].sort();
  // MapLibre fetches raster tiles with fetch() (connect-src) unless `refreshExpiredTiles` is off,
  // when it loads them into an <img> (img-src): both paths are MapLibre's to choose, so both are allowed.
  return { 'img-src': origins, 'connect-src': origins };
}
