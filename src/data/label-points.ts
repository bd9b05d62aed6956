/**
 * One label point per polygon feature. MapLibre places a polygon's label once per vector tile the
 * polygon touches, so a wing spanning four tiles was labelled four times; a single point in its own
 * source is labelled once. The geodata build (scripts/geodata/build.ts) labels the shipped layers
 * with this, and replacing a layer in the app (replace-layer.ts) labels the new features with it,
 * so a planner's boundaries are labelled exactly as the shipped ones are.
 *
 * The point is the pole of inaccessibility (the interior point farthest from the outline, Garcia-
 * Castellanos & Lombardo 2007, via mapbox's `polylabel`) of the feature's largest part, found in
 * a plane whose longitudes are scaled by cos(latitude) so "farthest" means metres, not degrees.
 *
 * @example
 * labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]] }) // ≈ [2, 1]
 */
import type { Feature, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import { polygonArea } from '../geo/area.ts';
import type { LabelPointProperties, ZoneFeatureProperties } from './dataset-types.ts';

/** ≈ 10 m at this latitude: finer than a label can be placed on screen. */
const PRECISION_DEGREES = 1e-4;

function largestPolygon(geometry: Polygon | MultiPolygon): Position[][] {
  if (geometry.type === 'Polygon') return geometry.coordinates;
  let best = geometry.coordinates[0]!;
  let bestArea = -Infinity;
  for (const rings of geometry.coordinates) {
    const area = polygonArea(rings);
    if (area > bestArea) {
      best = rings;
      bestArea = area;
    }
  }
  return best;
}

export function labelPoint(geometry: Polygon | MultiPolygon): Position {
  const rings = largestPolygon(geometry);
  const outer = rings[0]!;
  const meanLatitude = outer.reduce((sum, position) => sum + position[1]!, 0) / outer.length;
  const scale = Math.cos((meanLatitude * Math.PI) / 180);
  const scaled = rings.map((ring) => ring.map((position) => [position[0]! * scale, position[1]!]));
  const [x, y] = polylabel(scaled, PRECISION_DEGREES);
  return [Number((x! / scale).toFixed(6)), Number(y!.toFixed(6))];
}

/**
 * Which labels win a collision, highest first: the core and wings, the zone (whose name is the page
 * title and whose label point falls on a wing's), parks, planning areas, green and scenic areas,
 * and districts (context) last. The style orders its label layers the same way and uses this rank
 * as the sort key within a layer.
 */
export const LABEL_RANK_BY_LAYER: Readonly<Record<string, number>> = {
  core: 1,
  wings: 1,
  zone: 2,
  parks: 3,
  areas: 4,
  green: 5,
  districts: 6,
};

// The shipped labels cite this text, and geodata/ must stay byte-identical: it names the module
// the build imports (which re-exports this one).
export const LABEL_POINT_SOURCE =
  "Computed by this project: pole of inaccessibility (polylabel) of the feature's largest polygon, scripts/geodata/label-points.ts";

interface LabelledFeature {
  geometry: Geometry;
  properties: ZoneFeatureProperties;
}

/**
 * A label point for every polygon feature, carrying what a label shows (names, confidence, the
 * position-unknown flag) and the id of the feature it names; not a feature of its own to click or search.
 */
export function labelPoints(features: readonly LabelledFeature[]): Feature<Point, LabelPointProperties>[] {
  const points: Feature<Point, LabelPointProperties>[] = [];
  for (const item of features) {
    const geometry = item.geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const properties = item.properties;
    points.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: labelPoint(geometry) },
      properties: {
        // The named feature's id: a rendered label says which feature it names, as it did when
        // labels were drawn from the features themselves.
        id: properties.id,
        layer: properties.layer,
        name_zh: properties.name_zh,
        name_en: properties.name_en,
        kind: 'label-point',
        source: LABEL_POINT_SOURCE,
        // The label says "≈" exactly when the feature it names is approximate.
        confidence: properties.confidence,
        ...(properties.position_unknown === true ? { position_unknown: true } : {}),
        label_rank: LABEL_RANK_BY_LAYER[properties.layer] ?? 7,
      },
    });
  }
  return points;
}
