import { describe, expect, it } from 'vitest';
import {
  CATEGORY_PALETTE,
  OTHER_CATEGORY_COLOUR,
  categoryColour,
  categoryColouring,
} from '../../../src/analysis/category-colours.ts';

describe('colours by category', () => {
  it('gives the first categories distinct palette colours in the order given, and the rest the grey', () => {
    const keys = Array.from({ length: 13 }, (_, index) => `类别 ${index}`);
    const colouring = categoryColouring('use', [null, ...keys]);
    expect(colouring.field).toBe('use');
    expect(colouring.valueColours.map(([value]) => value)).toEqual(keys.slice(0, CATEGORY_PALETTE.length));
    expect(new Set(colouring.valueColours.map(([, colour]) => colour)).size).toBe(CATEGORY_PALETTE.length);
    expect(CATEGORY_PALETTE).not.toContain(OTHER_CATEGORY_COLOUR);
    expect(categoryColour(colouring, keys[0]!)).toBe(CATEGORY_PALETTE[0]);
    expect(categoryColour(colouring, keys[12]!)).toBe(OTHER_CATEGORY_COLOUR);
    expect(categoryColour(colouring, null)).toBe(OTHER_CATEGORY_COLOUR);
  });

  it('keeps hostile values as plain match values, once each', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const colouring = categoryColouring('name', [hostile, hostile, '=1+1']);
    expect(colouring.valueColours).toEqual([
      [hostile, CATEGORY_PALETTE[0]],
      ['=1+1', CATEGORY_PALETTE[1]],
    ]);
  });
});
