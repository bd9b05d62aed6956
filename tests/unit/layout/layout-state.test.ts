import { describe, expect, it } from 'vitest';
import { initialTab, nextSnap, snapAfterDrag } from '../../../src/ui/layout/layout-state.ts';

describe('the tab a link opens on', () => {
  it('is 行程 for a shared trip, in the query or the hash, whatever was remembered', () => {
    expect(initialTab('?trip=1wo0900h.place-aegean-mall', '', 'measure')).toBe('trip');
    expect(initialTab('?lang=en', '#trip=abc', null)).toBe('trip');
  });

  it('is 探索 for a feature link, even if 量算 was open before', () => {
    expect(initialTab('', '#feature=green/green-yuzixi-wetland-park', 'measure')).toBe('explore');
  });

  it('is the remembered tab otherwise, and 探索 when nothing valid was remembered', () => {
    expect(initialTab('?view=105.4,28.9,12,0', '', 'measure')).toBe('measure');
    expect(initialTab('', '', null)).toBe('explore');
    expect(initialTab('', '', '<script>')).toBe('explore');
    expect(initialTab('', '', 'toString')).toBe('explore');
  });
});

describe('the sheet', () => {
  const heights = { peek: 100, half: 422, full: 740 };

  it('steps peek → half → full → peek on a tap', () => {
    expect(nextSnap('peek')).toBe('half');
    expect(nextSnap('half')).toBe('full');
    expect(nextSnap('full')).toBe('peek');
  });

  it('rests at the snap nearest to where a slow drag let go', () => {
    expect(snapAfterDrag(150, heights, 0)).toBe('peek');
    expect(snapAfterDrag(300, heights, 0)).toBe('half');
    expect(snapAfterDrag(600, heights, 0.1)).toBe('full');
    expect(snapAfterDrag(5000, heights, 0)).toBe('full');
  });

  it('goes one snap further in the direction of a flick that passed the nearest snap', () => {
    expect(snapAfterDrag(450, heights, 1.2)).toBe('full');
    expect(snapAfterDrag(400, heights, -1.2)).toBe('peek');
    // A flick up that has not yet reached the nearest snap stops there.
    expect(snapAfterDrag(400, heights, 1.2)).toBe('half');
  });
});
