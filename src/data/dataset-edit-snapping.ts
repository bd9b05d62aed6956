/**
 * Snapping a dragged vertex to the vertices of the dataset's other features (issue 11 §1), so an
 * edited park can share its corner with the zone outline exactly. The vertices are gathered once
 * when an edit starts; each pointer move first keeps only those inside a small lon/lat box around
 * the pointer (plain comparisons) and measures screen distance for those alone, because projecting
 * every district vertex on every move would cost a frame.
 */
import type { Geometry, Position } from 'geojson';
import type { Dataset, FeatureReference } from './dataset-types.ts';

function collect(geometry: Geometry | null, into: Position[]): void {
  if (!geometry) return;
  switch (geometry.type) {
    case 'Point':
      into.push(geometry.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      into.push(...geometry.coordinates);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) into.push(...line);
      return;
    case 'MultiPolygon':
      for (const rings of geometry.coordinates) for (const ring of rings) into.push(...ring);
      return;
    case 'GeometryCollection':
      for (const member of geometry.geometries) collect(member, into);
  }
}

/** Every vertex of every feature but the one being edited. */
export function snapVertices(dataset: Dataset, editing: FeatureReference): Position[] {
  const vertices: Position[] = [];
  for (const layer of dataset.layers) {
    for (const feature of layer.features.features) {
      if (layer.definition.id === editing.layerId && feature.properties.id === editing.featureId) continue;
      collect(feature.geometry, vertices);
    }
  }
  return vertices;
}

export interface ScreenProjection {
  project: (longitude: number, latitude: number) => { x: number; y: number };
  unproject: (x: number, y: number) => { lng: number; lat: number };
}

/**
 * The vertex closest to the pointer on screen within `radiusPixels`, or undefined. `pointer` is
 * the pointer's position on the map.
 */
export function nearestVertex(
  vertices: readonly Position[],
  pointer: { lng: number; lat: number },
  projection: ScreenProjection,
  radiusPixels: number,
): Position | undefined {
  const centre = projection.project(pointer.lng, pointer.lat);
  // The box's corners in lon/lat; any screen rotation is covered by taking all four.
  const corners = [
    projection.unproject(centre.x - radiusPixels, centre.y - radiusPixels),
    projection.unproject(centre.x + radiusPixels, centre.y - radiusPixels),
    projection.unproject(centre.x - radiusPixels, centre.y + radiusPixels),
    projection.unproject(centre.x + radiusPixels, centre.y + radiusPixels),
  ];
  const west = Math.min(...corners.map((corner) => corner.lng));
  const east = Math.max(...corners.map((corner) => corner.lng));
  const south = Math.min(...corners.map((corner) => corner.lat));
  const north = Math.max(...corners.map((corner) => corner.lat));
  let best: Position | undefined;
  let bestDistance = radiusPixels;
  for (const vertex of vertices) {
    const longitude = vertex[0]!;
    const latitude = vertex[1]!;
    if (longitude < west || longitude > east || latitude < south || latitude > north) continue;
    const point = projection.project(longitude, latitude);
    const distance = Math.hypot(point.x - centre.x, point.y - centre.y);
    if (distance <= bestDistance) {
      best = vertex;
      bestDistance = distance;
    }
  }
  return best ? [best[0]!, best[1]!] : undefined;
}
