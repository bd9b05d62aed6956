/**
 * Issue 17: Shapefiles as Chinese GIS shops send them, written by ogr2ogr
 * (tests/fixtures/import/make-gdal-fixtures.sh) from luzhou-districts.geojson. Each is read with its
 * names exact and its areas those of the GeoJSON original, whatever says (or does not say) the
 * table's encoding; the layer's notes say which encoding was used.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { readDbf } from '../../../src/data/import/dbf.ts';
import {
  encodingOfCodePage,
  encodingOfLanguageDriver,
  type TextEncoding,
} from '../../../src/data/import/text-encodings.ts';
import { readZipDirectory } from '../../../src/data/import/zip-directory.ts';
import { unzipMember } from '../../../src/data/import/capped-unzip.ts';
import { measureCollection } from '../../../src/analysis/measure-collection.ts';
import { FIXTURES_DIRECTORY } from '../../fixtures/read-fixture.ts';

const bytesOf = (name: string) => new Uint8Array(readFileSync(join(FIXTURES_DIRECTORY, 'import', name)));
const original = JSON.parse(
  readFileSync(join(FIXTURES_DIRECTORY, 'import', 'luzhou-districts.geojson'), 'utf8'),
) as FeatureCollection;
const originalNames = original.features.map((feature) => feature.properties!['名称'] as string);
const originalAreas = original.features.map(
  (feature) => measureCollection({ type: 'FeatureCollection', features: [feature] }).totalAreaM2,
);

async function importShapefile(name: string, textEncoding?: TextEncoding) {
  const outcome = await importBytes({
    bytes: bytesOf(name),
    fileName: name,
    coordinateSystem: 'wgs84',
    boundaries: null,
    textEncoding,
  });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

/** The .dbf's bytes, inflated from a fixture zip. */
function dbfOf(name: string): Uint8Array {
  const zip = bytesOf(name);
  const directory = readZipDirectory(zip);
  if (!directory.ok) throw new Error(directory.problem);
  const unzipped = unzipMember(zip, directory.members.find((member) => member.name.endsWith('.dbf'))!, 1 << 20);
  if (!unzipped.ok) throw new Error(unzipped.problem);
  return unzipped.bytes;
}

describe('Shapefiles written by ogr2ogr in the encodings Chinese data comes in', () => {
  it.each([
    ['districts-gbk-cpg.zip', { encoding: 'gbk', source: 'cpg' }, /as its \.cpg says \(CP936\)/],
    [
      'districts-gbk-no-cpg.zip',
      { encoding: 'gb18030', source: 'detected' },
      /names no encoding .* not valid UTF-8: it was read as GB18030, which covers GBK/,
    ],
    ['districts-gbk-ldid.zip', { encoding: 'gbk', source: 'language-driver' }, /language driver byte says \(0x4D\)/],
    ['districts-gb18030.zip', { encoding: 'gb18030', source: 'cpg' }, /as its \.cpg says \(GB18030\)/],
    ['districts-utf8-bom.zip', { encoding: 'utf-8', source: 'cpg' }, /read as UTF-8, as its \.cpg says \(UTF-8\)/],
  ] as const)(
    '%s: names exact, areas those of the GeoJSON, the encoding named in the notes',
    async (name, encoding, note) => {
      const outcome = await importShapefile(name);
      expect(outcome.collection.features.map((feature) => feature.properties!['名称'])).toEqual(originalNames);
      expect(outcome.collection.features.map((feature) => feature.properties!['name_en'])).toEqual(
        original.features.map((feature) => feature.properties!['name_en']),
      );
      expect(outcome.collection.features.map((feature) => feature.properties!['adcode'])).toEqual(
        original.features.map((feature) => feature.properties!['adcode']),
      );
      outcome.featureAreasM2.forEach((areaM2, index) =>
        expect(Math.abs(areaM2 - originalAreas[index]!) / originalAreas[index]!).toBeLessThan(1e-6),
      );
      expect(outcome.summary.textEncoding).toEqual(encoding);
      expect(outcome.summary.notes.map((entry) => entry.en).join('\n')).toMatch(note);
    },
  );

  it('reads a character GBK lacks from the GB18030 table', async () => {
    const outcome = await importShapefile('districts-gb18030.zip');
    expect(outcome.collection.features[0]!.properties!['备注']).toBe('㐀 (U+3400)');
  });

  it("takes the planner's choice over the .cpg, and says when the choice does not fit the bytes", async () => {
    const latin = await importShapefile('districts-gbk-cpg.zip', 'windows-1252');
    expect(latin.summary.textEncoding).toEqual({ encoding: 'windows-1252', source: 'chosen' });
    expect(
      new Set(
        latin.collection.features.map(
          (feature) => feature.properties!['名称'] ?? Object.values(feature.properties!)[0],
        ),
      ).size,
    ).toBe(7);
    const utf8 = await importShapefile('districts-gbk-cpg.zip', 'utf-8');
    // GBK bytes are not valid UTF-8: the chosen encoding is refused and the .cpg's used instead.
    expect(utf8.summary.textEncoding).toEqual({ encoding: 'gbk', source: 'cpg' });
    expect(utf8.summary.notes.map((entry) => entry.en).join('\n')).toMatch(
      /not valid UTF-8 \(the chosen encoding\); another encoding was used/,
    );
    expect(utf8.collection.features.map((feature) => feature.properties!['名称'])).toEqual(originalNames);
  });

  it('does not trust a .cpg that the bytes contradict', () => {
    const table = readDbf(dbfOf('districts-gbk-no-cpg.zip'), { cpg: 'UTF-8', chosen: null });
    expect(table.ok && table.records.map((record) => record['名称'])).toEqual(originalNames);
    expect(table.ok && table.encoding).toEqual({ encoding: 'gb18030', source: 'detected' });
    expect(table.ok && table.notes.map((entry) => entry.en).join('\n')).toMatch(/not valid UTF-8 \(the \.cpg\)/);
  });
});

