/**
 * The visiting order that makes a trip shortest, from a fixed start, as an open path or a round trip.
 *
 * Up to EXACT_STOP_LIMIT stops besides the start the answer is exact: Held–Karp dynamic programming
 * (Held & Karp, "A dynamic programming approach to sequencing problems", J. SIAM 1962), which costs
 * 2^n·n² steps — about 0.6 M at 12 stops, a few milliseconds. Beyond that the order is nearest
 * neighbour improved by 2-opt (Croes 1958) and Or-opt segment moves (Or 1976) until neither finds a
 * shorter order: not guaranteed optimal, never longer than the nearest-neighbour order it starts from.
 *
 * Costs must be symmetric (2-opt reverses segments); index 0 is the start and stays first.
 *
 * @example
 * optimiseOrder(distanceMatrix(points), { roundTrip: false })
 * // { order: [0, 2, 1, 3], cost: 5230.4, method: 'exact' }
 */

export type CostMatrix = readonly (readonly number[])[];

export interface OrderOptions {
  /** Come back to the start at the end; the return leg counts in the cost. */
  roundTrip: boolean;
}

export interface OptimisedOrder {
  /** Indices into the cost matrix, starting with 0. */
  order: number[];
  /** Sum of the legs in that order (with the return leg for a round trip). */
  cost: number;
  method: 'exact' | 'heuristic';
}

/** Largest number of stops besides the start solved exactly. */
export const EXACT_STOP_LIMIT = 12;

// Improvements smaller than this are rounding noise and could make the local search cycle.
const IMPROVEMENT_EPSILON = 1e-9;

function cost(costs: CostMatrix, from: number, to: number): number {
  return costs[from]![to]!;
}

/** Length of a visiting order under the given costs. */
export function orderCost(costs: CostMatrix, order: readonly number[], options: OrderOptions): number {
  let total = 0;
  for (let index = 1; index < order.length; index++) total += cost(costs, order[index - 1]!, order[index]!);
  if (options.roundTrip && order.length > 1) total += cost(costs, order[order.length - 1]!, order[0]!);
  return total;
}

/** Shortest order by Held–Karp; use only for small sets (see EXACT_STOP_LIMIT). */
export function exactOrder(costs: CostMatrix, options: OrderOptions): OptimisedOrder {
  const pointCount = costs.length;
  if (pointCount <= 2) {
    const order = Array.from({ length: pointCount }, (_, index) => index);
    return { order, cost: orderCost(costs, order, options), method: 'exact' };
  }
  // Stop s (1-based index in the matrix) is bit s−1 of a subset mask.
  const stopCount = pointCount - 1;
  // Memory and time double with every stop: past this the tables alone would take gigabytes.
  if (stopCount > 20)
    throw new RangeError(`exactOrder: ${stopCount} stops is too many to solve exactly; use optimiseOrder`);
  const subsetCount = 1 << stopCount;
  const best = new Float64Array(subsetCount * stopCount).fill(Infinity);
  const previous = new Int8Array(subsetCount * stopCount).fill(-1);
  for (let stop = 0; stop < stopCount; stop++) best[(1 << stop) * stopCount + stop] = cost(costs, 0, stop + 1);
  for (let subset = 1; subset < subsetCount; subset++) {
    for (let last = 0; last < stopCount; last++) {
      if (!(subset & (1 << last))) continue;
      const reached = best[subset * stopCount + last]!;
      if (reached === Infinity) continue;
      for (let next = 0; next < stopCount; next++) {
        if (subset & (1 << next)) continue;
        const extended = subset | (1 << next);
        const candidate = reached + cost(costs, last + 1, next + 1);
        if (candidate < best[extended * stopCount + next]!) {
          best[extended * stopCount + next] = candidate;
          previous[extended * stopCount + next] = last;
        }
      }
    }
  }
  const full = subsetCount - 1;
  let bestLast = 0;
  let bestCost = Infinity;
  for (let last = 0; last < stopCount; last++) {
    const total = best[full * stopCount + last]! + (options.roundTrip ? cost(costs, last + 1, 0) : 0);
    if (total < bestCost) {
      bestCost = total;
      bestLast = last;
    }
  }
  const reversed: number[] = [];
  let subset = full;
  let last = bestLast;
  while (last !== -1) {
    reversed.push(last + 1);
    const before = previous[subset * stopCount + last]!;
    subset &= ~(1 << last);
    last = before;
  }
  return { order: [0, ...reversed.reverse()], cost: bestCost, method: 'exact' };
}

