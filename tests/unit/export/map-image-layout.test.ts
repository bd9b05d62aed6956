import { describe, expect, it } from 'vitest';
import {
  LEGEND_ROW_HEIGHT,
  PAGE_MARGIN,
  a4LandscapePixels,
  legendBox,
  legendSymbolBox,
  mapSheetLayout,
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

describe('map sheet: title band above the map, legend rows', () => {
  const page = { width: 1123, height: 794 };

  it('puts the title in a band the map frame starts below, so the title cannot hide a map label', () => {
    for (const hasSubtitle of [true, false]) {
      const { titleBand, mapFrame } = mapSheetLayout(page, hasSubtitle);
      expect(titleBand.y).toBe(0);
      expect(mapFrame.y).toBe(titleBand.y + titleBand.height);
      expect(mapFrame.y + mapFrame.height).toBe(page.height);
      expect(mapFrame.width).toBe(page.width);
      // Title (20 px) and subtitle (12 px) lines fit in the band.
      expect(titleBand.height).toBeGreaterThanOrEqual(hasSubtitle ? 40 + 12 : 12 + 20);
    }
    expect(mapSheetLayout(page, true).titleBand.height).toBeGreaterThan(mapSheetLayout(page, false).titleBand.height);
  });

  it('places each legend symbol inside the legend box, one row apart, the box above the bottom margin', () => {
    const box = legendBox(page, 3, 200);
    expect(box.y + box.height).toBe(page.height - PAGE_MARGIN);
    const symbols = [0, 1, 2].map((index) => legendSymbolBox(box, index));
    for (const symbol of symbols) {
      expect(symbol.x).toBeGreaterThanOrEqual(box.x);
      expect(symbol.y + symbol.height).toBeLessThanOrEqual(box.y + box.height);
    }
    expect(symbols[1]!.y - symbols[0]!.y).toBe(LEGEND_ROW_HEIGHT);
  });
});
