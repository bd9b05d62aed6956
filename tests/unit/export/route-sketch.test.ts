import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { Dataset, LayerDefinition } from '../../../src/data/dataset-types.ts';
import {
  type RouteSketchInput,
  type RouteSketchStop,
  routeSketchContext,
  routeSketchStops,
  routeSketchSvg,
  scaleBarMetres,
  sketchProjection,
} from '../../../src/export/route-sketch.ts';
import { geodesicDistance } from '../../../src/trip/distance.ts';
import { START_POSITION_ID } from '../../../src/trip/plan-trip.ts';

/** Three places in the 江阳 wing (as in the dataset), visited west to east and back. */
const stops: RouteSketchStop[] = deepFreeze([
  { label: '1', name: '泸州市人民医院(沙茜院区)', point: [105.457, 28.879], approximate: false },
  { label: '2', name: '爱琴海购物公园', point: [105.496, 28.863], approximate: true },
  { label: '3', name: '华为(四川)大数据中心', point: [105.519, 28.856], approximate: false },
]);

const baseInput: RouteSketchInput = deepFreeze({
  stops,
  legs: [
    { fromIndex: 0, toIndex: 1 },
    { fromIndex: 1, toIndex: 2 },
  ],
  context: {
    outlines: [
      [
        [105.44, 28.84],
        [105.54, 28.84],
        [105.54, 28.9],
        [105.44, 28.9],
        [105.44, 28.84],
      ],
    ],
    outlineApproximate: true,
    rivers: [
      [
        [105.3, 28.87],
        [105.45, 28.89],
        [105.6, 28.91],
      ],
    ],
  },
  text: { title: '行程路线图', north: '北', approximate: '虚线圈：位置为估计' },
});

function parse(svg: string) {
  const errors: string[] = [];
  const document = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(svg, 'image/svg+xml');
  expect(errors).toEqual([]);
  return document;
}

function elements(document: ReturnType<typeof parse>, name: string) {
  return Array.from(document.getElementsByTagName(name));
}

function groupsOf(document: ReturnType<typeof parse>, className: string) {
  return elements(document, 'g').filter((group) => group.getAttribute('class') === className);
}

describe('route sketch projection', () => {
  const projection = sketchProjection(
    stops.map((stop) => stop.point),
    640,
    420,
  );

  it('puts north up and east right, every stop inside the frame', () => {
    const [westX, westY] = projection.project([105.457, 28.879]);
    const [eastX, eastY] = projection.project([105.519, 28.856]);
    expect(eastX).toBeGreaterThan(westX);
    // The western stop lies further north, so it is higher on the page (smaller y).
    expect(westY).toBeLessThan(eastY);
    for (const stop of stops) {
      const [x, y] = projection.project(stop.point);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(640);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(420);
    }
  });

  it('keeps one scale in every direction: page distances follow ground distances within 0.5 %', () => {
    const centre: [number, number] = [105.488, 28.8675];
    const east: [number, number] = [105.498, 28.8675];
    const north: [number, number] = [105.488, 28.8765];
    const page = (from: [number, number], to: [number, number]) => {
      const [x1, y1] = projection.project(from);
      const [x2, y2] = projection.project(to);
      return Math.hypot(x2 - x1, y2 - y1) * projection.metresPerUnit;
    };
    expect(page(centre, east) / geodesicDistance(centre, east)).toBeCloseTo(1, 2);
    expect(page(centre, north) / geodesicDistance(centre, north)).toBeCloseTo(1, 2);
  });

  it('frames a single stop on a sensible stretch of ground instead of dividing by zero', () => {
    const single = sketchProjection([[105.5, 28.86]], 640, 420);
    expect(single.project([105.5, 28.86])).toEqual([320, 210]);
    expect(Number.isFinite(single.metresPerUnit)).toBe(true);
    expect(single.metresPerUnit * 420).toBeGreaterThan(1000);
  });
});

