import { describe, expect, it } from 'vitest';
import { durationParts, exportFileName, formatDistance, placeName } from '../../../src/ui/trip/trip-format.ts';

describe('trip panel text', () => {
  it('rounds straight-line distances to 10 m below a kilometre and 0.1 km above', () => {
    expect(formatDistance(0, 'en')).toBe('0 m');
    expect(formatDistance(844, 'en')).toBe('840 m');
    expect(formatDistance(995, 'en')).toBe('1000 m');
    expect(formatDistance(1000, 'en')).toBe('1.0 km');
    expect(formatDistance(12_345, 'en')).toBe('12.3 km');
    expect(formatDistance(Number.NaN, 'en')).toBe('–');
  });

  it('never shows a leg that takes time as zero minutes', () => {
    expect(durationParts(10)).toEqual({ hours: 0, minutes: 1 });
    expect(durationParts(0)).toEqual({ hours: 0, minutes: 0 });
    expect(durationParts(3599)).toEqual({ hours: 1, minutes: 0 });
    expect(durationParts(2 * 3600 + 25 * 60)).toEqual({ hours: 2, minutes: 25 });
  });

  it('names a place in the chosen language, then the other, then by id', () => {
    expect(placeName({ id: 'x', nameZh: '张坝桂圆林', nameEn: 'Zhangba Longan Forest' }, 'en')).toBe(
      'Zhangba Longan Forest',
    );
    expect(placeName({ id: 'x', nameZh: '张坝桂圆林', nameEn: '' }, 'en')).toBe('张坝桂圆林');
    expect(placeName({ id: 'x', nameZh: '', nameEn: '' }, 'zh')).toBe('x');
  });

  it('gives downloads a plain ASCII file name', () => {
    expect(exportFileName(3, 'gpx')).toMatch(/^[a-z0-9-]+\.gpx$/);
  });
});
