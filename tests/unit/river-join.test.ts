/**
 * Joining river lines of different accuracy into one river (scripts/geodata/river-join.ts):
 * continuity, no gap at the join, the source of each stretch, and which source wins where.
 */
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  chooseCoarseLine,
  distanceToReference,
  joinRiver,
  type RiverSourceLine,
} from '../../scripts/geodata/river-join.ts';
import { geodesicDistance } from '../../src/geo/length.ts';

/** A line along latitude `latitude` from `west` to `east`, a vertex every 0.01°. */
function eastward(west: number, east: number, latitude: number): Position[] {
  const positions: Position[] = [];
  for (let longitude = west; longitude <= east + 1e-9; longitude += 0.01)
    positions.push([Number(longitude.toFixed(6)), latitude]);
  return positions;
}

const line = (
  key: string,
  coordinates: Position[],
  confidence: RiverSourceLine['confidence'] = 'low',
): RiverSourceLine => Object.freeze({ key, source: `${key} citation`, confidence, coordinates });

// ~110 m north of the coarse lines: the precise stretch is the river, the coarse lines approximate it.
const precise = line(
  'datav',
  [
    [105.03, 29.001],
    [105.04, 29.0012],
    [105.05, 29.0009],
    [105.06, 29.001],
  ],
  'medium',
);
const gshhg = line('gshhg', eastward(105.0, 105.1, 29.0));
const naturalEarth = line('natural-earth', eastward(105.0, 105.1, 28.995));

