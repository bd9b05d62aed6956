/**
 * The layer rules of ARCHITECTURE.md (and ../shared/ENGINEERING.md §1), checked by `npm run lint`.
 * Each rule says why it exists; a rule that gets in the way is changed here, in the open, not
 * worked around. `npx depcruise src --config .dependency-cruiser.cjs` lists what breaks them.
 */

/** The pure layers: no DOM, no MapLibre, tested in node, run unchanged in a worker and the stats CLI. */
const PURE_LAYERS = '^src/(geo|data|analysis|trip|search|export|i18n)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'only-map-imports-maplibre',
      comment:
        'MapLibre, terra-draw and their adapters are drawn in src/map only: everything else stays testable ' +
        'in node without WebGL, and the map library can be swapped by rewriting one folder.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/map/' },
      to: {
        path: '(^|/)node_modules/(maplibre-gl|terra-draw|terra-draw-maplibre-gl-adapter|@maplibre/[^/]+)/',
      },
    },
    {
      name: 'pure-layers-stay-below-the-app',
      comment:
        'geo, data, analysis, trip, search, export and i18n compute plain values; the app (state, map, ui, ' +
        'workers) uses them, never the other way, so data flows one way and the pure code runs in node, ' +
        'in workers and in the stats CLI.',
      severity: 'error',
      from: { path: PURE_LAYERS },
      to: { path: '^src/(state|map|ui|workers)/' },
    },
    {
      name: 'workers-stay-off-the-page',
      comment:
        'A worker has no DOM and its own copy of every module it imports: importing state, map or ui would ' +
        'pull page code (signals the page never sees, MapLibre, Preact) into the worker bundle.',
      severity: 'error',
      from: { path: '^src/workers/' },
      to: { path: '^src/(state|map|ui)/' },
    },
    {
      name: 'geo-imports-nothing-else-from-src',
      comment:
        'src/geo is the geodesy every other layer measures with; if it imported them, a change anywhere ' +
        'could change an area. It may use only itself and libraries.',
      severity: 'error',
      from: { path: '^src/geo/' },
      to: { path: '^src/', pathNot: '^src/geo/' },
    },
    {
      name: 'data-does-not-measure',
      comment:
        'src/data reads, validates and converts; measuring is src/analysis, which is above it. Composing the ' +
        'two happens in analysis (analysis/import-and-measure.ts), so data never waits on the area code.',
      severity: 'error',
      from: { path: '^src/data/' },
      to: { path: '^src/analysis/' },
    },
    {
      name: 'no-cycles',
      comment:
        'A cycle makes load order matter (undefined at import time) and ties two modules so neither can be ' +
        'understood, tested or lazily loaded alone.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-never-imports-tests',
      comment:
        'Test code (fixtures, harness, fakes) must not ship in the app, and the app must not depend on a ' +
        'fixture to work; test-only helpers live in tests/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'no-unresolvable-imports',
      comment: 'An import that does not resolve is a typo or a missing dependency: it would fail at run time.',
      severity: 'error',
      from: { path: '^src/' },
      // virtual: modules are made by Vite plugins at build time (scripts/vite/), so no file holds them.
      to: { couldNotResolve: true, pathNot: '^virtual:' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a type from src/state in src/map still ties the layers.
    tsPreCompilationDeps: true,
    // Resolves `./x.ts` imports (allowImportingTsExtensions) and path settings exactly as tsc does.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
