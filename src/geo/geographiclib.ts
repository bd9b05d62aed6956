/**
 * GeographicLib's geodesic module, imported so it works both under Node's ESM loader (where this
 * UMD/CommonJS package exposes only a default export) and under Vite (which also offers names).
 */
import * as geographiclibNamespace from 'geographiclib-geodesic';

type GeographicLib = typeof geographiclibNamespace;

const geographiclib: GeographicLib =
  (geographiclibNamespace as unknown as { default?: GeographicLib }).default ?? geographiclibNamespace;

export const Geodesic = geographiclib.Geodesic;
