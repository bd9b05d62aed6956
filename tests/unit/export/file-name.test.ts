import { describe, expect, it } from 'vitest';
import { safeFileName, safeFileStem, withoutExtension } from '../../../src/export/file-name.ts';

describe('download file names', () => {
  it('drops path separators and reserved characters from a user file name', () => {
    expect(safeFileName(['../../etc/passwd'], 'csv')).toBe('etc passwd.csv');
    expect(safeFileName(['C:\\Users\\x\\地块.geojson'], 'csv')).toBe('C Users x 地块.geojson.csv');
    expect(safeFileName(['a<b>c:"d"|e?f*g'], 'csv')).toBe('a b c d e f g.csv');
    expect(safeFileName(['line\nbreak\u0000'], 'csv')).toBe('line break.csv');
  });

  it('joins parts and keeps Chinese', () => {
    expect(safeFileName(['土地利用', '高新区', 'kind'], 'csv')).toBe('土地利用-高新区-kind.csv');
  });

  it('falls back when nothing usable or a reserved device name is left', () => {
    expect(safeFileStem(['...', '//'], 'export')).toBe('export');
    expect(safeFileStem(['CON'], 'export')).toBe('export');
    expect(safeFileName([], 'png', 'map')).toBe('map.png');
  });

  it('shortens long names without splitting a character', () => {
    const stem = safeFileStem(['𠀀'.repeat(200)], 'x');
    expect(Array.from(stem)).toHaveLength(80);
    expect(stem).toBe('𠀀'.repeat(80));
  });

  it('takes the extension off an imported file name, not a leading dot', () => {
    expect(withoutExtension('parcels.geo.json')).toBe('parcels.geo');
    expect(withoutExtension('.hidden')).toBe('.hidden');
  });
});
