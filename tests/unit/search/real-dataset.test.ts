/**
 * The shipped dataset, searched the ways a visitor would: every feature must come back for its
 * own Chinese name, its English name and its pinyin initials.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load-dataset.ts';
import { createSearchIndex, entriesFromDataset, search } from '../../../src/search/index.ts';
import { readPinyin } from '../../../src/search/pinyin-reading.ts';

const geodata = new URL('../../../geodata/', import.meta.url);
const loaded = await loadDataset((relativePath) => readFile(new URL(relativePath, geodata), 'utf8'));
if (!loaded.ok) throw new Error(`geodata/ does not load:\n${loaded.problems.join('\n')}`);
const entries = entriesFromDataset(loaded.dataset);
const index = createSearchIndex(entries);

describe('searching the shipped dataset', () => {
  it('has named features to search', () => {
    expect(entries.length).toBeGreaterThan(10);
  });

  it.each(entries.map((entry) => [entry.id, entry]))('finds %s by its names and initials', (_id, entry) => {
    const byChinese = search(index, entry.name_zh)[0];
    expect(byChinese?.name_zh).toBe(entry.name_zh);
    expect(byChinese?.rank).toBe('exact');

    if (entry.name_en.trim().length > 0) {
      const byEnglish = search(index, entry.name_en)[0];
      expect(byEnglish?.name_en.toLowerCase()).toBe(entry.name_en.toLowerCase());
      expect(byEnglish?.rank).toBe('exact');
    }

    const initials = readPinyin(entry.name_zh)
      .map((syllable) => syllable.reading[0])
      .join('');
    const byInitials = search(index, initials, { limit: 100 }).map((result) => result.id);
    expect(byInitials).toContain(entry.id);
  });
});
