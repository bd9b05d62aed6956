/**
 * The classifications the app knows, and lookups over them: a code's class, the class it rolls up
 * to at level 1 or 2, and how a column of values matches each standard.
 */
import type { ClassificationStandard, ClassificationStandardId, LandClass } from './classification-types.ts';
import { GB_T_21010_2017, THIRD_NATIONAL_SURVEY } from './gb-t-21010-2017.ts';
import { LAND_SEA_USE_2023 } from './land-sea-use-2023.ts';

export type { ClassificationStandard, ClassificationStandardId, LandClass } from './classification-types.ts';

/** In the order ties are broken when nothing else decides (the national standard first). */
export const CLASSIFICATION_STANDARDS: readonly ClassificationStandard[] = [
  GB_T_21010_2017,
  THIRD_NATIONAL_SURVEY,
  LAND_SEA_USE_2023,
];

export const STANDARD_IDS: readonly ClassificationStandardId[] = CLASSIFICATION_STANDARDS.map(
  (standard) => standard.id,
);

export function isStandardId(value: string): value is ClassificationStandardId {
  return (STANDARD_IDS as readonly string[]).includes(value);
}

export function standardById(id: ClassificationStandardId): ClassificationStandard {
  return CLASSIFICATION_STANDARDS.find((standard) => standard.id === id)!;
}

const indexes = new Map<ClassificationStandardId, Map<string, LandClass>>();

/** Code → class, built once per standard. */
export function classIndex(standard: ClassificationStandard): ReadonlyMap<string, LandClass> {
  let index = indexes.get(standard.id);
  if (!index) {
    index = new Map(standard.classes.map((landClass) => [landClass.code, landClass]));
    indexes.set(standard.id, index);
  }
  return index;
}

/** The class a class counts under at a level: its ancestor at that level, or itself when it is shallower. */
export function classAtLevel(standard: ClassificationStandard, landClass: LandClass, level: 1 | 2): LandClass {
  const index = classIndex(standard);
  let current = landClass;
  while (current.level > level && current.parent !== null) current = index.get(current.parent)!;
  return current;
}

/** Whether `landClass` is `ancestorCode` or lies under it. */
export function isWithin(standard: ClassificationStandard, landClass: LandClass, ancestorCode: string): boolean {
  const index = classIndex(standard);
  let current: LandClass | undefined = landClass;
  while (current) {
    if (current.code === ancestorCode) return true;
    current = current.parent === null ? undefined : index.get(current.parent);
  }
  return false;
}

export interface ResolvedCode {
  landClass: LandClass;
  /** The survey letter the value carried after the class's code (三调 K or A), when it did. */
  suffix?: string;
}

/** The class a code names: the code itself, or a code of the standard followed by one of its suffix letters. */
export function resolveCode(standard: ClassificationStandard, code: string): ResolvedCode | undefined {
  const index = classIndex(standard);
  const exact = index.get(code);
  if (exact) return { landClass: exact };
  if (!standard.suffixes || code.length < 3) return undefined;
  const suffix = code.slice(-1).toUpperCase();
  if (!Object.hasOwn(standard.suffixes, suffix)) return undefined;
  // Surveys mark parts of level-2 classes (0201K, 1104A); a letter on a level-1 code is no such mark.
  const base = index.get(code.slice(0, -1));
  return base && base.level >= 2 ? { landClass: base, suffix } : undefined;
}

/**
 * A property value as a code: text trimmed, numbers as written. Nothing else is guessed (a numeric
 * 101 is not padded to 0101: it could as well be GB/T 21010-2007's 3-digit 101, railway land).
 */
export function codeText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
