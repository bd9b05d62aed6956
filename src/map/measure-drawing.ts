/**
 * Drawing and editing measured shapes on the zone map with terra-draw. The controller hands out
 * plain WGS84 GeoJSON; everything it reports comes from the planner's own gestures, so the store
 * that restores or deletes shapes through it never hears its own changes echoed back.
 *
 * Offline and CSP: terra-draw draws with GeoJSON sources and fill/line/circle layers; its adapter
 * also adds one icon-only symbol layer for markers, which stays empty (no marker mode, so no images
 * and no text, hence no glyphs); it sets the cursor through element.style, which `style-src 'self'`
 * allows.
 */
import type { Map } from 'maplibre-gl';
import type { LineString, Polygon } from 'geojson';
import { isStyleEditable } from './editable-map.ts';
import {
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawSelectMode,
  ValidateNotSelfIntersecting,
  type GeoJSONStoreFeatures,
} from 'terra-draw';
import { ContextSafeDrawAdapter } from './context-safe-draw-adapter.ts';
import { DATASET_SELECT_MODE, type DatasetEditModes, isDatasetPartId } from './dataset-edit-modes.ts';

export type DrawingTool = 'polygon' | 'rectangle' | 'line';
export type DrawingMode = DrawingTool | 'select' | 'off';

export interface DrawnGeometryShape {
  id: string;
  tool: DrawingTool;
  geometry: Polygon | LineString;
}

export type DrawingEvent =
  /** The shape under the pointer while drawing or dragging; null when nothing is in progress. */
  | { type: 'live'; tool: DrawingTool; geometry: Polygon | LineString; editingId: string | null }
  | { type: 'live-ended' }
  /** A shape was drawn or an edit of it finished: the store saves and analyses it. */
  | { type: 'finished'; shape: DrawnGeometryShape }
  | { type: 'deleted'; id: string }
  | { type: 'selected'; id: string | null }
  | { type: 'mode'; mode: DrawingMode };

export interface MeasureDrawingController {
  /** True while a drawing or editing mode is active: map clicks then belong to the drawing, not to feature selection. */
  isDrawing: () => boolean;
  mode: () => DrawingMode;
  setMode: (mode: DrawingMode) => void;
  /** Drops the shape being drawn (Escape); finished shapes stay. */
  cancel: () => void;
  /** Replaces what the map shows; returns the ids the map refused (invalid geometry). */
  setShapes: (shapes: readonly DrawnGeometryShape[]) => string[];
  deleteShape: (id: string) => void;
  clear: () => void;
  /** Selects a shape for editing (switches to the select mode). */
  select: (id: string) => void;
  selectedId: () => string | null;
  subscribe: (listener: (event: DrawingEvent) => void) => () => void;
  destroy: () => void;
}

/** The controller with the map's one TerraDraw, shared with the dataset feature editor (dataset-edit-modes.ts says why). */
export interface SharedDrawingController extends MeasureDrawingController {
  terraDraw: TerraDraw;
}

const TOOL_OF_MODE: Record<string, DrawingTool> = { polygon: 'polygon', rectangle: 'rectangle', linestring: 'line' };
const MODE_OF_TOOL: Record<DrawingTool, string> = { polygon: 'polygon', rectangle: 'rectangle', line: 'linestring' };
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

// A measured outline must not cross itself (it would have no single area). The pointer may pass
// over a crossing while moving (the readout then says so); a click or drag may not leave one.
const notSelfIntersecting = (feature: GeoJSONStoreFeatures, context: { updateType: string }) =>
  context.updateType === 'provisional' ? { valid: true } : ValidateNotSelfIntersecting(feature);

const ACCENT = '#c2410c';
const ACCENT_DARK = '#7c2d12';

