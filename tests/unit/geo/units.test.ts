import { describe, expect, it } from 'vitest';
import { convertArea, isAreaUnit, metresToKilometres, squareMetresToMu } from '../../../src/geo/units.ts';

describe('area units', () => {
  it('uses the legal 亩 of 10000/15 m², so 15 亩 is one hectare', () => {
    expect(convertArea(15, 'mu', 'ha')).toBeCloseTo(1, 12);
    expect(convertArea(1, 'mu', 'm2')).toBeCloseTo(666.6667, 4);
  });

  it('converts the zone-facts figures: 1800 亩 = 1.2 km², 202 km² = 303 000 亩', () => {
    expect(convertArea(1800, 'mu', 'km2')).toBeCloseTo(1.2, 12);
    expect(convertArea(202, 'km2', 'mu')).toBeCloseTo(303_000, 6);
    expect(squareMetresToMu(convertArea(4500, 'mu', 'm2'))).toBeCloseTo(4500, 9);
  });

  it('round-trips every pair of units', () => {
    const units = ['m2', 'ha', 'km2', 'mu'] as const;
    for (const from of units)
      for (const to of units) expect(convertArea(convertArea(123.456, from, to), to, from)).toBeCloseTo(123.456, 9);
  });

  it('knows its units and nothing else', () => {
    expect(['m2', 'ha', 'km2', 'mu'].every(isAreaUnit)).toBe(true);
    expect(isAreaUnit('acre')).toBe(false);
    expect(isAreaUnit('toString')).toBe(false);
    expect(metresToKilometres(1500)).toBe(1.5);
  });
});
