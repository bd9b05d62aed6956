/**
 * Preload links in index.html for what the first frame fetches at run time: the dataset (its
 * manifest and every file the manifest names) and the build's zone statistics. Without them those
 * requests wait for the entry script to arrive and run (and the manifest's, for the layer files):
 * round trips that a slow connection pays in full. The page still fetches them itself, with the
 * same URL and mode, and the browser hands it the preloaded response.
 *
 * `as="fetch"` with `crossorigin="anonymous"`: that is how a same-origin `fetch()` is matched to a
 * preload (credentials "same-origin"); without the attribute the browser fetches twice. Only
 * relative file names of plain characters become links: the manifest is data a planner may edit,
 * and a link never points off the page's origin (the CSP's `default-src 'self'` would refuse it).
 * A browser holding a dataset package (the rare planner's case) downloads the shipped files unused.
 *
 * Measured and left out: `modulepreload` of the map module and maplibre-gl. It made no difference
 * the first-render bench could see (fast or 400 kbps), and it would make a browser without WebGL,
 * which never draws the map, download maplibre-gl for nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { PRECOMPUTED_STATISTICS_FILE } from '../../src/analysis/precomputed-statistics.ts';
import { MANIFEST_FILE } from '../../src/data/load-dataset.ts';

/** Folders and a name of letters, digits, `_` and `-`, then an extension: no `..`, no scheme, no host. */
const PLAIN_RELATIVE_FILE = /^[\w-]+(\/[\w-]+)*\.\w+$/;

/** The files the page reads from `geodata/` for the shipped dataset, in the order it reads them. */
export function datasetFilesToPreload(manifestText: string): string[] {
  let manifest: { layers?: { file?: unknown }[]; labels?: unknown };
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    return [MANIFEST_FILE];
  }
  const named = [
    ...(Array.isArray(manifest.layers) ? manifest.layers.map((layer) => layer?.file) : []),
    manifest.labels,
  ];
  return [
    MANIFEST_FILE,
    ...named.filter((file): file is string => typeof file === 'string' && PLAIN_RELATIVE_FILE.test(file)),
  ];
}

function preloadLink(href: string): HtmlTagDescriptor {
  return { tag: 'link', attrs: { rel: 'preload', href, as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' };
}

export function firstLoadPreloadPlugin(options: { directory?: string } = {}): Plugin {
  let directory = '';
  let base = './';
  return {
    name: 'luzhou:first-load-preload',
    apply: 'build',
    configResolved(resolved) {
      directory = resolve(resolved.root, options.directory ?? 'geodata');
      base = resolved.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(): HtmlTagDescriptor[] {
        const manifestPath = resolve(directory, MANIFEST_FILE);
        if (!existsSync(manifestPath)) return [];
        return [
          ...datasetFilesToPreload(readFileSync(manifestPath, 'utf8')).map((file) =>
            preloadLink(`${base}geodata/${file}`),
          ),
          preloadLink(`${base}${PRECOMPUTED_STATISTICS_FILE}`),
        ];
      },
    },
  };
}
