import { describe, expect, it } from 'vitest';
import {
  a4LandscapePixels,
  northArrowRotation,
  printPixelRatio,
  roundScaleLength,
  scaleBar,
  zoomToContainView,
} from '../../../src/export/map-image-layout.ts';

describe('printable map image layout', () => {
  it('sizes A4 landscape at 150 dpi as 1754 × 1240 px and at 300 dpi as 3508 × 2480 px', () => {
    expect(a4LandscapePixels(150)).toEqual({ width: 1754, height: 1240 });
    expect(a4LandscapePixels(300)).toEqual({ width: 3508, height: 2480 });
    expect(printPixelRatio(150)).toBeCloseTo(1.5625, 12);
  });

  it('zooms out just enough that the page shows everything the screen showed', () => {
    // A 1280 × 800 screen at zoom 13 onto a 1123 × 794 page: the width limits, 1123/1280.
    const zoom = zoomToContainView(13, { width: 1280, height: 800 }, { width: 1123, height: 794 });
    expect(zoom).toBeCloseTo(13 + Math.log2(1123 / 1280), 12);
    expect(zoomToContainView(13, { width: 500, height: 400 }, { width: 1000, height: 1000 })).toBeCloseTo(14, 12);
    expect(zoomToContainView(13, { width: 0, height: 0 }, { width: 1000, height: 1000 })).toBe(13);
  });

  it('picks a round scale length of 1, 2 or 5 × 10ⁿ that fits', () => {
    expect(roundScaleLength(4999)).toBe(2000);
    expect(roundScaleLength(5000)).toBe(5000);
    expect(roundScaleLength(1999.9)).toBe(1000);
    expect(roundScaleLength(0.7)).toBe(0.5);
    expect(roundScaleLength(0)).toBe(0);
  });

  it('draws a scale bar whose pixel length matches its metres at the centre', () => {
    const bar = scaleBar(3.7, 400)!;
    expect(bar.metres).toBe(1000);
    expect(bar.label).toBe('1 km');
    expect(bar.pixels).toBeCloseTo(1000 / 3.7, 9);
    expect(bar.pixels).toBeLessThanOrEqual(400);
    expect(scaleBar(0.2, 400)!.label).toBe('50 m');
    expect(scaleBar(Number.NaN, 400)).toBeNull();
  });

  it('turns the north arrow against the bearing', () => {
    expect(northArrowRotation(0)).toBeCloseTo(0, 12);
    expect(northArrowRotation(90)).toBeCloseTo(-Math.PI / 2, 12);
  });
});
