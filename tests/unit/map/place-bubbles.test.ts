import { describe, expect, it } from 'vitest';
import { bubbleZoomTarget } from '../../../src/map/place-bubbles.ts';

describe('the zoom a click on a bubble of places moves to', () => {
  it('is where the bubble splits', () => {
    expect(bubbleZoomTarget(13, 11.2, 22)).toBe(13);
  });

  it('is at least one whole step closer, so a click always shows more', () => {
    expect(bubbleZoomTarget(11, 11.6, 22)).toBe(12);
  });

  it('never passes the map’s closest zoom', () => {
    expect(bubbleZoomTarget(24, 20.5, 22)).toBe(22);
  });
});
