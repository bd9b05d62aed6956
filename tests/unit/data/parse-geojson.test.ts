import { describe, expect, it } from 'vitest';
import { parseGeoJson } from '../../../src/data/parse-geojson.ts';
import { findJsonSyntaxProblem } from '../../../src/data/json-syntax.ts';

const point = { type: 'Point', coordinates: [105.44, 28.89] };

describe('parseGeoJson', () => {
  it('wraps a bare geometry, a Feature and a GeometryCollection into a FeatureCollection', () => {
    for (const input of [
      point,
      { type: 'Feature', properties: { name: 'x' }, geometry: point },
      { type: 'GeometryCollection', geometries: [point] },
    ]) {
      const result = parseGeoJson(JSON.stringify(input), 'input.geojson');
      if (!result.ok) throw new Error(result.message);
      expect(result.collection.type).toBe('FeatureCollection');
      expect(result.collection.features).toHaveLength(1);
    }
  });

  it('accepts a UTF-8 byte-order mark and keeps feature ids and null geometries', () => {
    const text = `\ufeff${JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 7, properties: null, geometry: null }] })}`;
    const result = parseGeoJson(text, 'bom.geojson');
    if (!result.ok) throw new Error(result.message);
    expect(result.nullGeometryCount).toBe(1);
    expect(result.collection.features[0]).toEqual({ type: 'Feature', id: 7, properties: null, geometry: null });
  });

  it('gives line and column of a syntax error on a later line', () => {
    const result = parseGeoJson('{\n  "type": "Point",\n  "coordinates": [105.4 28.9]\n}', 'typo.geojson');
    expect(result).toMatchObject({ ok: false, line: 3, column: 25 });
    if (!result.ok)
      expect(result.message).toBe(
        "typo.geojson: not valid JSON: expected ',' or ']', found \"2\" at line 3, column 25",
      );
  });

  it('names the JSON path of the first bad coordinate', () => {
    const text = JSON.stringify({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [105, 29],
            [105.1, 29],
            [105.1, 29.1],
            [105, 29],
          ],
        ],
        [
          [
            [105, 29],
            [105.1, 29],
            [105.1, null],
            [105, 29],
          ],
        ],
      ],
    });
    const result = parseGeoJson(text, 'parcels.geojson');
    expect(result).toMatchObject({ ok: false, path: 'coordinates[1][0][2][1]' });
  });

  it('refuses a feature without a geometry member but takes an explicit null', () => {
    expect(parseGeoJson('{"type":"Feature","properties":{}}', 'f.geojson')).toMatchObject({ ok: false, path: '' });
    expect(parseGeoJson('{"type":"Feature","properties":{},"geometry":null}', 'f.geojson')).toMatchObject({
      ok: true,
      nullGeometryCount: 1,
    });
  });

  it('survives nesting far deeper than the call stack', () => {
    const deep = `{"type":"Polygon","coordinates":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(parseGeoJson(deep, 'deep.geojson').ok).toBe(false);
    expect(findJsonSyntaxProblem('{"a":'.repeat(300_000))).toMatchObject({
      problem: 'text ends early (truncated file?)',
    });
  });
});

describe('findJsonSyntaxProblem', () => {
  it('agrees with JSON.parse on valid text', () => {
    for (const text of [
      '{}',
      '[]',
      '0',
      '-1.5e-3',
      '"\\u00e9\\n"',
      '{"a":[true,false,null,{"b":[]}]}',
      ' \n[1, 2]\n ',
    ]) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxProblem(text)).toBeNull();
    }
  });

  it.each([
    ['[1,2,]', "trailing comma before ']'"],
    ['{"a":1,}', "trailing comma before '}'"],
    ["{'a':1}", 'expected a double-quoted property name, found "\'"'],
    ['{"a":1} x', 'unexpected "x" after the end of the JSON value'],
    ['"abc', 'text ends inside a string (truncated file?)'],
  ])('explains %s', (text, problem) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxProblem(text)?.problem).toBe(problem);
  });
});
