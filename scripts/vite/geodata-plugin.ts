/**
 * Serves `geodata/` at `<base>geodata/…` in dev and copies it to `dist/geodata/` on build.
 *
 * The app fetches `geodata/manifest.json` and the layer files it names at run time instead of
 * bundling them, so a planner can replace a layer file in a built copy without rebuilding.
 * `vite preview` serves `dist/`, which holds the copy, so it needs nothing more.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.kml': 'application/vnd.google-earth.kml+xml; charset=utf-8',
  '.gpx': 'application/gpx+xml; charset=utf-8',
};

export interface GeodataPluginOptions {
  /** Directory of the dataset: absolute, or relative to the Vite root. */
  directory?: string;
  /** URL segment it is served under, relative to `base`. */
  urlSegment?: string;
}

function listDataFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * `vite preview` gzips by content type, and its list (text, javascript, /json, xml) misses
 * `application/geo+json`: the layer files went out uncompressed, a third of the first load. Static
 * hosts gzip JSON (nginx `gzip_types`, CDNs by default), so the preview does too, at zlib's default
 * level like Vite's own compression of everything else.
 */
function sendCompressible(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  cache: Map<string, Buffer>,
): void {
  const body = readFileSync(file);
  response.statusCode = 200;
  response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
  response.setHeader('Vary', 'Accept-Encoding');
  if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    response.end(request.method === 'HEAD' ? undefined : body);
    return;
  }
  const key = `${file}:${body.byteLength}:${statSync(file).mtimeMs}`;
  const compressed = cache.get(key) ?? gzipSync(body);
  cache.set(key, compressed);
  response.setHeader('Content-Encoding', 'gzip');
  response.setHeader('Content-Length', String(compressed.byteLength));
  response.end(request.method === 'HEAD' ? undefined : compressed);
}

function sendError(response: ServerResponse, status: number, message: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(message);
}

export function geodataPlugin(options: GeodataPluginOptions = {}): Plugin {
  const segment = options.urlSegment ?? 'geodata';
  let config: ResolvedConfig;
  let directory = '';
  return {
    name: 'luzhou:geodata',
    configResolved(resolved) {
      config = resolved;
      directory = resolve(resolved.root, options.directory ?? 'geodata');
    },
    configureServer(server) {
      server.watcher.add(directory);
      // A changed layer file is data the page already fetched: reload so what is drawn is current.
      const reloadOnDataChange = (file: string) => {
        if (file.startsWith(directory + sep)) server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reloadOnDataChange);
      server.watcher.on('add', reloadOnDataChange);
      server.watcher.on('unlink', reloadOnDataChange);

      const prefix = `/${segment}/`;
      server.middlewares.use((request, response, next) => {
        // Vite strips `base` before middlewares when base is absolute; with base './' it is '/'.
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith(prefix)) return next();
        if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(response, 405, 'GET only');
        let relativePath: string;
        try {
          relativePath = decodeURIComponent(url.pathname.slice(prefix.length));
        } catch {
          return sendError(response, 400, `Malformed path: ${url.pathname}`);
        }
        const file = resolve(directory, relativePath);
        // Refuse `..` and absolute paths: only files inside geodata/ are served.
        if (!file.startsWith(directory + sep) || relativePath.includes('\0')) {
          return sendError(response, 403, 'Outside geodata/');
        }
        if (!existsSync(file) || !statSync(file).isFile()) {
          return sendError(response, 404, `No such dataset file: ${segment}/${relativePath}`);
        }
        response.statusCode = 200;
        response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
        // The dataset changes while developing; never let the browser keep a stale copy.
        response.setHeader('Cache-Control', 'no-cache');
        response.end(request.method === 'HEAD' ? undefined : readFileSync(file));
      });
    },
    configurePreviewServer(server) {
      const served = resolve(server.config.root, server.config.build.outDir, segment);
      const prefix = `/${segment}/`;
      const cache = new Map<string, Buffer>();
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (!url.pathname.startsWith(prefix) || !url.pathname.endsWith('.geojson')) return next();
        if (request.method !== 'GET' && request.method !== 'HEAD') return next();
        let file: string;
        try {
          file = resolve(served, decodeURIComponent(url.pathname.slice(prefix.length)));
        } catch {
          return next();
        }
        // Anything odd (outside the copy, missing) is left to the static server's own answers.
        if (!file.startsWith(served + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        sendCompressible(request, response, file, cache);
      });
    },
    generateBundle() {
      if (config.command !== 'build') return;
      for (const file of listDataFiles(directory)) {
        this.emitFile({ type: 'asset', fileName: `${segment}/${file}`, source: readFileSync(join(directory, file)) });
      }
    },
  };
}
