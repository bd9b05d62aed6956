/**
 * The terra-draw modes that edit a dataset feature in place (issue 11 §1). They are registered on
 * the measuring tools' TerraDraw (measure-drawing.ts) rather than on a second instance: two
 * instances on one map would each listen to the same canvas, each switch the map's drag-pan on and
 * off, and each add `td-*` sources; with one, exactly one mode holds the pointer at a time, so the
 * measuring tools and the editor can never both take a drag.
 *
 * The edited parts carry modes of their own (`dataset-polygon` …), so the measuring select mode
 * cannot pick them up and the editing select mode cannot pick up a measured shape.
 */
import type { Position } from 'geojson';
import {
  TerraDrawLineStringMode,
  TerraDrawPointMode,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
  ValidateNotSelfIntersecting,
  type GeoJSONStoreFeatures,
  type SnapToCustom,
} from 'terra-draw';
import { nearestVertex } from '../data/dataset-edit-snapping.ts';

export const DATASET_SELECT_MODE = 'dataset-select';
export const DATASET_PART_MODE = {
  Polygon: 'dataset-polygon',
  LineString: 'dataset-linestring',
  Point: 'dataset-point',
};
/** Ids of the edited parts in terra-draw's store; the measuring tools leave them alone. */
export const DATASET_PART_ID_PREFIX = 'dataset-edit-';

export const isDatasetPartId = (id: unknown): boolean => String(id).startsWith(DATASET_PART_ID_PREFIX);

/** How close (screen pixels) a dragged vertex must come to another feature's vertex to land on it. */
const SNAP_RADIUS_PIXELS = 12;
const EDIT_COLOUR = '#1d4ed8';
const EDIT_COLOUR_DARK = '#1e3a8a';

const notSelfIntersecting = (feature: GeoJSONStoreFeatures, context: { updateType: string }) =>
  context.updateType === 'provisional' ? { valid: true } : ValidateNotSelfIntersecting(feature);

export interface DatasetEditModes {
  modes: (TerraDrawPolygonMode | TerraDrawLineStringMode | TerraDrawPointMode | TerraDrawSelectMode)[];
  /** The vertices a dragged vertex snaps to: every other feature's, set when an edit starts. */
  setSnapVertices: (vertices: readonly Position[]) => void;
}

export function createDatasetEditModes(): DatasetEditModes {
  let snapVertices: readonly Position[] = [];
  const snapToOtherFeatures: SnapToCustom = (event, context) =>
    nearestVertex(snapVertices, event, context, SNAP_RADIUS_PIXELS);
  const coordinates = {
    draggable: true,
    midpoints: { draggable: true },
    deletable: true,
    snappable: { toCustom: snapToOtherFeatures },
  };
  return {
    setSnapVertices: (vertices) => {
      snapVertices = vertices;
    },
    modes: [
      new TerraDrawPolygonMode({
        modeName: DATASET_PART_MODE.Polygon,
        styles: { fillColor: EDIT_COLOUR, fillOpacity: 0.15, outlineColor: EDIT_COLOUR, outlineWidth: 2 },
      }),
      new TerraDrawLineStringMode({
        modeName: DATASET_PART_MODE.LineString,
        styles: { lineStringColor: EDIT_COLOUR, lineStringWidth: 3 },
      }),
      new TerraDrawPointMode({
        modeName: DATASET_PART_MODE.Point,
        styles: { pointColor: EDIT_COLOUR, pointWidth: 6, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 },
      }),
      new TerraDrawSelectMode({
        modeName: DATASET_SELECT_MODE,
        // No key deletes or deselects the whole feature: the editor's own buttons end the edit.
        keyEvents: null,
        allowManualDeselection: false,
        flags: {
          [DATASET_PART_MODE.Polygon]: { feature: { validation: notSelfIntersecting, coordinates } },
          [DATASET_PART_MODE.LineString]: { feature: { coordinates } },
          [DATASET_PART_MODE.Point]: { feature: { draggable: true } },
        },
        styles: {
          selectedPolygonColor: EDIT_COLOUR,
          selectedPolygonFillOpacity: 0.2,
          selectedPolygonOutlineColor: EDIT_COLOUR_DARK,
          selectedPolygonOutlineWidth: 2,
          selectedLineStringColor: EDIT_COLOUR_DARK,
          selectedPointColor: EDIT_COLOUR_DARK,
          selectionPointColor: EDIT_COLOUR_DARK,
          selectionPointWidth: 5,
          midPointColor: EDIT_COLOUR,
        },
      }),
    ],
  };
}
