/**
 * The editor's "changed" and "still sized to its figure" answers are worked out once per step of
 * the edit, not on every pointer move of a drag, and they follow each recorded step.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Polygon } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEdit } from '../../../src/data/dataset-edit.ts';
import { currentSnapshot, recordPart, undo } from '../../../src/data/dataset-edit-history.ts';
import { editVerdict } from '../../../src/data/dataset-edit-verdict.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';

const geodata = fileURLToPath(new URL('../../../geodata/', import.meta.url));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('editVerdict', () => {
  it('follows each step and compares the parts only once per step', async () => {
    const loaded = await loadDataset((path) => readFile(join(geodata, path), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    const started = startEdit(loaded.dataset, { layerId: 'core', featureId: 'core-longmatan' });
    if (!started.ok) throw new Error(started.reason);
    const session = started.session;
    expect(editVerdict(session)).toEqual({ changed: false, sizedToStated: session.sizedToStated });

    const part = currentSnapshot(session.history).parts[0] as Polygon;
    const ring = part.coordinates[0]!.map((position) => [...position]);
    ring[1] = [ring[1]![0]! + 0.001, ring[1]![1]!];
    const moved = { ...session, history: recordPart(session.history, 0, { ...part, coordinates: [ring] }) };
    const stringify = vi.spyOn(JSON, 'stringify');
    const first = editVerdict(moved);
    expect(first).toEqual({ changed: true, sizedToStated: false });
    const comparisons = stringify.mock.calls.length;
    expect(comparisons).toBeGreaterThan(0);
    // A drag re-renders many times over the same step: no part is compared again.
    for (let render = 0; render < 50; render += 1) expect(editVerdict(moved)).toBe(first);
    expect(stringify.mock.calls.length).toBe(comparisons);

    expect(editVerdict({ ...moved, history: undo(moved.history) }).changed).toBe(false);
  });
});
