/**
 * A planner's parcel file read as a planning table: features grouped by the national class their
 * code column names (level 1 or 2, with the official names), the values that are no code of the
 * standard listed apart, and the indicators a planner reports, each with its definition and
 * denominator. The app's table, its map colours and `npm run stats -- FILE --landuse FIELD` all
 * come from `classifyLandUse`, so they agree to the last digit on the same file.
 *
 * Areas are `measureCollection`'s (WGS84 ellipsoid, each feature on its own): overlapping parcels
 * count in each class they are coded as, exactly as the app's other tables count them.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type {
  ClassificationStandard,
  ClassificationStandardId,
  LandClass,
} from '../data/classification/classification-types.ts';
import { classColours, type ColourSource } from '../data/classification/land-use-palette.ts';
import { classAtLevel, codeText, isWithin, resolveCode, standardById } from '../data/classification/standards.ts';
import indicatorData from './land-use-indicators.json';
import { COLLECTION_AREA_METHOD, measureCollection, type SkippedGeometries } from './measure-collection.ts';

export type ClassLevelChoice = 1 | 2;

export interface LandUseClassRow {
  code: string;
  name_zh: string;
  /** The class's own level: a level-1 class without sub-classes (e.g. 16) stays level 1 in a level-2 table. */
  level: 1 | 2 | 3;
  areaM2: number;
  count: number;
  colour: string;
  colourSource: ColourSource;
}

export interface UnknownCode {
  /** The value as text (trimmed); null for features without the property or with an empty one. */
  value: string | null;
  count: number;
  areaM2: number;
}

/** A value made of a class's code and a survey letter (三调 0201K): counted under that class, and listed here. */
export interface SuffixedCode {
  value: string;
  /** The class's code the value extends. */
  countedAs: string;
  suffix: string;
  count: number;
  areaM2: number;
}

export interface LandUseIndicator {
  name: { zh: string; en: string };
  /** The classes counted in the numerator (and everything under them); empty when the standard has none. */
  codes: string[];
  numeratorM2: number | null;
  denominatorM2: number;
  /** numerator ÷ denominator; null when the standard has no such class or nothing was classified. */
  value: number | null;
  definition: { zh: string; en: string };
  denominator: { zh: string; en: string };
}

export interface LandUseIndicators {
  greenOpenSpaceShare: LandUseIndicator;
  industrialShare: LandUseIndicator;
  residentialShare: LandUseIndicator;
  greenSpaceRatio: LandUseIndicator;
}

export interface LandUseClassStatistics {
  standard: ClassificationStandardId;
  field: string;
  level: ClassLevelChoice;
  /** Every measured feature's area, summed (as the app's table totals). */
  totalAreaM2: number;
  /** The part of totalAreaM2 whose code the standard has: what the indicators divide by. */
  classifiedAreaM2: number;
  /** In the standard's code order. */
  classes: LandUseClassRow[];
  /** Largest area first; never merged into a class. */
  unknownCodes: UnknownCode[];
  /** Values counted under a class through a survey suffix letter, by value; empty for standards without suffixes. */
  suffixedCodes: SuffixedCode[];
  indicators: LandUseIndicators;
  /** Each distinct value that names a class → the colour of the class it counts under at this level. */
  valueColours: [value: string, colour: string][];
  featureCount: number;
  measuredCount: number;
  skipped: SkippedGeometries;
  method: string;
}

interface IndicatorDefinition {
  name: { zh: string; en: string };
  codes: string[];
  definition: { zh: string; en: string };
}

/**
 * The indicators by standard, as data (land-use-indicators.json; its Chinese stays out of the
 * first-load font subset, see src/data/classification/gb-t-21010-2017.ts): the 2023 guide's codes
 * (14, 1001, 07, and 1401 + 1402 for the ratio), and their nearest equivalents in GB/T 21010 and
 * 三调 (0601, 07, 0810; no class for 14, which the definition says instead of inventing a share).
 */
const INDICATORS = indicatorData as unknown as {
  classifiedDenominator: { zh: string; en: string };
  landSeaUse2023: Record<keyof LandUseIndicators, IndicatorDefinition>;
  landSurvey: Record<keyof LandUseIndicators, IndicatorDefinition>;
};

const CLASSIFIED_DENOMINATOR = INDICATORS.classifiedDenominator;

function indicatorDefinitions(
  standard: ClassificationStandardId,
): Record<keyof LandUseIndicators, IndicatorDefinition> {
  return standard === 'land-sea-use-2023' ? INDICATORS.landSeaUse2023 : INDICATORS.landSurvey;
}

function counted(geometry: Geometry | null, areaM2: number): boolean {
  if (!geometry) return false;
  // The same rule measureCollection sums by, so totals agree.
  return (
    geometry.type === 'Polygon' ||
    geometry.type === 'MultiPolygon' ||
    (geometry.type === 'GeometryCollection' && areaM2 > 0)
  );
}

