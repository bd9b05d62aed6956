/**
 * An imported layer as GeoJSON for download, each feature carrying what was measured of it:
 * `measured_area_m2` (WGS84 ellipsoidal; 0 for points and lines) and `measured_length_m` (lines
 * only; 0 otherwise). A property of the same name in the planner's file is overwritten, since
 * these are the figures the app showed.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { ellipsoidalArea } from '../../geo/area.ts';
import { lineLengthOf } from './import-file.ts';

/** @example JSON.stringify(withMeasurements(collection, featureAreasM2)) // → the export file's text */
export function withMeasurements(collection: FeatureCollection, featureAreasM2: Float64Array): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.map(
      (feature, index): Feature => ({
        ...feature,
        properties: {
          ...feature.properties,
          measured_area_m2: featureAreasM2[index] ?? ellipsoidalArea(feature.geometry),
          measured_length_m: lineLengthOf(feature.geometry),
        },
      }),
    ),
  };
}
