/** shpjs 6 ships no types; only the function the Shapefile reader calls is declared (the .dbf is read by dbf.ts). */
declare module 'shpjs' {
  /** Geometries of a .shp, reprojected to WGS84 when a .prj (WKT text) is given. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string): unknown[];
}
