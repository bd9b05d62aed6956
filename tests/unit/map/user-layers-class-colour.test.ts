/**
 * The fill colour an imported layer gets when drawn by land class: a MapLibre expression that the
 * style spec accepts and that evaluates to the class colour of each coded value, the fallback for
 * anything else (unknown codes, missing values, hostile strings), numbers compared as text.
 */
import { createExpression, latest, type StylePropertySpecification } from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { classifyLandUse } from '../../../src/analysis/land-use-classes.ts';
import { UNKNOWN_CODE_COLOUR } from '../../../src/data/classification/land-use-palette.ts';
import { classFillColour } from '../../../src/map/user-layers.ts';
import { HOSTILE_CODE, PARCELS_PATH } from '../../fixtures/landuse/generate-parcels.ts';

function evaluator(expression: unknown) {
  const parsed = createExpression(
    expression,
    'fill-color',
    latest.paint_fill['fill-color'] as StylePropertySpecification,
  );
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return (properties: Record<string, unknown>): string => {
    const colour = parsed.value.evaluate({ zoom: 14 }, { type: 'Polygon', properties } as unknown as Parameters<
      typeof parsed.value.evaluate
    >[1]) as string | { r: number; g: number; b: number };
    // Literal colours come back as written; parsed ones as 0–1 channels.
    if (typeof colour === 'string') return colour.toLowerCase();
    return `#${[colour.r, colour.g, colour.b]
      .map((channel) =>
        Math.round(channel * 255)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')}`;
  };
}

describe('classFillColour', () => {
  const parcels = JSON.parse(readFileSync(PARCELS_PATH, 'utf8')) as FeatureCollection;

  it('colours every parcel of the team’s file as its class in the table, and the rest grey', () => {
    const statistics = classifyLandUse(parcels, { field: 'YDYHFL', level: 1, standard: 'land-sea-use-2023' });
    const colourOf = evaluator(
      classFillColour({ field: 'YDYHFL', valueColours: statistics.valueColours, fallback: UNKNOWN_CODE_COLOUR }),
    );
    const classColour = new Map(statistics.classes.map((row) => [row.code, row.colour]));
    expect(colourOf({ YDYHFL: '100102' })).toBe(classColour.get('10'));
    expect(colourOf({ YDYHFL: '1401' })).toBe('#00ff00');
    expect(colourOf({ YDYHFL: '16' })).toBe('#ffffff');
    for (const unknown of ['9999', '071', HOSTILE_CODE, '', null])
      expect(colourOf({ YDYHFL: unknown })).toBe(UNKNOWN_CODE_COLOUR);
    expect(colourOf({})).toBe(UNKNOWN_CODE_COLOUR);
  });

  it('matches a numeric value by its text, as the table counted it', () => {
    const colourOf = evaluator(
      classFillColour({ field: 'DLBM', valueColours: [['601', '#123456']], fallback: UNKNOWN_CODE_COLOUR }),
    );
    expect(colourOf({ DLBM: 601 })).toBe('#123456');
    expect(colourOf({ DLBM: '0601' })).toBe(UNKNOWN_CODE_COLOUR);
  });

  it('is the fallback colour itself when no value names a class (a match needs at least one label)', () => {
    expect(classFillColour({ field: 'x', valueColours: [], fallback: UNKNOWN_CODE_COLOUR })).toBe(UNKNOWN_CODE_COLOUR);
  });
});
