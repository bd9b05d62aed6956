/**
 * An imported layer by any property: the colouring built from the statistics table's keys and the
 * filter that outlines one category select the same features the table counts in that row, numbers
 * compared as text, features without the property as the "(no value)" row, hostile strings as text.
 */
import { createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_PALETTE,
  OTHER_CATEGORY_COLOUR,
  categoryColouring,
  categoryKeyOf,
} from '../../../src/analysis/category-colours.ts';
import { categoryFilter, classFillColour, userLayerSpecifications } from '../../../src/map/user-layers.ts';

function evaluate(
  expression: unknown,
  specification: StylePropertySpecification,
  properties: Record<string, unknown>,
): unknown {
  const parsed = createExpression(expression, 'test', specification);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom: 14 }, { type: 'Polygon', properties } as unknown as Parameters<
    typeof parsed.value.evaluate
  >[1]);
}

const FEATURES: Record<string, unknown>[] = [
  { use: '工业' },
  { use: 601 },
  { use: '601' },
  { use: '<img src=x onerror=alert(1)>' },
  {},
  { use: true },
  { use: 1.5 },
];

describe('category filter and colouring of an imported layer', () => {
  it('outlines exactly the features the table puts in the picked row', () => {
    const keys = [...new Set(FEATURES.map((properties) => categoryKeyOf(properties['use'])))];
    for (const key of keys) {
      const selected = FEATURES.filter(
        (properties) =>
          evaluate(categoryFilter('use', key), { type: 'boolean' } as StylePropertySpecification, properties) === true,
      );
      expect(selected).toEqual(FEATURES.filter((properties) => categoryKeyOf(properties['use']) === key));
    }
  });

  it('colours each feature as its row’s swatch', () => {
    const keys = FEATURES.map((properties) => categoryKeyOf(properties['use']));
    const colouring = categoryColouring('use', keys);
    const fill = classFillColour(colouring);
    for (const properties of FEATURES) {
      const colour = evaluate(fill, latest.paint_fill['fill-color'] as StylePropertySpecification, properties) as
        | string
        | { r: number; g: number; b: number };
      const hex =
        typeof colour === 'string'
          ? colour
          : `#${[colour.r, colour.g, colour.b]
              .map((channel) =>
                Math.round(channel * 255)
                  .toString(16)
                  .padStart(2, '0'),
              )
              .join('')}`;
      const key = categoryKeyOf(properties['use']);
      expect(hex).toBe(
        key === null
          ? OTHER_CATEGORY_COLOUR
          : CATEGORY_PALETTE[colouring.valueColours.findIndex(([value]) => value === key)],
      );
    }
  });

  it('adds label and highlight parts that stay hidden until asked for, labels in the given font', () => {
    const parts = userLayerSpecifications('user-layer-x', '#d01c8b', ['App Sans']);
    const label = parts.find((part) => part.id === 'user-layer-x-label')!;
    const highlight = parts.find((part) => part.id === 'user-layer-x-highlight')!;
    expect(label.layout).toMatchObject({ visibility: 'none', 'text-font': ['App Sans'] });
    expect(highlight.layout).toMatchObject({ visibility: 'none' });
  });
});
