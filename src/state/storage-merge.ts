/**
 * Three-way merges for what two tabs of the app may change at once (drawn shapes, the trip).
 * A tab remembers the list it last read from or wrote to storage (`base`); when it saves, storage
 * may hold another tab's newer list (`current`). Writing the tab's whole list (`local`) over it
 * would undo the other tab's work, so only this tab's own changes since `base` are applied to
 * `current`: items it added, changed or removed. Pure (no IndexedDB, no DOM): tested in node.
 */
import type { TripState } from '../trip/trip-state.ts';

function sameValue(first: unknown, second: unknown): boolean {
  return first === second || JSON.stringify(first) === JSON.stringify(second);
}

/**
 * `current` with this tab's changes since `base` applied: items only `local` has are added (after
 * `current`'s, in `local`'s order), items `local` dropped are removed, items `local` changed
 * replace `current`'s. Items another tab added or changed stay as that tab left them.
 */
export function mergeById<Item>(
  base: readonly Item[],
  local: readonly Item[],
  current: readonly Item[],
  idOf: (item: Item) => string,
): Item[] {
  const baseById = new Map(base.map((item) => [idOf(item), item]));
  const localById = new Map(local.map((item) => [idOf(item), item]));
  const currentIds = new Set(current.map(idOf));
  const merged: Item[] = [];
  for (const item of current) {
    const id = idOf(item);
    const before = baseById.get(id);
    const mine = localById.get(id);
    if (before !== undefined && mine === undefined) continue; // removed here
    merged.push(mine !== undefined && before !== undefined && !sameValue(before, mine) ? mine : item);
  }
  for (const item of local) {
    const id = idOf(item);
    // New here; an item in base but gone from current was removed by another tab and stays removed.
    if (!currentIds.has(id) && !baseById.has(id)) merged.push(item);
  }
  return merged;
}

/** A field changed here wins; otherwise the other tab's value (or the unchanged one) is kept. */
function mergeField<Value>(base: Value, local: Value, current: Value): Value {
  return sameValue(base, local) ? current : local;
}

/** The trip with this tab's edits since `base` applied to the stored `current` one. */
export function mergeTrips(base: TripState, local: TripState, current: TripState): TripState {
  return {
    stops: mergeById(base.stops, local.stops, current.stops, (stop) => stop.id),
    start: mergeField(base.start, local.start, current.start),
    roundTrip: mergeField(base.roundTrip, local.roundTrip, current.roundTrip),
    mode: mergeField(base.mode, local.mode, current.mode),
    startMinute: mergeField(base.startMinute, local.startMinute, current.startMinute),
  };
}
