/**
 * Offline after the first visit: a service worker (vite-plugin-pwa / Workbox, generateSW) that
 * precaches the app and the whole dataset (geodata/), and caches the font files the page loads:
 * the subset only on a device without a CJK font of its own (src/map/app-font.ts), which is the one
 * that needs it, and the fallback files when a character first needs one (~100 files, most never used).
 *
 * A PMTiles basemap served with the app (basemaps.config.ts) is not precached (it may be tens of
 * megabytes and is opt-in); the route below serves its byte ranges from the copy the page caches.
 *
 * The page registers the worker itself (src/ui/UpdateNotice.tsx, after the first map frame) so
 * no inline script is added and the CSP stays as it is. `registerType: 'prompt'`: a newer version
 * waits until the visitor chooses to reload, so a walk through the park is never interrupted.
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

/**
 * Answers a `Range: bytes=a-b` request with that slice of the whole cached archive (206).
 * Instead of workbox-range-requests, because it refuses a range running past the end of the file
 * (416) where HTTP servers cut it at the end (RFC 9110 §14.1.2), and pmtiles' first read asks
 * for 16 KB whatever the archive's size. Serialised into the generated worker by its source text:
 * it must not use anything from this module.
 */
const archiveRangePlugin = {
  // An arrow function: the serialiser writes `key: source`, which a method's source would break.
  cachedResponseWillBeUsed: async ({
    request,
    cachedResponse,
  }: {
    request: Request;
    cachedResponse?: Response;
  }): Promise<Response | undefined> => {
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.get('range') ?? '');
    if (!cachedResponse || !range) return cachedResponse;
    const whole = await cachedResponse.blob();
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) + 1 : whole.size, whole.size);
    if (start >= whole.size || end <= start) {
      return new Response(null, { status: 416, headers: { 'content-range': `bytes */${whole.size}` } });
    }
    const part = whole.slice(start, end);
    // Only headers that describe the bytes: the stored body is already decoded (no content-encoding).
    const headers = new Headers({
      'content-range': `bytes ${start}-${end - 1}/${whole.size}`,
      'content-length': String(part.size),
    });
    for (const name of ['content-type', 'etag', 'last-modified']) {
      const value = cachedResponse.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(part, { status: 206, statusText: 'Partial Content', headers });
  },
};

/**
 * Without a network and without a cached archive, answers 504 instead of letting the route reject:
 * a rejected `respondWith` is a console error in Firefox, and the page's probe for an archive
 * (src/state/basemap-choice.ts) runs whenever the browser believes it is online, which a server
 * gone away does not change. A 504 reads as "no archive here" and nothing is logged.
 */
const unreachableArchivePlugin = {
  handlerDidError: async (): Promise<Response> => new Response(null, { status: 504, statusText: 'Gateway Timeout' }),
};

export function offlinePlugin(): PluginOption {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: ['icon.svg'],
    manifest: {
      name: '泸州国家高新区空间布局',
      short_name: '泸州高新区',
      description: 'Offline map of the spatial layout of the Luzhou National High-tech Zone (一核、两翼、多园)',
      lang: 'zh-CN',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#fbfaf6',
      theme_color: '#b00020',
      icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      // icon.svg and the web manifest are added by the plugin itself.
      globPatterns: ['**/*.{html,js,mjs,css,json,geojson}'],
      // The MapLibre worker is ~520 KB; nothing here comes near the limit, but say it, not rely on it.
      maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      // Links carry the view, layers, language and trip in the query: all of them are the same page.
      ignoreURLParametersMatching: [/.*/],
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      // The first visit's page comes under the worker at once, so fonts it needs later are cached.
      // A newer worker still waits for the visitor (registerType 'prompt' keeps skipWaiting off).
      clientsClaim: true,
      runtimeCaching: [
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('.woff2'),
          handler: 'CacheFirst',
          // Also filled by the page with the fonts it loaded before the worker existed (src/ui/UpdateNotice.tsx).
          // ignoreVary: the page stores them with a plain fetch, but a font load sends `Origin`, and a
          // server answering `Vary: Origin` (vite preview does) would otherwise never match them offline.
          options: {
            cacheName: 'fallback-fonts',
            expiration: { maxEntries: 200 },
            matchOptions: { ignoreVary: true },
          },
        },
        {
          // SQLite's WebAssembly (GeoPackage import, ~650 KB) is not precached: most visitors never
          // import a GeoPackage. Once a planner has imported one, the next works offline too.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('.wasm'),
          handler: 'CacheFirst',
          options: { cacheName: 'on-demand-code', expiration: { maxEntries: 10 } },
        },
        {
          // The served PMTiles basemap is read in byte ranges. A cache cannot store a partial (206)
          // answer, so the page puts the whole archive into this cache when the basemap is first
          // drawn (src/map/basemaps/basemap-layers.ts); then every range is cut from it here, offline
          // too. Before that, ranges go to the network untouched.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.endsWith('.pmtiles'),
          handler: 'CacheFirst',
          options: {
            cacheName: 'basemap-archives',
            matchOptions: { ignoreVary: true },
            plugins: [archiveRangePlugin, unreachableArchivePlugin],
          },
        },
      ],
    },
  });
}