function newId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `shape-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function shapeOf(feature: GeoJSONStoreFeatures | undefined): DrawnGeometryShape | null {
  if (!feature) return null;
  const tool = TOOL_OF_MODE[String(feature.properties.mode)];
  const geometry = feature.geometry;
  if (!tool || (geometry.type !== 'Polygon' && geometry.type !== 'LineString')) return null;
  return { id: String(feature.id), tool, geometry: structuredClone(geometry) };
}

export function connectMeasureDrawing(map: Map, datasetEditModes?: DatasetEditModes): SharedDrawingController {
  const listeners = new Set<(event: DrawingEvent) => void>();
  const emit = (event: DrawingEvent) => {
    for (const listener of listeners) listener(event);
  };
  // Programmatic changes (restore, delete button, clear) are the store's own: not echoed back.
  let quiet = 0;
  const quietly = <T>(step: () => T): T => {
    quiet += 1;
    try {
      return step();
    } finally {
      quiet -= 1;
    }
  };
  let currentMode: DrawingMode = 'off';
  let selected: string | null = null;
  let liveShown = false;

  // Shapes drawn, deleted or restored while the WebGL context is lost stay in terra-draw's store;
  // the adapter draws them once a style has loaded again.
  const adapter = new ContextSafeDrawAdapter({ map, coordinatePrecision: 9 });
  const onContextLost = (): void => adapter.dropScheduledFrame();
  const onStyleLoad = (): void => adapter.redraw();
  map.on('webglcontextlost', onContextLost);
  map.on('style.load', onStyleLoad);
  const draw = new TerraDraw({
    adapter,
    idStrategy: { isValidId: (id) => typeof id === 'string' && ID_PATTERN.test(id), getId: newId },
    modes: [
      new TerraDrawPolygonMode({
        validation: notSelfIntersecting,
        styles: {
          fillColor: ACCENT,
          fillOpacity: 0.2,
          outlineColor: ACCENT,
          outlineWidth: 2,
          closingPointColor: ACCENT_DARK,
          closingPointOutlineColor: '#ffffff',
        },
      }),
      new TerraDrawRectangleMode({
        styles: { fillColor: ACCENT, fillOpacity: 0.2, outlineColor: ACCENT, outlineWidth: 2 },
      }),
      new TerraDrawLineStringMode({
        styles: { lineStringColor: ACCENT, lineStringWidth: 3, closingPointColor: ACCENT_DARK },
      }),
      new TerraDrawSelectMode({
        flags: {
          polygon: {
            feature: {
              draggable: true,
              validation: notSelfIntersecting,
              coordinates: { draggable: true, midpoints: true, deletable: true },
            },
          },
          rectangle: { feature: { draggable: true, coordinates: { draggable: true, resizable: 'opposite' } } },
          linestring: {
            feature: { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } },
          },
        },
        styles: {
          selectedPolygonColor: ACCENT,
          selectedPolygonOutlineColor: ACCENT_DARK,
          selectedLineStringColor: ACCENT_DARK,
          selectionPointColor: ACCENT_DARK,
          midPointColor: ACCENT,
        },
      }),
      ...(datasetEditModes?.modes ?? []),
    ],
  });
  draw.start();

  const endLive = () => {
    if (!liveShown) return;
    liveShown = false;
    emit({ type: 'live-ended' });
  };

  draw.on('change', (ids, type) => {
    if (quiet > 0) return;
    if (type === 'delete') {
      for (const id of ids) {
        const key = String(id);
        // The dataset feature editor's parts share the store; they are not measured shapes.
        if (isDatasetPartId(key)) continue;
        if (key === selected) selected = null;
        // Guidance points (vertices, midpoints) are deleted all the time; only shapes matter.
        emit({ type: 'deleted', id: key });
      }
      return;
    }
    for (const id of ids) {
      if (isDatasetPartId(id)) continue;
      const feature = draw.getSnapshotFeature(id);
      if (!feature) continue;
      const inProgress = feature.properties.currentlyDrawing === true;
      const dragged = currentMode === 'select' && String(id) === selected;
      if (!inProgress && !dragged) continue;
      const shape = shapeOf(feature);
      if (!shape) continue;
      liveShown = true;
      emit({ type: 'live', tool: shape.tool, geometry: shape.geometry, editingId: inProgress ? null : shape.id });
    }
  });
  draw.on('finish', (id) => {
    if (quiet > 0 || isDatasetPartId(id)) return;
    const shape = shapeOf(draw.getSnapshotFeature(id));
    endLive();
    if (shape) emit({ type: 'finished', shape });
  });
  draw.on('select', (id) => {
    if (isDatasetPartId(id)) return;
    selected = String(id);
    emit({ type: 'selected', id: selected });
  });
  draw.on('deselect', (id) => {
    if (isDatasetPartId(id)) return;
    selected = null;
    endLive();
    emit({ type: 'selected', id: null });
  });

  const setMode = (mode: DrawingMode) => {
    if (mode !== 'select' && selected && draw.hasFeature(selected)) draw.deselectFeature(selected);
    draw.setMode(mode === 'off' ? 'static' : mode === 'select' ? 'select' : MODE_OF_TOOL[mode]);
    currentMode = mode;
    endLive();
    emit({ type: 'mode', mode });
  };

  return {
    // Editing a dataset feature holds the pointer as drawing does: a click must not select another feature.
    isDrawing: () => currentMode !== 'off' || draw.getMode() === DATASET_SELECT_MODE,
    mode: () => currentMode,
    setMode,
    cancel: () => {
      if (currentMode === 'off') return;
      // Restarting the mode discards its unfinished shape; a finished one is already in the store.
      if (draw.getModeState() === 'drawing') quietly(() => draw.setMode(draw.getMode()));
      endLive();
    },
    setShapes: (shapes) =>
      quietly(() => {
        if (selected && draw.hasFeature(selected)) draw.deselectFeature(selected);
        draw.clear();
        const features: GeoJSONStoreFeatures[] = shapes.map((shape) => ({
          type: 'Feature',
          id: shape.id,
          geometry: structuredClone(shape.geometry),
          properties: { mode: MODE_OF_TOOL[shape.tool] },
        }));
        return draw
          .addFeatures(features)
          .filter((result) => !result.valid)
          .map((result) => String(result.id));
      }),
    deleteShape: (id) =>
      quietly(() => {
        if (!draw.hasFeature(id)) return;
        if (selected === id) draw.deselectFeature(id);
        draw.removeFeatures([id]);
      }),
    clear: () =>
      quietly(() => {
        if (selected && draw.hasFeature(selected)) draw.deselectFeature(selected);
        draw.clear();
      }),
    select: (id) => {
      if (!draw.hasFeature(id)) return;
      if (currentMode !== 'select') setMode('select');
      draw.selectFeature(id);
    },
    selectedId: () => selected,
    terraDraw: draw,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy: () => {
      listeners.clear();
      map.off('webglcontextlost', onContextLost);
      map.off('style.load', onStyleLoad);
      // Stopping removes terra-draw's sources and layers, which a map without a style does not have.
      if (isStyleEditable(map)) draw.stop();
    },
  };
}
