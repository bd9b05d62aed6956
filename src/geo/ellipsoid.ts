/** WGS84 ellipsoid constants (identical to CGCS2000's to the precision that matters for areas). */
export const WGS84_SEMI_MAJOR_AXIS_M = 6378137;
export const WGS84_FLATTENING = 1 / 298.257223563;
export const WGS84_ECCENTRICITY_SQUARED = WGS84_FLATTENING * (2 - WGS84_FLATTENING);
export const WGS84_ECCENTRICITY = Math.sqrt(WGS84_ECCENTRICITY_SQUARED);
