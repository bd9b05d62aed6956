/**
 * Joins river lines from sources of different accuracy into one continuous line per river.
 *
 * The most accurate lines (the DataV district-boundary midlines, which run mid-stream) cover only
 * part of a river; coarser lines (GSHHG WDBII, Natural Earth) cover all of it. The precise
 * stretches are kept exactly as they are; the coarse line is cut where it passes the precise
 * stretch's ends and its last (or first) vertex is moved onto that end, so the river has no gap and
 * no overlap, and every stretch says which source it came from. Pure: positions in, positions out.
 *
 * @example
 * const yangtze = joinRiver({
 *   precise: [{ key: 'datav', source: '…', confidence: 'medium', coordinates: belowConfluence }],
 *   coarse: [gshhgYangtze, naturalEarthYangtze],
 *   extendUpstream: true,
 *   extendDownstream: true,
 *   maximumJoinMetres: 2500,
 * });
 * yangtze.coordinates; // one LineString, upstream → downstream
 * yangtze.stretches.map((stretch) => stretch.key); // ['gshhg', 'datav', 'gshhg']
 */
import { lineString } from '@turf/helpers';
import { nearestPointOnLine } from '@turf/nearest-point-on-line';
import type { Position } from 'geojson';
import type { Confidence } from '../../src/data/dataset-types.ts';
import { geodesicDistance, pathLength } from '../../src/geo/length.ts';

/** A river line from one source. Coarse candidates are listed most accurate first. */
export interface RiverSourceLine {
  /** Short id of the source (`datav`, `gshhg`, `natural-earth`): which one won is checked by it. */
  key: string;
  /** The citation carried into the feature. */
  source: string;
  confidence: Confidence;
  coordinates: Position[];
}

export interface RiverStretch {
  key: string;
  source: string;
  confidence: Confidence;
  /** `upstream` / `downstream` of the precise stretches, or `precise`. */
  role: 'upstream' | 'precise' | 'downstream';
  coordinates: Position[];
  lengthMetres: number;
  /**
   * For a coarse stretch: how far the coarse line passes from the precise end it was moved onto
   * (the size of the bend the join makes). 0 for precise stretches.
   */
  joinOffsetMetres: number;
}

export interface JoinedRiver {
  /** One line from the most upstream to the most downstream vertex, every stretch's vertices in order. */
  coordinates: Position[];
  stretches: RiverStretch[];
}

export interface JoinRiverOptions {
  /** Contiguous stretches in downstream order: each starts exactly where the previous ends. */
  precise: RiverSourceLine[];
  /** Lines that cover the whole river, most accurate first; the first close enough to the precise ends is used. */
  coarse: RiverSourceLine[];
  /** Continue above the first precise stretch (false where the precise line already starts at the source or the frame). */
  extendUpstream: boolean;
  /** Continue below the last precise stretch (false for a tributary whose precise line ends at its mouth). */
  extendDownstream: boolean;
  /** A coarse line farther than this from a precise end is not the same river there. */
  maximumJoinMetres: number;
}

const samePosition = (first: Position, second: Position) => first[0] === second[0] && first[1] === second[1];

interface Projection {
  /** The nearest point of the line. */
  position: Position;
  /** Index of the segment it lies on (the segment from vertex `segmentIndex` to the next). */
  segmentIndex: number;
  /** Distance along the line to it, kilometres. */
  along: number;
  /** Distance from the target to it, metres. */
  offsetMetres: number;
}

function project(line: Position[], target: Position): Projection {
  const nearest = nearestPointOnLine(lineString(line), target, { units: 'kilometers' });
  const position = nearest.geometry.coordinates;
  return {
    position,
    segmentIndex: nearest.properties.segmentIndex ?? nearest.properties.index,
    along: nearest.properties.totalDistance ?? nearest.properties.location,
    offsetMetres: geodesicDistance(target, position),
  };
}

/**
 * How far before the nearest point the coarse line is left, in multiples of its distance from the
 * precise end. Cut at the nearest point itself, the join runs sideways (or, where the coarse line
 * passes beyond the precise end, back upstream: a hook); cut this much earlier, it heads on
 * downstream at about 35° to the river.
 */
const JOIN_BACKOFF_RATIO = 1.5;

/**
 * `line` from its start to `metres` before `projection` (measured back along the line), the last
 * position interpolated within its segment.
 */
function cutBefore(line: readonly Position[], projection: Projection, metres: number): Position[] {
  let remaining = metres;
  let cursor = projection.position;
  for (let index = projection.segmentIndex; index >= 0; index--) {
    const vertex = line[index]!;
    const step = geodesicDistance(cursor, vertex);
    if (step >= remaining) {
      const fraction = step === 0 ? 0 : remaining / step;
      const cut = [
        cursor[0]! + (vertex[0]! - cursor[0]!) * fraction,
        cursor[1]! + (vertex[1]! - cursor[1]!) * fraction,
      ];
      return [...line.slice(0, index + 1), cut];
    }
    remaining -= step;
    cursor = vertex;
  }
  return [line[0]!];
}

/** Closer than this, two vertices are one: a slice that ends on a vertex repeats it with rounding noise. */
const SAME_VERTEX_METRES = 1;

/** Drops a vertex within a metre of the one before it. */
function withoutRepeats(positions: Position[]): Position[] {
  const kept: Position[] = [];
  for (const position of positions) {
    if (kept.length === 0 || geodesicDistance(kept.at(-1)!, position) > SAME_VERTEX_METRES) kept.push(position);
  }
  return kept;
}

