import { describe, expect, test } from 'vitest';
import { distanceMatrix } from '../../../src/trip/distance.ts';
import {
  EXACT_STOP_LIMIT,
  exactOrder,
  heuristicOrder,
  nearestNeighbourOrder,
  optimiseOrder,
  orderCost,
  type CostMatrix,
} from '../../../src/trip/optimise-order.ts';
import { randomZonePoints, seededRandom } from './seeded-random.ts';

/** Every order that keeps 0 first, by Heap's algorithm over the stops. */
function bruteForceBest(costs: CostMatrix, roundTrip: boolean): number {
  const stops = Array.from({ length: costs.length - 1 }, (_, index) => index + 1);
  let best = orderCost(costs, [0, ...stops], { roundTrip });
  const counters = new Array<number>(stops.length).fill(0);
  let index = 0;
  while (index < stops.length) {
    if (counters[index]! < index) {
      const swapWith = index % 2 === 0 ? 0 : counters[index]!;
      [stops[swapWith], stops[index]] = [stops[index]!, stops[swapWith]!];
      best = Math.min(best, orderCost(costs, [0, ...stops], { roundTrip }));
      counters[index]! += 1;
      index = 0;
    } else {
      counters[index] = 0;
      index += 1;
    }
  }
  return best;
}

function expectPermutationStartingAtZero(order: readonly number[], size: number): void {
  expect(order[0]).toBe(0);
  expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, index) => index));
}

describe('optimiseOrder', () => {
  for (const roundTrip of [false, true]) {
    test(`matches brute force on random sets of 1–9 points (${roundTrip ? 'round trip' : 'open path'})`, () => {
      for (let size = 1; size <= 9; size++) {
        for (let seed = 1; seed <= 3; seed++) {
          const costs = distanceMatrix(randomZonePoints(seededRandom(size * 100 + seed), size));
          const result = optimiseOrder(costs, { roundTrip });
          expectPermutationStartingAtZero(result.order, size);
          expect(result.method).toBe('exact');
          expect(result.cost).toBeCloseTo(orderCost(costs, result.order, { roundTrip }), 6);
          expect(result.cost).toBeCloseTo(bruteForceBest(costs, roundTrip), 6);
        }
      }
    });

    test(`the heuristic beyond the exact limit is never longer than nearest neighbour (${roundTrip ? 'round trip' : 'open path'})`, () => {
      for (const size of [EXACT_STOP_LIMIT + 2, 20, 35]) {
        for (let seed = 1; seed <= 3; seed++) {
          const costs = distanceMatrix(randomZonePoints(seededRandom(size * 1000 + seed), size));
          const result = optimiseOrder(costs, { roundTrip });
          expect(result.method).toBe('heuristic');
          expectPermutationStartingAtZero(result.order, size);
          expect(result.cost).toBeLessThanOrEqual(orderCost(costs, nearestNeighbourOrder(costs), { roundTrip }) + 1e-6);
        }
      }
    });

    test(`the heuristic never beats the exact optimum and usually reaches it on small sets (${roundTrip ? 'round trip' : 'open path'})`, () => {
      let reachedOptimum = 0;
      const trials = 20;
      for (let seed = 1; seed <= trials; seed++) {
        const costs = distanceMatrix(randomZonePoints(seededRandom(7000 + seed), 9));
        const exact = exactOrder(costs, { roundTrip });
        const heuristic = heuristicOrder(costs, { roundTrip });
        expect(heuristic.cost).toBeGreaterThanOrEqual(exact.cost - 1e-6);
        if (heuristic.cost - exact.cost < 1e-6) reachedOptimum += 1;
      }
      // A local search that regularly misses the optimum on 9 points would be broken, not unlucky.
      expect(reachedOptimum).toBeGreaterThanOrEqual(trials * 0.6);
    });
  }

  test('keeps the start first even when it lies far from every stop', () => {
    const costs = distanceMatrix([
      [105.9, 29.5],
      [105.4, 28.88],
      [105.41, 28.88],
      [105.42, 28.88],
    ]);
    const result = optimiseOrder(costs, { roundTrip: false });
    expect(result.order).toEqual([0, 3, 2, 1]);
  });

  test('along a line the open path runs outwards and the round trip costs twice the farthest stop', () => {
    // Stops on a line east of the start: the open path runs outwards; the round trip's length is
    // the same either way, so only the open path pins the direction.
    const costs = distanceMatrix([
      [105.4, 28.9],
      [105.42, 28.9],
      [105.44, 28.9],
      [105.46, 28.9],
    ]);
    expect(optimiseOrder(costs, { roundTrip: false }).order).toEqual([0, 1, 2, 3]);
    const roundTrip = optimiseOrder(costs, { roundTrip: true });
    expect(roundTrip.cost).toBeCloseTo(2 * costs[0]![3]!, 3);
  });
});
