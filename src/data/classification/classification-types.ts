/**
 * The shape of a national land classification as data: a flat list of classes, each knowing its
 * level and parent, built from the nested tables the standards print. The code lists themselves
 * live one module per standard beside this file, each with the document it follows cited.
 */

export type ClassificationStandardId = 'gb-t-21010-2017' | 'third-national-survey' | 'land-sea-use-2023';

export type ClassLevel = 1 | 2 | 3;

export interface LandClass {
  code: string;
  name_zh: string;
  level: ClassLevel;
  /** The enclosing class's code; null at level 1. */
  parent: string | null;
}

/** An RGB colour the standard (or its cartographic companion) gives a class, with where it says so. */
export interface OfficialColour {
  rgb: readonly [number, number, number];
  /** The name the colour table uses for the class, when it differs from the code list's. */
  tableName?: string;
}

export interface ClassificationStandard {
  id: ClassificationStandardId;
  title: { zh: string; en: string };
  /** Which edition the list follows, and the document that published it. */
  edition: string;
  /** Where the codes were transcribed from (documents, repositories with commit), for the screen and the CLI. */
  sources: readonly string[];
  classes: readonly LandClass[];
  /** Official colours by class code; absent when no official colour table was found for the standard. */
  colours: Readonly<Record<string, OfficialColour>> | null;
  /** Where the colours come from, or why there are none. */
  colourSource: { zh: string; en: string };
  /**
   * Letters a survey appends to a code to mark a part of the class (三调: 0201K, 1104A): such a
   * value counts under the class it extends, and is listed as such.
   */
  suffixes?: Readonly<Record<string, { zh: string; en: string }>>;
}

/** A table as the standards print it: level 1 → level 2 → level 3. */
export type ClassTree = readonly (readonly [code: string, name: string, children?: ClassTree])[];

/** Flattens a printed table into classes, parents first, in the table's order. */
export function flattenClassTree(tree: ClassTree, level: ClassLevel = 1, parent: string | null = null): LandClass[] {
  const classes: LandClass[] = [];
  for (const [code, name, children] of tree) {
    classes.push({ code, name_zh: name, level, parent });
    if (children) classes.push(...flattenClassTree(children, (level + 1) as ClassLevel, code));
  }
  return classes;
}
