/**
 * Stored records as another build of the app may have left them. Before a record is decoded it is
 * brought to the current version (migrated) or, when this build cannot read it (a newer version,
 * an unknown format), set aside: copied under a key of its own and reported, never overwritten
 * or dropped without a word. Pure (no IndexedDB, no DOM): tested in node.
 */
import { STORED_SHAPES_VERSION } from './drawn-shapes-codec.ts';

export type RecordUpgrade<Value> =
  | { kind: 'empty' }
  | { kind: 'current'; value: Value }
  | { kind: 'migrated'; value: Value; fromVersion: number }
  | { kind: 'set-aside'; reason: 'newer-version' | 'unknown-format'; version: number | null };

export interface DrawnShapesRecord {
  version: number;
  shapes: unknown[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Version 1 is `{ version: 1, shapes }`. A record without a version field (a bare array of shapes,
 * or `{ shapes }`) is read as version 0 and migrated: each shape is still checked by the codec, so
 * nothing unreadable gets in. A higher version came from a newer build: set aside, not guessed at.
 */
export function upgradeDrawnShapesRecord(stored: unknown): RecordUpgrade<DrawnShapesRecord> {
  if (stored === undefined || stored === null) return { kind: 'empty' };
  if (Array.isArray(stored))
    return { kind: 'migrated', value: { version: STORED_SHAPES_VERSION, shapes: stored }, fromVersion: 0 };
  if (!isObject(stored) || !Array.isArray(stored.shapes)) return setAside(stored, 'unknown-format');
  const version = stored.version;
  if (version === undefined)
    return { kind: 'migrated', value: { version: STORED_SHAPES_VERSION, shapes: stored.shapes }, fromVersion: 0 };
  if (version === STORED_SHAPES_VERSION)
    return { kind: 'current', value: { version: STORED_SHAPES_VERSION, shapes: stored.shapes } };
  if (typeof version === 'number' && Number.isInteger(version) && version > STORED_SHAPES_VERSION)
    return { kind: 'set-aside', reason: 'newer-version', version };
  return setAside(stored, 'unknown-format');
}

function setAside(stored: unknown, reason: 'newer-version' | 'unknown-format'): RecordUpgrade<never> {
  const version = isObject(stored) && typeof stored.version === 'number' ? stored.version : null;
  return { kind: 'set-aside', reason, version };
}

/**
 * The trip is stored as the link's text. Anything else (a number, an object from another build)
 * is set aside. The text's own version letter is checked by the trip decoder, which reports it.
 */
export function upgradeTripRecord(stored: unknown): RecordUpgrade<string> {
  if (stored === undefined || stored === null || stored === '') return { kind: 'empty' };
  if (typeof stored === 'string') return { kind: 'current', value: stored };
  return setAside(stored, 'unknown-format');
}

/** The key a set-aside record is copied to: one per original key and moment, so none replaces another. */
export function setAsideKey(key: string, now: Date): string {
  return `${key}:set-aside:${now.toISOString()}`;
}
