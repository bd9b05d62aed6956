/**
 * The undo / redo history of editing one dataset feature in place (issue 11 §1). Each entry is a
 * whole snapshot — the feature's parts and its properties as the form holds them — so undo and
 * redo are moves along a list, never inverse operations that could drift. Pure and immutable: the
 * map and the form only ever show `currentSnapshot(history)`.
 */
import type { AreaUnit } from '../geo/units.ts';
import type { EditPart } from './dataset-edit-parts.ts';

/** The properties the editor's form edits, as typed (the stated area is text until it is checked). */
export interface EditableProperties {
  name_zh: string;
  name_en: string;
  kind: string;
  source: string;
  confidence: string;
  /** Empty when the feature has no stated figure. */
  stated_area: string;
  stated_area_unit: AreaUnit;
  /** Where the stated figure comes from; the feature's `source` says where its shape does. */
  stated_area_source: string;
}

export type EditablePropertyKey = keyof EditableProperties;

export const EDITABLE_PROPERTY_KEYS: readonly EditablePropertyKey[] = [
  'name_zh',
  'name_en',
  'kind',
  'source',
  'confidence',
  'stated_area',
  'stated_area_unit',
  'stated_area_source',
];

export interface EditSnapshot {
  readonly parts: readonly EditPart[];
  readonly properties: Readonly<EditableProperties>;
}

export interface EditHistory {
  /** Every state the edit went through, oldest first; `entries[0]` is the feature as it was. */
  readonly entries: readonly EditSnapshot[];
  /** Which entry is on screen; entries after it are the ones redo brings back. */
  readonly index: number;
}

export function startHistory(snapshot: EditSnapshot): EditHistory {
  return { entries: [snapshot], index: 0 };
}

export function currentSnapshot(history: EditHistory): EditSnapshot {
  return history.entries[history.index]!;
}

export function originalSnapshot(history: EditHistory): EditSnapshot {
  return history.entries[0]!;
}

/** The history with `snapshot` as the newest state; what could be redone is dropped. Unchanged states add nothing. */
export function recordSnapshot(history: EditHistory, snapshot: EditSnapshot): EditHistory {
  if (sameSnapshot(currentSnapshot(history), snapshot)) return history;
  return { entries: [...history.entries.slice(0, history.index + 1), snapshot], index: history.index + 1 };
}

/** One part replaced (a vertex dragged, added or deleted on the map). */
export function recordPart(history: EditHistory, partIndex: number, part: EditPart): EditHistory {
  const current = currentSnapshot(history);
  if (partIndex < 0 || partIndex >= current.parts.length) return history;
  const parts = current.parts.map((existing, index) => (index === partIndex ? structuredClone(part) : existing));
  return recordSnapshot(history, { parts, properties: current.properties });
}

/** One property of the form changed. */
export function recordProperty(history: EditHistory, key: EditablePropertyKey, value: string): EditHistory {
  const current = currentSnapshot(history);
  return recordSnapshot(history, { parts: current.parts, properties: { ...current.properties, [key]: value } });
}

export const canUndo = (history: EditHistory): boolean => history.index > 0;
export const canRedo = (history: EditHistory): boolean => history.index < history.entries.length - 1;

export function undo(history: EditHistory): EditHistory {
  return canUndo(history) ? { ...history, index: history.index - 1 } : history;
}

export function redo(history: EditHistory): EditHistory {
  return canRedo(history) ? { ...history, index: history.index + 1 } : history;
}

/** Whether anything on screen differs from the feature as it was. */
export function hasChanges(history: EditHistory): boolean {
  return !sameSnapshot(originalSnapshot(history), currentSnapshot(history));
}

export function sameParts(left: readonly EditPart[], right: readonly EditPart[]): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

function sameSnapshot(left: EditSnapshot, right: EditSnapshot): boolean {
  return (
    EDITABLE_PROPERTY_KEYS.every((key) => left.properties[key] === right.properties[key]) &&
    sameParts(left.parts, right.parts)
  );
}
