import { describe, expect, test } from 'vitest';
import { distanceMatrix, geodesicDistance } from '../../../src/trip/distance.ts';

describe('geodesicDistance', () => {
  test('matches textbook WGS84 arc lengths', () => {
    // One degree of longitude on the equator is a·π/180 with a = 6 378 137 m.
    expect(geodesicDistance([0, 0], [1, 0])).toBeCloseTo((6378137 * Math.PI) / 180, 3);
    // The meridian arc from the equator to 1°N is 110 574.389 m on WGS84 (a spherical earth would say 111 195 m).
    expect(geodesicDistance([105, 0], [105, 1])).toBeCloseTo(110574.389, 2);
  });
  test('is symmetric and zero for a point with itself', () => {
    const a = [105.4415, 28.8859] as const;
    const b = [105.501, 28.858] as const;
    expect(geodesicDistance(a, b)).toBeCloseTo(geodesicDistance(b, a), 9);
    expect(geodesicDistance(a, a)).toBe(0);
  });
  test('a distance matrix is square, symmetric, with a zero diagonal', () => {
    const matrix = distanceMatrix([
      [105.44, 28.89],
      [105.47, 28.89],
      [105.5, 28.86],
    ]);
    expect(matrix).toHaveLength(3);
    for (let row = 0; row < 3; row++) {
      expect(matrix[row]![row]).toBe(0);
      for (let column = 0; column < 3; column++) expect(matrix[row]![column]).toBe(matrix[column]![row]);
    }
    expect(matrix[0]![1]).toBeGreaterThan(2900);
    expect(matrix[0]![1]).toBeLessThan(3000);
  });
});
