/**
 * Offline after the first visit: a service worker (vite-plugin-pwa / Workbox, generateSW) that
 * precaches the app, the whole dataset (geodata/) and the subset font, and caches the fallback
 * font files when a character first needs one (they are ~100 files, most never used).
 *
 * The page registers the worker itself (src/ui/UpdateNotice.tsx, after the first map frame) so
 * no inline script is added and the CSP stays as it is. `registerType: 'prompt'`: a newer version
 * waits until the visitor chooses to reload, so a walk through the park is never interrupted.
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { PluginOption } from 'vite';

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
      globPatterns: ['**/*.{html,js,mjs,css,json,geojson}', 'assets/noto-sans-sc-subset-*.woff2'],
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
          options: { cacheName: 'fallback-fonts', expiration: { maxEntries: 200 } },
        },
      ],
    },
  });
}
