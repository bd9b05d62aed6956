/**
 * What an in-place edit did, as change-list entries (issue 11 §1): one entry per kind of edit —
 * vertices moved, added, deleted, each property changed — naming the feature, its layer and the
 * time, written in the words a planner reads in the change list ("moved 3 vertices",
 * "edited name_zh: A → B"). Only the steps still in effect count: undone steps are not changes.
 */
import type { DatasetChange } from './dataset-changes.ts';
import {
  EDITABLE_PROPERTY_KEYS,
  type EditHistory,
  type EditSnapshot,
  originalSnapshot,
  currentSnapshot,
  sameParts,
} from './dataset-edit-history.ts';
import { type EditPart, partVertices } from './dataset-edit-parts.ts';

/** What the change list says an in-app edit came from, in place of a file name. */
export const EDITED_IN_THE_APP = 'edited in the app';

export interface VertexCounts {
  moved: number;
  added: number;
  deleted: number;
  /** A whole part moved, every vertex by the same offset. */
  shapesMoved: number;
}

const samePosition = (left: readonly number[], right: readonly number[]) =>
  left[0] === right[0] && left[1] === right[1];

function countPartChange(before: EditPart, after: EditPart, counts: VertexCounts): void {
  const from = partVertices(before);
  const to = partVertices(after);
  if (to.length > from.length) counts.added += to.length - from.length;
  else if (to.length < from.length) counts.deleted += from.length - to.length;
  else {
    const moved = from.filter((position, index) => !samePosition(position, to[index]!)).length;
    // Dragging the whole shape moves every vertex: say so once, not "moved 48 vertices".
    if (moved > 1 && moved === from.length) counts.shapesMoved += 1;
    else counts.moved += moved;
  }
}

/** How many vertices the steps still in effect moved, added and deleted. */
export function countVertexEdits(history: EditHistory): VertexCounts {
  const counts: VertexCounts = { moved: 0, added: 0, deleted: 0, shapesMoved: 0 };
  for (let index = 1; index <= history.index; index++) {
    const before = history.entries[index - 1]!;
    const after = history.entries[index]!;
    if (sameParts(before.parts, after.parts)) continue;
    before.parts.forEach((part, partIndex) => {
      const next = after.parts[partIndex];
      if (next && !sameParts([part], [next])) countPartChange(part, next, counts);
    });
  }
  return counts;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** A property value as the change list quotes it: cut, so a hostile value cannot fill the list. */
function quoted(value: string): string {
  const text = value === '' ? '(none)' : value;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function statedText(snapshot: EditSnapshot): string {
  const value = snapshot.properties.stated_area.trim();
  return value === '' ? '' : `${value} ${snapshot.properties.stated_area_unit}`;
}

/** The change-list entries of an edit kept now; empty when nothing differs from the feature as it was. */
export function describeEdit(
  history: EditHistory,
  feature: { layerId: string; featureId: string },
  now: Date,
): DatasetChange[] {
  const original = originalSnapshot(history);
  const current = currentSnapshot(history);
  const entry = (what: string): DatasetChange => ({
    what,
    layerId: feature.layerId,
    featureId: feature.featureId,
    fromFile: EDITED_IN_THE_APP,
    at: now.toISOString(),
  });
  const changes: DatasetChange[] = [];
  if (!sameParts(original.parts, current.parts)) {
    const counts = countVertexEdits(history);
    if (counts.shapesMoved > 0) changes.push(entry(`moved the shape ${plural(counts.shapesMoved, 'time', 'times')}`));
    if (counts.moved > 0) changes.push(entry(`moved ${plural(counts.moved, 'vertex', 'vertices')}`));
    if (counts.added > 0) changes.push(entry(`added ${plural(counts.added, 'vertex', 'vertices')}`));
    if (counts.deleted > 0) changes.push(entry(`deleted ${plural(counts.deleted, 'vertex', 'vertices')}`));
    // Edits that cancel out in count (a vertex added, then another deleted) still changed the shape.
    if (changes.length === 0) changes.push(entry('edited the shape'));
  }
  for (const key of EDITABLE_PROPERTY_KEYS) {
    if (key === 'stated_area' || key === 'stated_area_unit') continue;
    const before = original.properties[key];
    const after = current.properties[key];
    if (before !== after) changes.push(entry(`edited ${key}: ${quoted(before)} → ${quoted(after)}`));
  }
  const statedBefore = statedText(original);
  const statedAfter = statedText(current);
  if (statedBefore !== statedAfter) {
    changes.push(entry(`edited stated_area: ${quoted(statedBefore)} → ${quoted(statedAfter)}`));
  }
  return changes;
}
