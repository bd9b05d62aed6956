import { defineConfig } from 'vite';
import { appFontPlugin } from './scripts/vite/app-font-plugin.ts';
import { contentSecurityPolicyPlugin } from './scripts/vite/content-security-policy-plugin.ts';
import { firstLoadPreloadPlugin } from './scripts/vite/first-load-preload-plugin.ts';
import { geodataPlugin } from './scripts/vite/geodata-plugin.ts';
import { offlinePlugin } from './scripts/vite/offline-plugin.ts';
import { zoneStatisticsPlugin } from './scripts/vite/zone-statistics-plugin.ts';

const CODE_WITHOUT_SIDE_EFFECTS =
  /node_modules\/(polyclip-ts|bignumber\.js|splaytree-ts|geographiclib-geodesic)\/|\/src\/(analysis|geo)\//;

// Build and dev server of the app. Unit tests are configured in vitest.config.ts, browser tests in
// vitest.e2e.config.ts.
export default defineConfig({
  // Relative: the built app works from any directory it is copied to, including file servers
  // that host it below a path.
  base: './',
  plugins: [
    geodataPlugin(),
    zoneStatisticsPlugin(),
    firstLoadPreloadPlugin(),
    appFontPlugin(),
    contentSecurityPolicyPlugin(),
    offlinePlugin(),
  ],
  build: {
    target: 'es2022',
    // One entry chunk and no <link rel="modulepreload"> in the page (see codeSplitting below):
    // the polyfill (about 0.5 KB gz of the first load) would have nothing to do.
    modulePreload: { polyfill: false },
    // Fonts are never inlined: a data: URL would put every fallback file into the first-load
    // bundle, where the point of them is to load only when a character needs one.
    assetsInlineLimit: (file) => (/\.(woff2?|ttf|otf)$/.test(file) ? false : undefined),
    // maplibre-gl alone is ~1 MB unminified-map; the bundle budget test is the real limit.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically goes in the entry's own chunk. By default the
          // bundler cut what the entry shares with a lazy chunk (Preact and the signals, the
          // messages, its own import helper) into chunks of their own: four more requests, each
          // with its headers and its own gzip dictionary, all on the first load anyway.
          groups: [{ name: 'first-load', tags: ['$initial'] }],
        },
      },
      treeshake: {
        // These packages declare no `sideEffects`, so a panel importing one constant from
        // src/analysis kept the whole clipper (~45 KB gz) in the first load. Their top-level code
        // only defines things; measuring runs in the statistics worker, which imports them itself.
        // So a module in src/analysis or src/geo must never rely on running just by being imported.
        moduleSideEffects: [{ test: CODE_WITHOUT_SIDE_EFFECTS, sideEffects: false }],
      },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
