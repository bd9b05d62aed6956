/**
 * Issue 12: a zip whose directory lies about its sizes. The bytes actually inflated are counted and
 * the inflating stops at the smaller of the declared size and the import limit, so a 64 KB zip that
 * declares 100 bytes and holds 64 MiB costs at most the cap plus one slice, never the 64 MiB.
 */
import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../src/analysis/import-and-measure.ts';
import { INFLATE_OVERSHOOT_BYTES, unzipMember, unzipMembers } from '../../../src/data/import/capped-unzip.ts';
import { readZipDirectory, type ZipMember } from '../../../src/data/import/zip-directory.ts';
import { buildZip, lyingShapefileZip } from '../../fixtures/import/build-zip.ts';

function membersOf(zip: Uint8Array): ZipMember[] {
  const directory = readZipDirectory(zip);
  if (!directory.ok) throw new Error(directory.problem);
  return directory.members;
}

const LIMIT = 400 * 1024 * 1024;

describe('a zip that lies about its sizes', () => {
  const zip = lyingShapefileZip(64 * 1024 * 1024);

  it('is small, and its directory declares 100 bytes for the .shp', () => {
    expect(zip.length).toBeLessThan(200 * 1024);
    expect(membersOf(zip)[0]).toMatchObject({ name: 'parcels.shp', uncompressedBytes: 100 });
  });

  it('is refused by the import with the file and the entry named', async () => {
    const outcome = await importBytes({
      bytes: zip,
      fileName: 'bomb.zip',
      coordinateSystem: 'wgs84',
      boundaries: null,
    });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(
      /^bomb\.zip: parcels\.shp inflates to more than the 100 bytes its zip directory declares \(stopped after \d+\).*zip 炸弹/,
    );
  });

  it('inflates no more than the declared size plus one slice before stopping', () => {
    const unzipped = unzipMember(zip, membersOf(zip)[0]!, LIMIT);
    expect(unzipped.ok).toBe(false);
    expect(unzipped.inflatedBytes).toBeGreaterThan(100);
    expect(unzipped.inflatedBytes).toBeLessThanOrEqual(100 + INFLATE_OVERSHOOT_BYTES);
  });

  it('stops at the import limit when the declared size is larger than the limit', () => {
    const member = { ...membersOf(zip)[0]!, uncompressedBytes: 0xfffffff0 };
    const limit = 1024 * 1024;
    const unzipped = unzipMember(zip, member, limit);
    expect(!unzipped.ok && unzipped.problem).toMatch(
      /^parcels\.shp inflates to more than the 1048576 bytes a browser tab can import/,
    );
    expect(unzipped.inflatedBytes).toBeGreaterThan(limit);
    expect(unzipped.inflatedBytes).toBeLessThanOrEqual(limit + INFLATE_OVERSHOOT_BYTES);
  });

  it('spends one budget across members: later members get what the earlier ones left', () => {
    const honest = buildZip([
      { name: 'a.shp', content: new Uint8Array(600_000).fill(7) },
      { name: 'a.dbf', content: new Uint8Array(600_000).fill(9) },
    ]);
    const members = membersOf(honest);
    expect(unzipMembers(honest, members, 1_200_000).ok).toBe(true);
    const refused = unzipMembers(honest, members, 1_000_000);
    expect(!refused.ok && refused.problem).toMatch(/^a\.dbf inflates to more than the 400000 bytes/);
    expect(refused.inflatedBytes).toBeLessThanOrEqual(1_000_000 + INFLATE_OVERSHOOT_BYTES);
  });

  it('refuses a stored (uncompressed) member longer than it declares', () => {
    const stored = buildZip([{ name: 'b.shp', content: new Uint8Array(5000), declaredBytes: 10, method: 0 }]);
    expect(unzipMember(stored, membersOf(stored)[0]!, LIMIT)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^b\.shp inflates to more than the 10 bytes/),
    });
  });
});

describe('honest zips', () => {
  const text = new TextEncoder().encode('泸州国家高新区 '.repeat(5000));

  it('give back exactly their bytes, deflated or stored', () => {
    for (const method of [8, 0] as const) {
      const zip = buildZip([{ name: '区.txt', content: text, method }]);
      const unzipped = unzipMember(zip, membersOf(zip)[0]!, LIMIT);
      expect(unzipped.ok && Buffer.from(unzipped.bytes).equals(Buffer.from(text))).toBe(true);
      expect(unzipped.inflatedBytes).toBe(text.length);
    }
  });

  it('refuses a member cut short, naming it', () => {
    const zip = buildZip([{ name: 'c.shp', content: text }]);
    const member = { ...membersOf(zip)[0]!, compressedBytes: 40 };
    expect(unzipMember(zip, member, LIMIT)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^c\.shp could not be inflated/),
    });
  });

  it('reads member names written in GBK by Chinese Windows (no UTF-8 flag)', () => {
    const zip = Buffer.from(buildZip([{ name: 'ab.shp', content: text }]));
    // Overwrite the name "ab" in both headers with the GBK bytes of 江, and clear the UTF-8 flag.
    for (let offset = zip.indexOf('ab.shp'); offset >= 0; offset = zip.indexOf('ab.shp', offset + 1))
      Buffer.from([0xbd, 0xad]).copy(zip, offset);
    zip.writeUInt16LE(0, zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 8);
    expect(membersOf(new Uint8Array(zip)).map((member) => member.name)).toEqual(['江.shp']);
  });
});