function checkContiguous(precise: RiverSourceLine[]): void {
  if (precise.length === 0) throw new Error('joinRiver: no precise stretch to join to');
  for (const line of precise) {
    if (line.coordinates.length < 2) throw new Error(`joinRiver: the ${line.key} stretch has fewer than 2 positions`);
  }
  for (let index = 1; index < precise.length; index++) {
    const previousEnd = precise[index - 1]!.coordinates.at(-1)!;
    const start = precise[index]!.coordinates[0]!;
    if (!samePosition(previousEnd, start)) {
      throw new Error(
        `joinRiver: precise stretch ${index} (${precise[index]!.key}) starts at ${start.join(', ')}, not where stretch ${index - 1} ends (${previousEnd.join(', ')})`,
      );
    }
  }
}

/**
 * The most accurate coarse line that passes within `maximumJoinMetres` of every precise end it has
 * to join, oriented to run downstream (as the precise stretches do).
 */
export function chooseCoarseLine(
  candidates: readonly RiverSourceLine[],
  preciseStart: Position,
  preciseEnd: Position,
  needed: { upstream: boolean; downstream: boolean },
  maximumJoinMetres: number,
): { line: RiverSourceLine; start: Projection; end: Projection } | null {
  for (const candidate of candidates) {
    if (candidate.coordinates.length < 2) continue;
    let coordinates = candidate.coordinates;
    let start = project(coordinates, preciseStart);
    let end = project(coordinates, preciseEnd);
    if (start.along > end.along) {
      coordinates = [...coordinates].reverse();
      start = project(coordinates, preciseStart);
      end = project(coordinates, preciseEnd);
    }
    const closeEnough =
      (!needed.upstream || start.offsetMetres <= maximumJoinMetres) &&
      (!needed.downstream || end.offsetMetres <= maximumJoinMetres);
    if (closeEnough) return { line: { ...candidate, coordinates }, start, end };
  }
  return null;
}

export function joinRiver(options: JoinRiverOptions): JoinedRiver {
  const { precise, coarse, extendUpstream, extendDownstream, maximumJoinMetres } = options;
  checkContiguous(precise);
  const preciseStart = precise[0]!.coordinates[0]!;
  const preciseEnd = precise.at(-1)!.coordinates.at(-1)!;

  const stretches: RiverStretch[] = [];
  const preciseStretches: RiverStretch[] = precise.map((line) => ({
    key: line.key,
    source: line.source,
    confidence: line.confidence,
    role: 'precise',
    coordinates: line.coordinates.map((position) => [...position]),
    lengthMetres: pathLength(line.coordinates),
    joinOffsetMetres: 0,
  }));

  if (extendUpstream || extendDownstream) {
    const chosen = chooseCoarseLine(
      coarse,
      preciseStart,
      preciseEnd,
      { upstream: extendUpstream, downstream: extendDownstream },
      maximumJoinMetres,
    );
    if (!chosen) {
      throw new Error(
        `joinRiver: none of ${coarse.map((line) => line.key).join(', ') || 'the coarse lines'} passes within ${maximumJoinMetres} m of the precise stretch's ends`,
      );
    }
    const { line, start, end } = chosen;
    const coarseStretch = (
      role: 'upstream' | 'downstream',
      coordinates: Position[],
      joinOffsetMetres: number,
    ): RiverStretch => ({
      key: line.key,
      source: line.source,
      confidence: line.confidence,
      role,
      coordinates,
      lengthMetres: pathLength(coordinates),
      joinOffsetMetres,
    });
    if (extendUpstream) {
      // The coarse line is left a little before its nearest point and the river bends onto the
      // precise start from there.
      const kept = withoutRepeats([
        ...cutBefore(line.coordinates, start, start.offsetMetres * JOIN_BACKOFF_RATIO),
        [...preciseStart],
      ]);
      if (kept.length >= 2) stretches.push(coarseStretch('upstream', kept, start.offsetMetres));
    }
    stretches.push(...preciseStretches);
    if (extendDownstream) {
      // The same cut on the reversed line: the coarse line is joined a little after its nearest point.
      const reversed = [...line.coordinates].reverse();
      const fromEnd = project(reversed, preciseEnd);
      const kept = withoutRepeats([
        ...cutBefore(reversed, fromEnd, end.offsetMetres * JOIN_BACKOFF_RATIO),
        [...preciseEnd],
      ]).reverse();
      if (kept.length >= 2) stretches.push(coarseStretch('downstream', kept, end.offsetMetres));
    }
  } else {
    stretches.push(...preciseStretches);
  }

  const coordinates: Position[] = [];
  for (const stretch of stretches) {
    for (const position of stretch.coordinates) {
      if (coordinates.length === 0 || !samePosition(coordinates.at(-1)!, position)) coordinates.push(position);
    }
  }
  return { coordinates, stretches };
}

/**
 * Median and largest distance, in metres, from the vertices of `line` to `reference`: how well a
 * stretch agrees with an independent source (the build cross-checks against Natural Earth).
 */
export function distanceToReference(
  line: readonly Position[],
  reference: readonly Position[],
): { medianMetres: number; maximumMetres: number } {
  const distances = line
    .map((position) => project([...reference], position).offsetMetres)
    .sort((first, second) => first - second);
  const middle = Math.floor(distances.length / 2);
  const medianMetres =
    distances.length % 2 === 1 ? distances[middle]! : (distances[middle - 1]! + distances[middle]!) / 2;
  return { medianMetres, maximumMetres: distances.at(-1)! };
}
