/**
 * Which classification a column of codes follows. GB/T 21010 codes (地类编码, `DLBM`) and the 2023
 * land and sea use codes look alike (0101 is paddy land in both; 1001 is railway land in one and
 * industrial land in the other), so the answer weighs two things and shows both: the share of the column's values that
 * are codes of each standard, and what the column's name suggests (`DLBM`, `YDYHFL`, …). The
 * planner sees the scores and can pick another standard.
 */
import type { FeatureCollection } from 'geojson';
import type { ClassificationStandardId } from '../data/classification/classification-types.ts';
import { CLASSIFICATION_STANDARDS, codeText, resolveCode } from '../data/classification/standards.ts';

export interface StandardScore {
  standard: ClassificationStandardId;
  /** Distinct features with a value in the column whose value is a code of the standard, over all with a value. */
  recognisedShare: number;
}

export interface ColumnDetection {
  field: string;
  /** Features with a non-empty value in the column. */
  valueCount: number;
  /** Standards the column's name points to, e.g. DLBM → GB/T 21010 and 三调. */
  nameSuggests: ClassificationStandardId[];
  /** Every standard, best first. */
  scores: StandardScore[];
  /** The best standard, or null when the column does not look like codes at all. */
  standard: ClassificationStandardId | null;
}

/** A column counts as codes when at least this share of its values are codes of one standard, or its name says so. */
export const RECOGNISED_SHARE_THRESHOLD = 0.5;

const NAME_HINTS: readonly { pattern: RegExp; standards: ClassificationStandardId[] }[] = [
  // 地类编码 / 地类代码 of land-use survey databases (三调 first: DLBM is its field name).
  {
    pattern: /^(dlbm|dldm|xzdlbm|dlbm_\d+|地类编码|地类代码)$/i,
    standards: ['third-national-survey', 'gb-t-21010-2017'],
  },
  // 用地用海分类 / 规划地类 of planning databases.
  { pattern: /(ydyh|yongdiyonghai|ghdl|ghyt|ghfl|用地用海|规划地类)/i, standards: ['land-sea-use-2023'] },
];

export function nameSuggestion(field: string): ClassificationStandardId[] {
  const hint = NAME_HINTS.find(({ pattern }) => pattern.test(field.trim()));
  return hint ? [...hint.standards] : [];
}

/**
 * @example
 * detectCodeColumn(parcels, 'DLBM')
 * // { field: 'DLBM', valueCount: 300, nameSuggests: ['third-national-survey', 'gb-t-21010-2017'], scores: [{ standard: 'third-national-survey', recognisedShare: 0.97 }, …], standard: 'third-national-survey' }
 */
export function detectCodeColumn(collection: FeatureCollection, field: string): ColumnDetection {
  const codes: string[] = [];
  for (const feature of collection.features) {
    const code = codeText(feature.properties?.[field]);
    if (code !== null) codes.push(code);
  }
  const nameSuggests = nameSuggestion(field);
  const rank = (standard: ClassificationStandardId): number => {
    const position = nameSuggests.indexOf(standard);
    return position < 0 ? nameSuggests.length : position;
  };
  const scores = CLASSIFICATION_STANDARDS.map((standard, order) => {
    const recognised = codes.reduce((sum, code) => sum + (resolveCode(standard, code) ? 1 : 0), 0);
    return { standard: standard.id, recognisedShare: codes.length > 0 ? recognised / codes.length : 0, order };
  }).sort(
    (first, second) =>
      second.recognisedShare - first.recognisedShare ||
      rank(first.standard) - rank(second.standard) ||
      first.order - second.order,
  );
  const best = scores[0]!;
  const looksLikeCodes =
    best.recognisedShare >= RECOGNISED_SHARE_THRESHOLD || (nameSuggests.length > 0 && best.recognisedShare > 0);
  return {
    field,
    valueCount: codes.length,
    nameSuggests,
    scores: scores.map(({ standard, recognisedShare }) => ({ standard, recognisedShare })),
    standard: looksLikeCodes ? best.standard : null,
  };
}

/** Every column that looks like codes, best first (most values recognised). */
export function detectCodeColumns(collection: FeatureCollection, fields: readonly string[]): ColumnDetection[] {
  return fields
    .map((field) => detectCodeColumn(collection, field))
    .filter((detection) => detection.standard !== null)
    .sort(
      (first, second) =>
        second.scores[0]!.recognisedShare - first.scores[0]!.recognisedShare ||
        second.nameSuggests.length - first.nameSuggests.length,
    );
}