describe('route sketch SVG', () => {
  it('numbers the stops in trip order and draws the legs between them in that order', () => {
    const document = parse(routeSketchSvg(baseInput));
    const numbers = groupsOf(document, 'route-sketch__stop').map(
      (group) => group.getElementsByTagName('text')[0]!.textContent,
    );
    expect(numbers).toEqual(['1', '2', '3']);
    const legs = groupsOf(document, 'route-sketch__leg');
    expect(legs.map((leg) => [leg.getAttribute('data-from'), leg.getAttribute('data-to')])).toEqual([
      ['0', '1'],
      ['1', '2'],
    ]);
    // Each leg starts at its first stop's circle and ends at the next one's.
    const circles = groupsOf(document, 'route-sketch__stop').map((group) => group.getElementsByTagName('circle')[0]!);
    const line = legs[1]!.getElementsByTagName('line')[0]!;
    expect(line.getAttribute('x1')).toBe(circles[1]!.getAttribute('cx'));
    expect(line.getAttribute('x2')).toBe(circles[2]!.getAttribute('cx'));
  });

  it('closes a round trip with a leg back to the first stop', () => {
    const roundTrip = { ...baseInput, legs: [...baseInput.legs, { fromIndex: 2, toIndex: 0 }] };
    const legs = groupsOf(parse(routeSketchSvg(roundTrip)), 'route-sketch__leg');
    expect(legs.at(-1)!.getAttribute('data-to')).toBe('0');
  });

  it('marks estimated positions: dashed hollow circle, ≈ in its name, and a legend line', () => {
    const document = parse(routeSketchSvg(baseInput));
    const [, estimated] = groupsOf(document, 'route-sketch__stop');
    expect(estimated!.getElementsByTagName('circle')[0]!.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(estimated!.getElementsByTagName('title')[0]!.textContent).toBe('2 ≈爱琴海购物公园');
    expect(groupsOf(document, 'route-sketch__approximate')[0]!.textContent).toContain('位置为估计');
    const known = routeSketchSvg({ ...baseInput, stops: stops.map((stop) => ({ ...stop, approximate: false })) });
    expect(groupsOf(parse(known), 'route-sketch__approximate')).toEqual([]);
  });

  it('draws the zone outline (dashed when estimated) and the rivers, clipped to the frame', () => {
    const document = parse(routeSketchSvg(baseInput));
    const zone = elements(document, 'path').find((path) => path.getAttribute('class') === 'route-sketch__zone')!;
    expect(zone.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(zone.getAttribute('d')).toMatch(/^M[\d.-]+ [\d.-]+(L[\d.-]+ [\d.-]+){4}Z$/);
    const river = elements(document, 'path').find((path) => path.getAttribute('class') === 'route-sketch__river');
    expect(river?.getAttribute('d')).toMatch(/^M/);
    expect(elements(document, 'g')[0]!.getAttribute('clip-path')).toMatch(/^url\(#route-sketch-frame\)$/);
  });

  it('has a north arrow and a scale bar whose drawn length is the ground length it names', () => {
    const document = parse(routeSketchSvg(baseInput));
    expect(groupsOf(document, 'route-sketch__north')[0]!.textContent).toBe('北');
    const scale = groupsOf(document, 'route-sketch__scale')[0]!;
    const metres = Number(scale.getAttribute('data-metres'));
    const length = Number(scale.getAttribute('data-length'));
    expect(scale.textContent).toBe(metres >= 1000 ? `${metres / 1000} km` : `${metres} m`);
    // Measure the same page length on the ground with the projection's inverse via two known points.
    const projection = sketchProjection(
      stops.map((stop) => stop.point),
      640,
      420,
    );
    const a = projection.project([105.48, 28.87]);
    const b = projection.project([105.49, 28.87]);
    const metresPerUnit = geodesicDistance([105.48, 28.87], [105.49, 28.87]) / Math.hypot(b[0] - a[0], b[1] - a[1]);
    expect((length * metresPerUnit) / metres).toBeCloseTo(1, 2);
    expect(length).toBeLessThanOrEqual(640 / 4);
  });

  it('keeps hostile names as text: markup, entities and forbidden characters never become elements', () => {
    const hostile = '<script>alert(1)</script><a href="javascript:x">&amp;"\'\u0001]]>';
    const document = parse(
      routeSketchSvg({
        ...baseInput,
        stops: stops.map((stop) => ({ ...stop, name: hostile })),
        text: { title: hostile, north: '<b>N</b>', approximate: '&' },
      }),
    );
    expect(elements(document, 'script')).toEqual([]);
    expect(elements(document, 'a')).toEqual([]);
    expect(elements(document, 'b')).toEqual([]);
    const titles = elements(document, 'title').map((title) => title.textContent);
    expect(titles[0]).toBe(hostile.replace('\u0001', '\uFFFD'));
    expect(titles[1]).toBe(`1 ${hostile.replace('\u0001', '\uFFFD')}`);
    expect(groupsOf(document, 'route-sketch__north')[0]!.textContent).toBe('<b>N</b>');
  });

  it('makes its ids unique per page when asked', () => {
    const svg = routeSketchSvg({ ...baseInput, idPrefix: 'day-2' });
    expect(svg).toContain('id="day-2-frame"');
    expect(svg).not.toContain('id="route-sketch-frame"');
  });
});

describe('scale bar length', () => {
  it.each([
    [999, 500],
    [1000, 1000],
    [4999, 2000],
    [7300, 5000],
    [180, 100],
  ])('the longest round length under %d m is %d m', (maximum, expected) => {
    expect(scaleBarMetres(maximum)).toBe(expected);
  });
});

describe('route sketch inputs', () => {
  it('numbers places as the day plan does: from 1, or from 1 after a start that is not a place (◎)', () => {
    const planStop = (id: string) => ({
      id,
      nameZh: `名${id}`,
      nameEn: `name ${id}`,
      point: [105.5, 28.86] as const,
      approximate: false,
      positionIsSchematic: false,
      visitMinutes: 30,
      visitMinutesIsEstimate: true,
    });
    expect(routeSketchStops({ stops: [planStop('a'), planStop('b')] }, 'zh').map((stop) => stop.label)).toEqual([
      '1',
      '2',
    ]);
    const fromHere = routeSketchStops({ stops: [planStop(START_POSITION_ID), planStop('a')] }, 'en');
    expect(fromHere.map((stop) => stop.label)).toEqual(['◎', '1']);
    expect(fromHere[1]!.name).toBe('name a');
  });

  it('takes the zone outline and only the rivers from a dataset', () => {
    const definition = (id: string, role: LayerDefinition['role'], geometry: LayerDefinition['geometry']) =>
      ({ id, role, geometry }) as LayerDefinition;
    const dataset = {
      manifest: { layers: [] },
      layers: [
        {
          definition: definition('zone', 'zone', 'polygon'),
          features: {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { confidence: 'schematic' },
                geometry: {
                  type: 'MultiPolygon',
                  coordinates: [
                    [
                      [
                        [0, 0],
                        [1, 0],
                        [1, 1],
                        [0, 0],
                      ],
                    ],
                    [
                      [
                        [2, 2],
                        [3, 2],
                        [3, 3],
                        [2, 2],
                      ],
                    ],
                  ],
                },
              },
            ],
          },
        },
        {
          definition: definition('lines', 'context', 'line'),
          features: {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { kind: 'river' },
                geometry: {
                  type: 'LineString',
                  coordinates: [
                    [0, 0],
                    [1, 1],
                  ],
                },
              },
              {
                type: 'Feature',
                properties: { kind: 'runway' },
                geometry: {
                  type: 'LineString',
                  coordinates: [
                    [5, 5],
                    [6, 6],
                  ],
                },
              },
            ],
          },
        },
      ],
    } as unknown as Dataset;
    const context = routeSketchContext(deepFreeze(dataset));
    expect(context.outlines).toHaveLength(2);
    expect(context.outlineApproximate).toBe(true);
    expect(context.rivers).toEqual([
      [
        [0, 0],
        [1, 1],
      ],
    ]);
  });
});
