/**
 * Puts one dataset feature on the map for editing in place (issue 11 §1): its parts go into
 * terra-draw's store under the editing modes (dataset-edit-modes.ts) and the first is selected, so
 * its vertices can be dragged (snapping to other features' vertices), added from midpoints and
 * deleted with a right click. The controller reports parts, never keeps a history: undo and redo
 * live in src/data/dataset-edit-history.ts, and `show` puts whatever state they reach back on the map.
 */
import type { Position } from 'geojson';
import type { GeoJSONStoreFeatures } from 'terra-draw';
import type { EditPart } from '../data/dataset-edit-parts.ts';
import {
  DATASET_PART_ID_PREFIX,
  DATASET_PART_MODE,
  DATASET_SELECT_MODE,
  type DatasetEditModes,
} from './dataset-edit-modes.ts';
import type { SharedDrawingController } from './measure-drawing.ts';

export type DatasetEditorEvent =
  /** A part as it is while the pointer drags it: for the live area. */
  | { type: 'live'; partIndex: number; part: EditPart }
  /** A gesture ended (vertex dropped, added or deleted): one step of the history. */
  | { type: 'changed'; partIndex: number; part: EditPart }
  /** Another tool took the map (a measuring tool was chosen): the edit is off the map until resumed. */
  | { type: 'interrupted' };

export interface DatasetFeatureEditor {
  /** Shows `parts` for editing, snapping to `snapTo`; a running edit is replaced. */
  start: (parts: readonly EditPart[], snapTo: readonly Position[]) => void;
  /** Puts `parts` on the map in place of what it shows (after undo / redo), keeping the selected part. */
  show: (parts: readonly EditPart[]) => void;
  /** Takes the edit off the map; the dataset's own layer shows the feature as it is. */
  stop: () => void;
  isEditing: () => boolean;
  subscribe: (listener: (event: DatasetEditorEvent) => void) => () => void;
}

function partOf(feature: GeoJSONStoreFeatures | undefined): EditPart | null {
  const geometry = feature?.geometry;
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'LineString' && geometry.type !== 'Point'))
    return null;
  return structuredClone(geometry) as EditPart;
}

export function connectDatasetFeatureEditor(
  drawing: SharedDrawingController,
  modes: DatasetEditModes,
): DatasetFeatureEditor {
  const draw = drawing.terraDraw;
  const listeners = new Set<(event: DatasetEditorEvent) => void>();
  const emit = (event: DatasetEditorEvent) => {
    for (const listener of listeners) listener(event);
  };
  /** Part index → id in terra-draw's store; empty when nothing is being edited. */
  let ids: string[] = [];
  let shown: EditPart[] = [];
  let selectedPart = 0;
  // Changes the editor makes itself (adding, showing, removing parts) are not the planner's.
  let quiet = 0;
  const quietly = (step: () => void) => {
    quiet += 1;
    try {
      step();
    } finally {
      quiet -= 1;
    }
  };

  const features = (parts: readonly EditPart[]): GeoJSONStoreFeatures[] =>
    parts.map((part, index) => ({
      type: 'Feature',
      id: `${DATASET_PART_ID_PREFIX}${index}`,
      geometry: structuredClone(part),
      properties: { mode: DATASET_PART_MODE[part.type] },
    }));

  const putOnMap = () =>
    quietly(() => {
      const present = ids.filter((id) => draw.hasFeature(id));
      if (draw.getMode() === DATASET_SELECT_MODE) for (const id of present) draw.deselectFeature(id);
      if (present.length > 0) draw.removeFeatures(present);
      const added = draw.addFeatures(features(shown));
      ids = added.map((result) => String(result.id));
      if (draw.getMode() !== DATASET_SELECT_MODE) draw.setMode(DATASET_SELECT_MODE);
      const selected = ids[Math.min(selectedPart, ids.length - 1)];
      if (selected !== undefined && draw.hasFeature(selected)) draw.selectFeature(selected, DATASET_SELECT_MODE);
    });

  draw.on('change', (changed, type) => {
    if (quiet > 0 || ids.length === 0) return;
    if (type === 'delete') {
      // The measuring tools clear the store when their shapes are restored: the edit comes straight back.
      if (changed.some((id) => ids.includes(String(id))) && draw.getMode() === DATASET_SELECT_MODE)
        queueMicrotask(() => {
          if (ids.length > 0 && ids.some((id) => !draw.hasFeature(id))) putOnMap();
        });
      return;
    }
    for (const id of changed) {
      const partIndex = ids.indexOf(String(id));
      const part = partIndex < 0 ? null : partOf(draw.getSnapshotFeature(id));
      if (part) emit({ type: 'live', partIndex, part });
    }
  });
  draw.on('finish', (id) => {
    const partIndex = ids.indexOf(String(id));
    if (quiet > 0 || partIndex < 0) return;
    const part = partOf(draw.getSnapshotFeature(id));
    if (!part) return;
    shown[partIndex] = part;
    emit({ type: 'changed', partIndex, part });
  });
  draw.on('select', (id) => {
    const partIndex = ids.indexOf(String(id));
    if (partIndex >= 0) selectedPart = partIndex;
  });
  drawing.subscribe((event) => {
    // A measuring tool chosen mid-edit switches terra-draw's mode: the parts leave the map, the edit waits.
    if (event.type !== 'mode' || ids.length === 0 || draw.getMode() === DATASET_SELECT_MODE) return;
    stop();
    emit({ type: 'interrupted' });
  });

  function stop(): void {
    if (ids.length === 0) return;
    quietly(() => {
      const present = ids.filter((id) => draw.hasFeature(id));
      if (draw.getMode() === DATASET_SELECT_MODE) {
        for (const id of present) draw.deselectFeature(id);
        draw.setMode('static');
      }
      if (present.length > 0) draw.removeFeatures(present);
    });
    ids = [];
    shown = [];
    modes.setSnapVertices([]);
  }

  return {
    start: (parts, snapTo) => {
      stop();
      // The measuring tools let go of the map first (their own shapes stay).
      if (drawing.mode() !== 'off') drawing.setMode('off');
      modes.setSnapVertices(snapTo);
      shown = structuredClone(parts) as EditPart[];
      selectedPart = 0;
      putOnMap();
    },
    show: (parts) => {
      if (ids.length === 0) return;
      shown = structuredClone(parts) as EditPart[];
      if (shown.length !== ids.length || ids.some((id) => !draw.hasFeature(id))) {
        putOnMap();
        return;
      }
      quietly(() => {
        // Reselecting redraws the vertex and midpoint handles of the part in its new shape.
        const selected = ids[selectedPart];
        if (selected !== undefined) draw.deselectFeature(selected);
        shown.forEach((part, index) => draw.updateFeatureGeometry(ids[index]!, structuredClone(part)));
        if (selected !== undefined) draw.selectFeature(selected, DATASET_SELECT_MODE);
      });
    },
    stop,
    isEditing: () => ids.length > 0,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