describe('joinRiver', () => {
  it('gives one continuous line: each stretch starts exactly where the previous one ends', () => {
    const river = joinRiver({
      precise: [precise],
      coarse: [gshhg],
      extendUpstream: true,
      extendDownstream: true,
      maximumJoinMetres: 2500,
    });
    expect(river.stretches.map((stretch) => stretch.role)).toEqual(['upstream', 'precise', 'downstream']);
    for (let index = 1; index < river.stretches.length; index++) {
      expect(river.stretches[index]!.coordinates[0]).toEqual(river.stretches[index - 1]!.coordinates.at(-1));
    }
    // The whole line is the stretches laid end to end, no vertex lost, none repeated.
    const laidEndToEnd = river.stretches.flatMap((stretch, index) =>
      index === 0 ? stretch.coordinates : stretch.coordinates.slice(1),
    );
    expect(river.coordinates).toEqual(laidEndToEnd);
    for (let index = 1; index < river.coordinates.length; index++) {
      expect(river.coordinates[index]).not.toEqual(river.coordinates[index - 1]);
      // No jump anywhere: every segment is shorter than the coarse line's vertex spacing plus the join offset.
      expect(geodesicDistance(river.coordinates[index - 1]!, river.coordinates[index]!)).toBeLessThan(1100);
    }
    expect(river.coordinates[0]).toEqual(gshhg.coordinates[0]);
    expect(river.coordinates.at(-1)).toEqual(gshhg.coordinates.at(-1));
  });

  it('keeps the precise stretch exactly and says per stretch where it came from', () => {
    const river = joinRiver({
      precise: [precise],
      coarse: [gshhg, naturalEarth],
      extendUpstream: true,
      extendDownstream: true,
      maximumJoinMetres: 2500,
    });
    expect(river.stretches.map((stretch) => stretch.key)).toEqual(['gshhg', 'datav', 'gshhg']);
    expect(river.stretches.map((stretch) => stretch.confidence)).toEqual(['low', 'medium', 'low']);
    expect(river.stretches.map((stretch) => stretch.source)).toEqual([
      'gshhg citation',
      'datav citation',
      'gshhg citation',
    ]);
    expect(river.stretches[1]!.coordinates).toEqual(precise.coordinates);
    // The coarse line never runs alongside the precise one: upstream stops west of it, downstream starts east of it.
    expect(river.stretches[0]!.coordinates.slice(0, -1).every((position) => position[0]! < 105.03)).toBe(true);
    expect(river.stretches[2]!.coordinates.slice(1).every((position) => position[0]! > 105.06)).toBe(true);
    expect(river.stretches[0]!.joinOffsetMetres).toBeGreaterThan(100);
    expect(river.stretches[0]!.joinOffsetMetres).toBeLessThan(120);
    expect(river.stretches[1]!.lengthMetres).toBeGreaterThan(2900);
  });

  it('bends onto the precise line heading downstream, without a sideways step or a hook back', () => {
    // The precise river starts 550 m north of the coarse line.
    const offset = line(
      'datav',
      [
        [105.03, 29.005],
        [105.04, 29.005],
        [105.05, 29.005],
        [105.06, 29.005],
      ],
      'medium',
    );
    const river = joinRiver({
      precise: [offset],
      coarse: [gshhg],
      extendUpstream: true,
      extendDownstream: true,
      maximumJoinMetres: 2500,
    });
    const heading = (from: Position, to: Position) =>
      Math.atan2(to[1]! - from[1]!, (to[0]! - from[0]!) * Math.cos((29 * Math.PI) / 180)) * (180 / Math.PI);
    const turns: number[] = [];
    for (let index = 1; index + 1 < river.coordinates.length; index++) {
      const turn = Math.abs(
        heading(river.coordinates[index]!, river.coordinates[index + 1]!) -
          heading(river.coordinates[index - 1]!, river.coordinates[index]!),
      );
      turns.push(Math.min(turn, 360 - turn));
    }
    expect(Math.max(...turns)).toBeLessThan(45);
    // Every vertex lies east of the one before: the river never runs back upstream.
    for (let index = 1; index < river.coordinates.length; index++)
      expect(river.coordinates[index]![0]).toBeGreaterThan(river.coordinates[index - 1]![0]!);
  });

  it('uses the first coarse candidate that reaches the precise ends, and falls back to the next', () => {
    const wins = chooseCoarseLine(
      [gshhg, naturalEarth],
      [105.03, 29.001],
      [105.06, 29.001],
      { upstream: true, downstream: true },
      2500,
    );
    expect(wins?.line.key).toBe('gshhg');
    // A GSHHG line 5 km off is another river: Natural Earth takes over.
    const farAway = line('gshhg', eastward(105.0, 105.1, 29.045));
    const river = joinRiver({
      precise: [precise],
      coarse: [farAway, naturalEarth],
      extendUpstream: true,
      extendDownstream: true,
      maximumJoinMetres: 2500,
    });
    expect(river.stretches.map((stretch) => stretch.key)).toEqual(['natural-earth', 'datav', 'natural-earth']);
  });

  it('runs downstream even when a coarse source is digitised the other way', () => {
    const reversed = line('gshhg', [...gshhg.coordinates].reverse());
    const river = joinRiver({
      precise: [precise],
      coarse: [reversed],
      extendUpstream: true,
      extendDownstream: true,
      maximumJoinMetres: 2500,
    });
    expect(river.coordinates[0]).toEqual([105.0, 29.0]);
    expect(river.coordinates.at(-1)).toEqual([105.1, 29.0]);
    expect(river.stretches[1]!.coordinates).toEqual(precise.coordinates);
  });

  it('ends a tributary at its mouth: no coarse stretch below the precise one', () => {
    const river = joinRiver({
      precise: [precise],
      coarse: [gshhg],
      extendUpstream: true,
      extendDownstream: false,
      maximumJoinMetres: 2500,
    });
    expect(river.stretches.map((stretch) => stretch.role)).toEqual(['upstream', 'precise']);
    expect(river.coordinates.at(-1)).toEqual(precise.coordinates.at(-1));
  });

  it('joins several precise stretches only when they meet exactly', () => {
    const first = line(
      'datav',
      [
        [105.03, 29.001],
        [105.04, 29.001],
      ],
      'medium',
    );
    const second = line(
      'datav',
      [
        [105.04, 29.001],
        [105.06, 29.001],
      ],
      'medium',
    );
    const joined = joinRiver({
      precise: [first, second],
      coarse: [],
      extendUpstream: false,
      extendDownstream: false,
      maximumJoinMetres: 2500,
    });
    expect(joined.coordinates).toEqual([
      [105.03, 29.001],
      [105.04, 29.001],
      [105.06, 29.001],
    ]);
    const apart = line(
      'datav',
      [
        [105.041, 29.001],
        [105.06, 29.001],
      ],
      'medium',
    );
    expect(() =>
      joinRiver({
        precise: [first, apart],
        coarse: [],
        extendUpstream: false,
        extendDownstream: false,
        maximumJoinMetres: 2500,
      }),
    ).toThrow(/starts at 105\.041, 29\.001, not where stretch 0 ends/);
  });

  it('refuses to join when no coarse line comes near the precise ends', () => {
    const farAway = line('gshhg', eastward(105.0, 105.1, 29.045));
    expect(() =>
      joinRiver({
        precise: [precise],
        coarse: [farAway],
        extendUpstream: true,
        extendDownstream: true,
        maximumJoinMetres: 2500,
      }),
    ).toThrow(/none of gshhg passes within 2500 m/);
  });
});

describe('distanceToReference', () => {
  it('measures how far a stretch runs from an independent line', () => {
    const { medianMetres, maximumMetres } = distanceToReference(gshhg.coordinates, naturalEarth.coordinates);
    // 0.005° of latitude ≈ 553 m.
    expect(medianMetres).toBeGreaterThan(540);
    expect(medianMetres).toBeLessThan(565);
    expect(maximumMetres).toBeGreaterThanOrEqual(medianMetres);
  });
});
