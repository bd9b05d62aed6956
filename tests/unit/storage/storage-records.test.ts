/**
 * Records another build left in storage: migrated when this build knows the older format, set
 * aside (never decoded as empty and written over) when it does not.
 */
import { describe, expect, it } from 'vitest';
import { decodeShapes, STORED_SHAPES_VERSION } from '../../../src/state/drawn-shapes-codec.ts';
import { setAsideKey, upgradeDrawnShapesRecord, upgradeTripRecord } from '../../../src/state/storage-records.ts';
import { OFFLINE_CACHE_BYTES, tooLittleSpaceForOffline } from '../../../src/state/storage-space.ts';

const shape = {
  id: 'shape-1',
  tool: 'polygon',
  name: '地块',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [105.4, 28.9],
        [105.41, 28.9],
        [105.41, 28.91],
        [105.4, 28.9],
      ],
    ],
  },
};

describe('upgradeDrawnShapesRecord', () => {
  it('reads the current version as it is', () => {
    const upgraded = upgradeDrawnShapesRecord({ version: STORED_SHAPES_VERSION, shapes: [shape] });
    expect(upgraded.kind).toBe('current');
  });

  it('migrates a record without a version field, and the codec then keeps its good shapes', () => {
    for (const old of [[shape], { shapes: [shape] }]) {
      const upgraded = upgradeDrawnShapesRecord(old);
      expect(upgraded.kind).toBe('migrated');
      if (upgraded.kind !== 'migrated') continue;
      expect(upgraded.fromVersion).toBe(0);
      expect(upgraded.value.version).toBe(STORED_SHAPES_VERSION);
      expect(decodeShapes(upgraded.value).shapes.map((kept) => kept.id)).toEqual(['shape-1']);
    }
  });

  it('sets aside a record from a newer version instead of guessing at it', () => {
    expect(upgradeDrawnShapesRecord({ version: STORED_SHAPES_VERSION + 1, shapes: [shape] })).toEqual({
      kind: 'set-aside',
      reason: 'newer-version',
      version: STORED_SHAPES_VERSION + 1,
    });
  });

  it('sets aside what is not a shapes record at all', () => {
    for (const odd of ['text', 42, { version: 1 }, { version: 'one', shapes: [] }, { version: -1, shapes: [] }]) {
      const upgraded = upgradeDrawnShapesRecord(odd);
      expect(upgraded.kind, JSON.stringify(odd)).toBe('set-aside');
      if (upgraded.kind === 'set-aside') expect(upgraded.reason).toBe('unknown-format');
    }
  });

  it('reads nothing stored as empty, not as a problem', () => {
    expect(upgradeDrawnShapesRecord(undefined).kind).toBe('empty');
  });
});

describe('upgradeTripRecord', () => {
  it('keeps the link text and sets aside any other type', () => {
    expect(upgradeTripRecord('1wo0900f.place-a')).toEqual({ kind: 'current', value: '1wo0900f.place-a' });
    expect(upgradeTripRecord(undefined).kind).toBe('empty');
    for (const odd of [42, { stops: ['a'] }, ['a'], true]) expect(upgradeTripRecord(odd).kind).toBe('set-aside');
  });
});

it('names each set-aside copy by its key and moment, so none replaces another', () => {
  const first = setAsideKey('luzhou-zone-map:trip:v1', new Date('2026-12-01T20:00:00Z'));
  const second = setAsideKey('luzhou-zone-map:trip:v1', new Date('2026-12-01T20:00:01Z'));
  expect(first).toMatch(/^luzhou-zone-map:trip:v1:set-aside:/);
  expect(first).not.toBe(second);
});

describe('tooLittleSpaceForOffline', () => {
  it('says so when less than the offline copy is free, and tries when the browser does not say', () => {
    expect(tooLittleSpaceForOffline({ quota: 1024 * 1024, usage: 0 })).toBe(true);
    expect(tooLittleSpaceForOffline({ quota: OFFLINE_CACHE_BYTES * 3, usage: OFFLINE_CACHE_BYTES * 2.5 })).toBe(true);
    expect(tooLittleSpaceForOffline({ quota: 10 * OFFLINE_CACHE_BYTES, usage: 0 })).toBe(false);
    expect(tooLittleSpaceForOffline(undefined)).toBe(false);
    expect(tooLittleSpaceForOffline({})).toBe(false);
  });
});
