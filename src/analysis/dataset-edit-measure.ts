/**
 * What the in-place feature editor (issue 11 §1) measures while a planner drags: the ellipsoidal
 * area of a polygon with the code the statistics use (src/geo/area.ts), so the live figure is the
 * one the panels show after saving, or the length of a line; and the stated figure beside it.
 * Cheap enough for every pointer move (microseconds for a park's outline).
 */
import { currentSnapshot, type EditableProperties } from '../data/dataset-edit-history.ts';
import type { EditSession } from '../data/dataset-edit.ts';
import { type EditPart, joinParts } from '../data/dataset-edit-parts.ts';
import { ellipsoidalArea } from '../geo/area.ts';
import { ellipsoidalLength } from '../geo/length.ts';
import { toSquareMetres } from '../geo/units.ts';
import { parseStatedArea } from '../data/dataset-edit.ts';

/**
 * The area of a polygon feature or the length of a line as it is on screen; null for points.
 * `dragged` is a part as the pointer holds it mid-drag, before the gesture is a step of the history.
 */
export function editedMeasure(
  session: EditSession,
  dragged?: { partIndex: number; part: EditPart },
): { kind: 'area' | 'length'; value: number } | null {
  const parts = currentSnapshot(session.history).parts.map((part, index) =>
    dragged && index === dragged.partIndex ? dragged.part : part,
  );
  const geometry = joinParts(session.geometryType, parts);
  if (session.layerGeometry === 'polygon') return { kind: 'area', value: ellipsoidalArea(geometry) };
  if (session.layerGeometry === 'line') return { kind: 'length', value: ellipsoidalLength(geometry) };
  return null;
}

/** The stated figure in square metres, when the form holds a valid one. */
export function statedSquareMetres(properties: EditableProperties): number | null {
  const value = parseStatedArea(properties.stated_area);
  return value === null || !Number.isFinite(value) || value <= 0
    ? null
    : toSquareMetres(value, properties.stated_area_unit);
}
