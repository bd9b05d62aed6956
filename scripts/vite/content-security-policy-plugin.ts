/**
 * Puts a Content-Security-Policy `<meta>` into the built index.html (not in dev: Vite's HMR client
 * needs inline scripts), and a `data:` favicon link if the page has none, so no test log carries
 * a favicon 404.
 *
 * The policy allows the app's own origin and nothing else, plus what MapLibre GL JS 6 needs:
 * `data:` for the inline SVG icons in its stylesheet, and the `blob:` its CSP notes ask for
 * (workers, images decoded in memory). Checked in chromium: the first load also passes without
 * any `blob:`, because the worker is a same-origin module (`setWorkerUrl`); `blob:` stays for
 * MapLibre's image paths the zone map does not exercise yet. `connect-src` is 'self' plus `blob:`:
 * a planner's imported layer reaches the map as a `blob:` URL of the GeoJSON the import worker
 * made, and MapLibre's own worker fetches that URL. The only other origins are the tile hosts of
 * the online basemaps offered in basemaps.config.ts, derived from it (and contacted only after
 * the visitor consents). No 'unsafe-eval', no 'unsafe-inline'. A `<meta>` CSP cannot carry
 * `frame-ancestors` or reporting; a server that wants those must send the header itself.
 */
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { BASEMAPS, basemapContentSecurityPolicySources, type Basemap } from '../../basemaps.config.ts';

export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'blob:'],
  'worker-src': ["'self'", 'blob:'],
  'child-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** The app's own policy with the tile hosts of the given basemaps added where they are needed. */
export function contentSecurityPolicyFor(basemaps: readonly Basemap[]): Record<string, readonly string[]> {
  const policy: Record<string, readonly string[]> = { ...CONTENT_SECURITY_POLICY };
  for (const [directive, hosts] of Object.entries(basemapContentSecurityPolicySources(basemaps))) {
    if (hosts.length > 0) policy[directive] = [...(policy[directive] ?? []), ...hosts];
  }
  return policy;
}

export function contentSecurityPolicyText(
  policy: Readonly<Record<string, readonly string[]>> = contentSecurityPolicyFor(BASEMAPS),
): string {
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

export function contentSecurityPolicyPlugin(): Plugin[] {
  return [
    {
      name: 'luzhou:content-security-policy',
      apply: 'build',
      transformIndexHtml: {
        order: 'post',
        handler(html): HtmlTagDescriptor[] {
          if (/http-equiv=["']?content-security-policy/i.test(html)) return [];
          // First in <head>: a policy only governs what comes after it.
          return [
            {
              tag: 'meta',
              attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicyText() },
              injectTo: 'head-prepend',
            },
          ];
        },
      },
    },
    {
      name: 'luzhou:empty-favicon',
      transformIndexHtml(html): HtmlTagDescriptor[] {
        if (/<link[^>]+rel=["']?(shortcut )?icon/i.test(html)) return [];
        return [{ tag: 'link', attrs: { rel: 'icon', href: 'data:,' }, injectTo: 'head' }];
      },
    },
  ];
}
