/**
 * A schematic river course from the 江阳|龙马潭 district boundary, which follows the Tuo down to
 * the confluence and then the Yangtze. District lines run mid-stream, so this is the river's
 * centre line at the boundary's vertex spacing (a few hundred metres), not its banks.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

function outerRings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates[0]!] : geometry.coordinates.map((polygon) => polygon[0]!);
}

const positionKey = (position: Position) => `${position[0]},${position[1]}`;

/**
 * The longest run of consecutive vertices of `first`'s outer ring that are also vertices of
 * `second`, in `first`'s ring order. Both must come from the same topology (as DataV's do), so
 * shared vertices are bit-identical after the same conversion.
 */
export function sharedBoundary(first: Polygon | MultiPolygon, second: Polygon | MultiPolygon): Position[] {
  const secondVertices = new Set(outerRings(second).flat().map(positionKey));
  let best: Position[] = [];
  for (const ring of outerRings(first)) {
    const open = ring.slice(0, -1);
    // Walk the ring twice so a run that wraps past the ring's start is found whole.
    let current: Position[] = [];
    for (let step = 0; step < open.length * 2; step++) {
      const vertex = open[step % open.length]!;
      if (secondVertices.has(positionKey(vertex))) {
        current.push(vertex);
        if (current.length > best.length && current.length <= open.length) best = current.slice();
      } else {
        current = [];
      }
    }
  }
  return best;
}

/** Index of the vertex nearest to `target`, in plain degrees scaled for latitude: enough to pick a split vertex. */
export function nearestVertexIndex(line: readonly Position[], target: Position): number {
  const cosine = Math.cos((target[1]! * Math.PI) / 180);
  let bestIndex = 0;
  let bestDistance = Infinity;
  line.forEach((vertex, index) => {
    const dx = (vertex[0]! - target[0]!) * cosine;
    const dy = vertex[1]! - target[1]!;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      bestIndex = index;
    }
  });
  return bestIndex;
}
