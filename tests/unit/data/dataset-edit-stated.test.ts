/**
 * The stated figure typed in the in-place editor (issue 11 §1): a comma is a thousands separator
 * only where it groups thousands — "1,5" (a decimal comma, or a typo) is reported, never read as 15.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editProblems, keepEdit, parseStatedArea, startEdit } from '../../../src/data/dataset-edit.ts';
import { recordProperty } from '../../../src/data/dataset-edit-history.ts';
import { loadDataset } from '../../../src/data/load-dataset.ts';

const geodata = fileURLToPath(new URL('../../../geodata/', import.meta.url));

describe('parseStatedArea', () => {
  it('reads plain numbers and thousands groups', () => {
    expect(parseStatedArea(' 4.62 ')).toBe(4.62);
    expect(parseStatedArea('1,500')).toBe(1500);
    expect(parseStatedArea('12,345,678.25')).toBe(12_345_678.25);
    expect(parseStatedArea('1，500')).toBe(1500);
  });

  it('is null when empty', () => {
    expect(parseStatedArea('  ')).toBeNull();
  });

  it('reports a comma that does not group thousands instead of dropping it', () => {
    for (const typed of ['1,5', '15,00', '1,5000', ',500', '1500,', '1.500,25', '1,500,00']) {
      expect(parseStatedArea(typed), typed).toBeNaN();
    }
  });
});

describe('the form with a stated figure', () => {
  it('lists "1,5" as a problem of stated_area, so it cannot be kept', async () => {
    const loaded = await loadDataset((path) => readFile(join(geodata, path), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    const started = startEdit(loaded.dataset, { layerId: 'wings', featureId: 'wing-luxian' });
    if (!started.ok) throw new Error(started.reason);
    const session = { ...started.session, history: recordProperty(started.session.history, 'stated_area', '1,5') };
    expect(editProblems(loaded.dataset, session).join('\n')).toContain('stated_area');
  });
});

describe('the source of the stated figure', () => {
  it('a figure kept unchanged keeps its own source while the shape gets a new one', async () => {
    const loaded = await loadDataset((path) => readFile(join(geodata, path), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    const core = loaded.dataset.layers.find((layer) => layer.definition.id === 'core')!.features.features[0]!;
    expect(core.properties.stated_area_source).toBeTruthy();
    const started = startEdit(loaded.dataset, { layerId: 'core', featureId: core.properties.id });
    if (!started.ok) throw new Error(started.reason);
    const session = {
      ...started.session,
      history: recordProperty(started.session.history, 'source', 'our own survey, 2026'),
    };
    const kept = await keepEdit(loaded.dataset, session, [], new Date());
    if (!kept.ok) throw new Error(kept.problems.join('; '));
    const edited = kept.dataset.layers.find((layer) => layer.definition.id === 'core')!.features.features[0]!;
    expect(edited.properties.source).toBe('our own survey, 2026');
    expect(edited.properties.stated_area_source).toBe(core.properties.stated_area_source);
  });
});