/** Greedy order: from the start, always go to the nearest stop not yet visited. */
export function nearestNeighbourOrder(costs: CostMatrix): number[] {
  const order = [0];
  const visited = new Set(order);
  while (order.length < costs.length) {
    const current = order[order.length - 1]!;
    let nearest = -1;
    for (let candidate = 0; candidate < costs.length; candidate++) {
      if (visited.has(candidate)) continue;
      if (nearest === -1 || cost(costs, current, candidate) < cost(costs, current, nearest)) nearest = candidate;
    }
    order.push(nearest);
    visited.add(nearest);
  }
  return order;
}

/** One improving 2-opt move (reversing order[first..last]) applied in place; false when none exists. */
function improveByTwoOpt(costs: CostMatrix, order: number[], roundTrip: boolean): boolean {
  const length = order.length;
  for (let first = 1; first < length - 1; first++) {
    const before = order[first - 1]!;
    const firstStop = order[first]!;
    for (let last = first + 1; last < length; last++) {
      const lastStop = order[last]!;
      const after = last + 1 < length ? order[last + 1]! : roundTrip ? order[0]! : -1;
      let delta = cost(costs, before, lastStop) - cost(costs, before, firstStop);
      if (after !== -1) delta += cost(costs, firstStop, after) - cost(costs, lastStop, after);
      if (delta < -IMPROVEMENT_EPSILON) {
        const segment = order.slice(first, last + 1).reverse();
        order.splice(first, segment.length, ...segment);
        return true;
      }
    }
  }
  return false;
}

/** One improving Or-opt move (a run of 1–3 stops moved elsewhere, either way round); false when none. */
function improveByOrOpt(costs: CostMatrix, order: number[], roundTrip: boolean): boolean {
  const length = order.length;
  for (let segmentLength = 1; segmentLength <= 3; segmentLength++) {
    for (let first = 1; first + segmentLength <= length; first++) {
      const last = first + segmentLength - 1;
      const before = order[first - 1]!;
      const after = last + 1 < length ? order[last + 1]! : roundTrip ? order[0]! : -1;
      const segmentFirst = order[first]!;
      const segmentLast = order[last]!;
      const removalGain =
        cost(costs, before, segmentFirst) +
        (after === -1 ? 0 : cost(costs, segmentLast, after) - cost(costs, before, after));
      const rest = [...order.slice(0, first), ...order.slice(last + 1)];
      for (let position = 0; position < rest.length; position++) {
        const left = rest[position]!;
        const right = position + 1 < rest.length ? rest[position + 1]! : roundTrip ? rest[0]! : -1;
        for (const reversed of [false, true]) {
          if (position === first - 1 && !reversed) continue;
          const entry = reversed ? segmentLast : segmentFirst;
          const exit = reversed ? segmentFirst : segmentLast;
          const insertionCost =
            cost(costs, left, entry) + (right === -1 ? 0 : cost(costs, exit, right) - cost(costs, left, right));
          if (insertionCost - removalGain < -IMPROVEMENT_EPSILON) {
            const segment = order.slice(first, last + 1);
            if (reversed) segment.reverse();
            rest.splice(position + 1, 0, ...segment);
            order.splice(0, length, ...rest);
            return true;
          }
        }
      }
    }
  }
  return false;
}

/** Nearest neighbour, then 2-opt and Or-opt until neither shortens the order. */
export function heuristicOrder(costs: CostMatrix, options: OrderOptions): OptimisedOrder {
  const order = nearestNeighbourOrder(costs);
  // Each accepted move shortens the order by more than IMPROVEMENT_EPSILON, so this ends; the cap only
  // bounds the time on pathological inputs.
  for (let moves = 0; moves < 100_000; moves++) {
    if (!improveByTwoOpt(costs, order, options.roundTrip) && !improveByOrOpt(costs, order, options.roundTrip)) break;
  }
  return { order, cost: orderCost(costs, order, options), method: 'heuristic' };
}

/**
 * Best visiting order for a square cost matrix whose row/column 0 is the start. Exact for at most
 * EXACT_STOP_LIMIT stops besides the start, heuristic beyond.
 */
export function optimiseOrder(costs: CostMatrix, options: OrderOptions): OptimisedOrder {
  return costs.length - 1 <= EXACT_STOP_LIMIT ? exactOrder(costs, options) : heuristicOrder(costs, options);
}