describe('regression: GBK names collapsed into one garbled key, so grouping by name summed different districts (issue 17)', () => {
  it('the lenient UTF-8 reading the import used to do merges distinct GBK names', () => {
    // The defect's mechanism, kept as evidence that the fixtures reproduce it: the 名称 column's raw bytes, decoded leniently as UTF-8.
    const dbf = dbfOf('districts-gbk-no-cpg.zip');
    const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
    const [headerLength, recordLength, width] = [view.getUint16(8, true), view.getUint16(10, true), dbf[32 + 16]!];
    const lenient = new TextDecoder('utf-8');
    const garbled = Array.from({ length: 7 }, (_, record) =>
      lenient
        .decode(
          dbf.subarray(headerLength + record * recordLength + 1, headerLength + record * recordLength + 1 + width),
        )
        .trim(),
    );
    expect(new Set(garbled).size).toBeLessThan(7);
  });

  it.each(['districts-gbk-cpg.zip', 'districts-gbk-no-cpg.zip', 'districts-gbk-ldid.zip'])(
    "%s grouped by 名称 gives seven groups with the GeoJSON's areas",
    async (name) => {
      const outcome = await importShapefile(name);
      const groups = measureCollection(outcome.collection, { by: '名称' }).groups!;
      const expected = measureCollection(original, { by: '名称' }).groups!;
      expect(groups.map((group) => group.key).sort()).toEqual([...originalNames].sort());
      for (const group of groups) {
        const twin = expected.find((candidate) => candidate.key === group.key)!;
        expect(Math.abs(group.areaM2 - twin.areaM2) / twin.areaM2).toBeLessThan(1e-6);
      }
    },
  );
});

describe('code page names as Esri and GDAL write them', () => {
  it.each([
    ['CP936', 'gbk'],
    ['936', 'gbk'],
    ['ANSI 936', 'gbk'],
    ['GBK', 'gbk'],
    ['GB2312', 'gbk'],
    ['gb18030', 'gb18030'],
    ['54936', 'gb18030'],
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['65001', 'utf-8'],
    ['\uFEFFUTF-8\r\n', 'utf-8'],
    ['CP950', 'big5'],
    ['ISO-8859-1', 'windows-1252'],
    ['KOI8-R', null],
  ])('%j → %s', (cpg, encoding) => {
    expect(encodingOfCodePage(cpg)).toBe(encoding);
  });

  it('reads the language driver byte ArcGIS writes for code page 936', () => {
    expect(encodingOfLanguageDriver(0x4d)).toBe('gbk');
    expect(encodingOfLanguageDriver(0)).toBeNull();
  });
});

describe('hostile tables', () => {
  /** A one-field dBASE III table with the given field name bytes and text values. */
  function table(fieldName: string, values: Uint8Array[]): Uint8Array {
    const width = Math.max(1, ...values.map((value) => value.length));
    const header = 32 + 32 + 1;
    const bytes = new Uint8Array(header + values.length * (width + 1) + 1).fill(0x20, header);
    const view = new DataView(bytes.buffer);
    bytes[0] = 3;
    view.setUint32(4, values.length, true);
    view.setUint16(8, header, true);
    view.setUint16(10, width + 1, true);
    bytes.fill(0, 32, 64);
    bytes.set(new TextEncoder().encode(fieldName).subarray(0, 10), 32);
    bytes[43] = 'C'.charCodeAt(0);
    bytes[48] = width;
    bytes[64] = 0x0d;
    values.forEach((value, index) => bytes.set(value, header + index * (width + 1) + 1));
    return bytes;
  }

  it('keeps a field called __proto__ as a property, never a prototype', () => {
    const read = readDbf(table('__proto__', [new TextEncoder().encode('polluted')]), { cpg: null, chosen: null });
    expect(read.ok).toBe(true);
    const record = read.ok ? read.records[0]! : {};
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse('{"__proto__":"polluted"}'));
  });

  it('never merges two byte strings into one value: GB18030 reads 0x80 and 0xA2E3 both as €, so it is passed over', () => {
    const read = readDbf(table('price', [Uint8Array.of(0x80), Uint8Array.of(0xa2, 0xe3)]), {
      cpg: 'GB18030',
      chosen: null,
    });
    if (!read.ok) throw new Error(read.problem);
    expect(new Set(read.records.map((record) => record['price'])).size).toBe(2);
    expect(read.encoding.encoding).toBe('windows-1252');
  });

  it('refuses a header that points past the end of the file', () => {
    const bytes = table('name', [new TextEncoder().encode('a')]);
    new DataView(bytes.buffer).setUint16(8, 5000, true);
    expect(readDbf(bytes, { cpg: null, chosen: null })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/damaged header/),
    });
  });
});
