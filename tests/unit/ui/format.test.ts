import { describe, expect, it } from 'vitest';
import { formatArea, formatPercent, formatSignedPercent, formatStated } from '../../../src/ui/format.ts';

describe('area and ratio formatting', () => {
  it('shows 1800 亩 measured as 1.20 km², 120 ha and 1,800 亩', () => {
    const squareMetres = 1800 * (10_000 / 15);
    expect(formatArea(squareMetres, 'km2', 'km²', 'zh-CN')).toBe('1.20 km²');
    expect(formatArea(squareMetres, 'ha', '公顷', 'zh-CN')).toBe('120 公顷');
    expect(formatArea(squareMetres, 'mu', '亩', 'zh-CN')).toBe('1,800 亩');
  });

  it('keeps more digits for small areas so two close figures stay distinguishable', () => {
    expect(formatArea(200_000, 'km2', 'km²', 'en')).toBe('0.200 km²');
    expect(formatArea(202_340_000, 'km2', 'km²', 'en')).toBe('202 km²');
    expect(formatArea(21_300_000, 'km2', 'km²', 'en')).toBe('21.3 km²');
  });

  it('shows a stated figure as published, without padding zeros', () => {
    expect(formatStated(4.62, 'km²', 'zh-CN')).toBe('4.62 km²');
    expect(formatStated(202, 'km²', 'zh-CN')).toBe('202 km²');
  });

  it('signs differences and never writes a signed zero', () => {
    expect(formatSignedPercent(0.0324, 'en')).toBe('+3.2 %');
    expect(formatSignedPercent(-0.12, 'en')).toBe('−12.0 %');
    expect(formatSignedPercent(-0.00001, 'en')).toBe('0.0 %');
    expect(formatSignedPercent(0.00004, 'en')).toBe('0.0 %');
    expect(formatPercent(0.413, 'en')).toBe('41.3 %');
  });

  it('writes each figure in the language asked for, whichever language was formatted before', () => {
    expect(formatArea(123_450, 'ha', 'ha', 'de-DE')).toBe('12,3 ha');
    expect(formatArea(123_450, 'ha', 'ha', 'en')).toBe('12.3 ha');
    expect(formatStated(1800.25, '亩', 'de-DE')).toBe('1.800,25 亩');
    expect(formatStated(1800.25, '亩', 'en')).toBe('1,800.25 亩');
    // Same language, other digits: a 0-digit format must not serve a 2-digit figure.
    expect(formatArea(1_200_000, 'km2', 'km²', 'en')).toBe('1.20 km²');
    expect(formatArea(1_200_000, 'mu', '亩', 'en')).toBe('1,800 亩');
    expect(formatArea(1_200_000, 'km2', 'km²', 'en')).toBe('1.20 km²');
  });
});
