/**
 * The adapter from the zone dataset to search entries: one entry per feature, in manifest order.
 */
import type { Dataset } from '../data/dataset-types.ts';
import type { SearchEntry } from './search-index.ts';

/**
 * Takes every feature that can be found again by id. A feature without a string `id` cannot be
 * selected or linked, so it is left out; a missing name becomes empty and the other name still
 * finds it. Property values are copied as given: escaping them is the renderer's job.
 *
 * @example createSearchIndex(entriesFromDataset(dataset))
 */
export function entriesFromDataset(dataset: Dataset): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const layer of dataset.layers ?? []) {
    for (const feature of layer.features?.features ?? []) {
      // Typed as the contract, but a user's file or a half-written layer may break it.
      const properties: Partial<Record<string, unknown>> = { ...(feature?.properties ?? {}) };
      const id = properties['id'];
      if (typeof id !== 'string' || id.length === 0) continue;
      entries.push({
        id,
        layer: stringOr(properties['layer'], layer.definition?.id ?? ''),
        name_zh: stringOr(properties['name_zh'], ''),
        name_en: stringOr(properties['name_en'], ''),
        kind: stringOr(properties['kind'], ''),
      });
    }
  }
  return entries;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