/**
 * @example
 * classifyLandUse(parcels, { field: 'YDYHFL', level: 1, standard: 'land-sea-use-2023' }).classes
 * // [{ code: '07', name_zh: '…', level: 1, areaM2: 4.1e5, count: 31, colour: '#ffff2d', colourSource: 'official-child' }, …]
 */
export function classifyLandUse(
  collection: FeatureCollection,
  options: { field: string; level: ClassLevelChoice; standard: ClassificationStandardId },
): LandUseClassStatistics {
  const standard: ClassificationStandard = standardById(options.standard);
  const order = new Map(standard.classes.map((landClass, position) => [landClass.code, position]));
  const colours = classColours(standard);
  const featureAreasM2 = new Float64Array(collection.features.length);
  const measurement = measureCollection(collection, { featureAreasM2 });

  const rows = new Map<string, LandUseClassRow>();
  const unknown = new Map<string | null, UnknownCode>();
  const suffixed = new Map<string, SuffixedCode>();
  const valueColours = new Map<string, string>();
  const definitions = indicatorDefinitions(options.standard);
  const numerators = Object.fromEntries(Object.keys(definitions).map((key) => [key, 0])) as Record<
    keyof LandUseIndicators,
    number
  >;
  let classifiedAreaM2 = 0;

  collection.features.forEach((feature, position) => {
    const areaM2 = featureAreasM2[position]!;
    if (!counted(feature.geometry, areaM2)) return;
    const rawValue = feature.properties?.[options.field];
    const code = codeText(rawValue);
    const resolved = code === null ? undefined : resolveCode(standard, code);
    const landClass: LandClass | undefined = resolved?.landClass;
    if (!landClass) {
      const entry = unknown.get(code) ?? { value: code, count: 0, areaM2: 0 };
      entry.count += 1;
      entry.areaM2 += areaM2;
      unknown.set(code, entry);
      return;
    }
    classifiedAreaM2 += areaM2;
    if (resolved?.suffix !== undefined) {
      const entry = suffixed.get(code!) ?? {
        value: code!,
        countedAs: landClass.code,
        suffix: resolved.suffix,
        count: 0,
        areaM2: 0,
      };
      entry.count += 1;
      entry.areaM2 += areaM2;
      suffixed.set(code!, entry);
    }
    const grouped = classAtLevel(standard, landClass, options.level);
    const row =
      rows.get(grouped.code) ??
      ({
        code: grouped.code,
        name_zh: grouped.name_zh,
        level: grouped.level,
        areaM2: 0,
        count: 0,
        colour: colours.get(grouped.code)!.colour,
        colourSource: colours.get(grouped.code)!.source,
      } satisfies LandUseClassRow);
    row.areaM2 += areaM2;
    row.count += 1;
    rows.set(grouped.code, row);
    // The map matches the value as MapLibre's to-string sees it, which is String(value), untrimmed.
    if (typeof rawValue === 'string' || typeof rawValue === 'number') valueColours.set(String(rawValue), row.colour);
    for (const key of Object.keys(definitions) as (keyof LandUseIndicators)[]) {
      if (definitions[key].codes.some((ancestor) => isWithin(standard, landClass, ancestor))) numerators[key] += areaM2;
    }
  });

  const indicator = (key: keyof LandUseIndicators): LandUseIndicator => {
    const definition = definitions[key];
    const available = definition.codes.length > 0;
    return {
      name: definition.name,
      codes: definition.codes,
      numeratorM2: available ? numerators[key] : null,
      denominatorM2: classifiedAreaM2,
      value: available && classifiedAreaM2 > 0 ? numerators[key] / classifiedAreaM2 : null,
      definition: definition.definition,
      denominator: CLASSIFIED_DENOMINATOR,
    };
  };

  return {
    standard: options.standard,
    field: options.field,
    level: options.level,
    totalAreaM2: measurement.totalAreaM2,
    classifiedAreaM2,
    classes: [...rows.values()].sort((first, second) => order.get(first.code)! - order.get(second.code)!),
    unknownCodes: [...unknown.values()].sort(
      (first, second) =>
        second.areaM2 - first.areaM2 ||
        second.count - first.count ||
        String(first.value).localeCompare(String(second.value)),
    ),
    suffixedCodes: [...suffixed.values()].sort((first, second) => first.value.localeCompare(second.value)),
    indicators: {
      greenOpenSpaceShare: indicator('greenOpenSpaceShare'),
      industrialShare: indicator('industrialShare'),
      residentialShare: indicator('residentialShare'),
      greenSpaceRatio: indicator('greenSpaceRatio'),
    },
    valueColours: [...valueColours.entries()],
    featureCount: measurement.featureCount,
    measuredCount: measurement.measuredCount,
    skipped: measurement.skipped,
    method: COLLECTION_AREA_METHOD,
  };
}
