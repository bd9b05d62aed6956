/** shpjs 6 ships no types; only the two functions the Shapefile reader calls are declared. */
declare module 'shpjs' {
  /** Geometries of a .shp, reprojected to WGS84 when a .prj (WKT text) is given. */
  export function parseShp(shp: DataView | ArrayBuffer | Uint8Array, prj?: string): unknown[];
  /** Attribute records of a .dbf, decoded by the .cpg code page when given. */
  export function parseDbf(dbf: DataView | ArrayBuffer | Uint8Array, cpg?: string): unknown[];
}
