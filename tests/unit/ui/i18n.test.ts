import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest, ZoneFeatureCollection } from '../../../src/data/dataset-types.ts';
import { en } from '../../../src/i18n/en.ts';
import { zh } from '../../../src/i18n/zh.ts';

const MESSAGES = { zh, en };
const geodata = join(import.meta.dirname, '..', '..', '..', 'geodata');
const manifest = JSON.parse(readFileSync(join(geodata, 'manifest.json'), 'utf8')) as Manifest;
const kinds = new Set(
  manifest.layers.flatMap((layer) =>
    (JSON.parse(readFileSync(join(geodata, layer.file), 'utf8')) as ZoneFeatureCollection).features.map(
      (feature) => feature.properties.kind,
    ),
  ),
);

describe('UI strings', () => {
  it('name every kind of feature in the dataset in both languages, so no code is shown to a reader', () => {
    expect(kinds.size).toBeGreaterThan(5);
    for (const [language, messages] of Object.entries(MESSAGES)) {
      const missing = [...kinds].filter((kind) => !messages.kinds[kind]);
      expect(missing, `kinds without a ${language} label`).toEqual([]);
    }
  });

  it('have no empty string in either language', () => {
    const empty: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'string' && value.trim() === '' && !path.endsWith('qualifier.exactly')) empty.push(path);
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
    };
    for (const [language, messages] of Object.entries(MESSAGES)) walk(messages, language);
    expect(empty).toEqual([]);
  });
});
