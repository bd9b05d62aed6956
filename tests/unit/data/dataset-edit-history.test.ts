/**
 * Edit in place (issue 11 §1): the undo / redo history of one feature's edit, and the change-list
 * entries it becomes — what a planner relies on when they step back and forth and then save.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countVertexEdits, describeEdit, EDITED_IN_THE_APP } from '../../../src/data/dataset-edit-changes.ts';
import {
  canRedo,
  canUndo,
  currentSnapshot,
  type EditableProperties,
  hasChanges,
  recordPart,
  recordProperty,
  redo,
  startHistory,
  undo,
} from '../../../src/data/dataset-edit-history.ts';
import { editableParts, joinParts } from '../../../src/data/dataset-edit-parts.ts';

const properties: EditableProperties = Object.freeze({
  name_zh: '一核',
  name_en: 'Core',
  kind: 'core',
  source: 'a survey',
  confidence: 'schematic',
  stated_area: '4.62',
  stated_area_unit: 'km2',
  stated_area_source: 'a planning document',
});

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [105, 29],
      [105.01, 29],
      [105.01, 29.01],
      [105, 29.01],
      [105, 29],
    ],
  ],
};

function moved(polygon: Polygon, vertex: number, to: [number, number]): Polygon {
  const ring = polygon.coordinates[0]!.map((position) => [...position]);
  ring[vertex] = to;
  if (vertex === 0) ring[ring.length - 1] = to;
  return { type: 'Polygon', coordinates: [ring] };
}

function inserted(polygon: Polygon, after: number, at: [number, number]): Polygon {
  const ring = polygon.coordinates[0]!.map((position) => [...position]);
  ring.splice(after + 1, 0, at);
  return { type: 'Polygon', coordinates: [ring] };
}

function removed(polygon: Polygon, vertex: number): Polygon {
  const ring = polygon.coordinates[0]!.filter((_, index) => index !== vertex);
  return { type: 'Polygon', coordinates: [ring] };
}

const now = new Date('2026-01-02T03:04:05Z');
const feature = { layerId: 'core', featureId: 'core-1' };

describe('edit history', () => {
  it('undoes and redoes vertex moves and property edits in order', () => {
    const start = startHistory({ parts: [square], properties });
    const step1 = recordPart(start, 0, moved(square, 2, [105.02, 29.02]));
    const step2 = recordProperty(step1, 'name_zh', '新核');
    expect(currentSnapshot(step2).properties.name_zh).toBe('新核');
    expect(canUndo(start)).toBe(false);

    const back1 = undo(step2);
    expect(currentSnapshot(back1).properties.name_zh).toBe('一核');
    expect(currentSnapshot(back1).parts[0]).toEqual(moved(square, 2, [105.02, 29.02]));
    const back2 = undo(back1);
    expect(currentSnapshot(back2).parts[0]).toEqual(square);
    expect(hasChanges(back2)).toBe(false);
    expect(canRedo(back2)).toBe(true);

    const forward = redo(redo(back2));
    expect(currentSnapshot(forward)).toEqual(currentSnapshot(step2));
    expect(canRedo(forward)).toBe(false);
  });

  it('drops what could be redone once a new edit is made', () => {
    const edited = recordProperty(
      recordProperty(startHistory({ parts: [square], properties }), 'kind', 'a'),
      'kind',
      'b',
    );
    const branched = recordProperty(undo(edited), 'name_en', 'New core');
    expect(canRedo(branched)).toBe(false);
    expect(currentSnapshot(branched).properties).toMatchObject({ kind: 'a', name_en: 'New core' });
  });

  it('records nothing for a gesture that changed nothing', () => {
    const start = startHistory({ parts: [square], properties });
    expect(recordPart(start, 0, structuredClone(square))).toBe(start);
    expect(recordProperty(start, 'name_zh', '一核')).toBe(start);
  });

  it('keeps the snapshot it started from untouched', () => {
    const original = structuredClone(square);
    const start = startHistory({ parts: [square], properties });
    recordPart(start, 0, moved(square, 1, [106, 30]));
    expect(square).toEqual(original);
  });
});

describe('change-list entries of an edit', () => {
  it('names each kind of edit once: moved, added and deleted vertices and each property', () => {
    let history = startHistory({ parts: [square], properties });
    history = recordPart(history, 0, moved(square, 1, [105.011, 29]));
    const afterMove = currentSnapshot(history).parts[0] as Polygon;
    history = recordPart(history, 0, moved(afterMove, 2, [105.012, 29.011]));
    const afterSecondMove = currentSnapshot(history).parts[0] as Polygon;
    history = recordPart(history, 0, inserted(afterSecondMove, 0, [105.005, 28.999]));
    const afterInsert = currentSnapshot(history).parts[0] as Polygon;
    history = recordPart(history, 0, removed(afterInsert, 4));
    history = recordProperty(history, 'name_zh', '新核');
    history = recordProperty(history, 'stated_area', '5');

    const changes = describeEdit(history, feature, now);
    expect(changes.map((change) => change.what)).toEqual([
      'moved 2 vertices',
      'added 1 vertex',
      'deleted 1 vertex',
      'edited name_zh: 一核 → 新核',
      'edited stated_area: 4.62 km2 → 5 km2',
    ]);
    for (const change of changes) {
      expect(change).toMatchObject({
        layerId: 'core',
        featureId: 'core-1',
        fromFile: EDITED_IN_THE_APP,
        at: '2026-01-02T03:04:05.000Z',
      });
    }
  });

  it('counts only the steps still in effect', () => {
    let history = startHistory({ parts: [square], properties });
    history = recordPart(history, 0, moved(square, 1, [105.011, 29]));
    const afterMove = currentSnapshot(history).parts[0] as Polygon;
    history = undo(recordPart(history, 0, moved(afterMove, 2, [105.012, 29.011])));
    expect(countVertexEdits(history)).toMatchObject({ moved: 1, added: 0, deleted: 0 });
    expect(describeEdit(history, feature, now).map((change) => change.what)).toEqual(['moved 1 vertex']);
  });

  it('says nothing when the edit was undone to the start', () => {
    const history = undo(recordProperty(startHistory({ parts: [square], properties }), 'source', 'other'));
    expect(describeEdit(history, feature, now)).toEqual([]);
  });

  it('calls a drag of the whole shape one move of the shape', () => {
    const shifted: Polygon = {
      type: 'Polygon',
      coordinates: [square.coordinates[0]!.map(([longitude, latitude]) => [longitude! + 0.001, latitude!])],
    };
    const history = recordPart(startHistory({ parts: [square], properties }), 0, shifted);
    expect(describeEdit(history, feature, now).map((change) => change.what)).toEqual(['moved the shape 1 time']);
  });

  it('cuts a hostile long value so it cannot fill the change list', () => {
    const history = recordProperty(
      startHistory({ parts: [square], properties }),
      'name_en',
      `<img src=x>${'a'.repeat(500)}`,
    );
    const [change] = describeEdit(history, feature, now);
    expect(change!.what.length).toBeLessThan(160);
    expect(change!.what).toContain('<img src=x>');
  });
});

describe('editable parts', () => {
  it('splits a MultiPolygon into its parts and joins them back unchanged', () => {
    const multi = {
      type: 'MultiPolygon' as const,
      coordinates: [square.coordinates, moved(square, 2, [105.03, 29.03]).coordinates],
    };
    const parts = editableParts(multi);
    expect(parts.ok && parts.parts.length).toBe(2);
    if (parts.ok) expect(joinParts(parts.type, parts.parts)).toEqual(multi);
  });

  it('refuses a polygon with holes rather than lose them', () => {
    const withHole = {
      type: 'Polygon' as const,
      coordinates: [
        square.coordinates[0]!,
        [
          [105.004, 29.004],
          [105.004, 29.006],
          [105.006, 29.006],
          [105.004, 29.004],
        ],
      ],
    };
    expect(editableParts(withHole)).toEqual({ ok: false, reason: 'holes' });
    expect(editableParts(null)).toEqual({ ok: false, reason: 'no-geometry' });
  });
});
