/**
 * The colour a class is drawn in. Where the standard has an official colour table (the 2023 guide,
 * through the cartography specification's appendix B) its colour is used, inherited down from the
 * level-1 class for classes the table does not name, or, for a level-1 class the table only colours
 * through its sub-classes (07, 08, 10, 14), taken from its first coloured level-2 class in code
 * order. Otherwise the stated palette below, one hue per level-1 class, and the screen says it is
 * not official. (Comments here stay in English: see gb-t-21010-2017.ts on the font subset.)
 */
import type { ClassificationStandard, LandClass } from './classification-types.ts';

/** Tableau 10 (2016), then d3's category10 cyan, olive and grey: enough for the 13 level-1 classes of 三调. */
export const STATED_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
] as const;

/** Values that are no code of the standard: a neutral grey no official colour uses. */
export const UNKNOWN_CODE_COLOUR = '#9aa0a6';

export type ColourSource = 'official' | 'official-parent' | 'official-child' | 'palette';

export interface ClassColour {
  colour: string;
  source: ColourSource;
  /** The class whose table colour this is, when inherited (parent) or borrowed (child). */
  from?: string;
}

function hex(rgb: readonly [number, number, number]): string {
  return `#${rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

function topLevelOf(byCode: ReadonlyMap<string, LandClass>, landClass: LandClass): LandClass {
  let current = landClass;
  while (current.parent !== null) current = byCode.get(current.parent)!;
  return current;
}

/** The colour of every class of a standard, by code. */
export function classColours(standard: ClassificationStandard): Map<string, ClassColour> {
  const byCode = new Map(standard.classes.map((landClass) => [landClass.code, landClass]));
  const topLevel = standard.classes.filter((landClass) => landClass.level === 1);
  const colours = new Map<string, ClassColour>();
  const table = standard.colours;
  for (const landClass of standard.classes) {
    if (table) {
      const own = table[landClass.code];
      if (own) {
        colours.set(landClass.code, { colour: hex(own.rgb), source: 'official' });
        continue;
      }
      let ancestor = landClass.parent === null ? undefined : byCode.get(landClass.parent);
      while (ancestor && !table[ancestor.code])
        ancestor = ancestor.parent === null ? undefined : byCode.get(ancestor.parent);
      if (ancestor) {
        colours.set(landClass.code, {
          colour: hex(table[ancestor.code]!.rgb),
          source: 'official-parent',
          from: ancestor.code,
        });
        continue;
      }
      const child = standard.classes.find((candidate) => candidate.parent === landClass.code && table[candidate.code]);
      if (child) {
        colours.set(landClass.code, {
          colour: hex(table[child.code]!.rgb),
          source: 'official-child',
          from: child.code,
        });
        continue;
      }
    }
    const top = topLevelOf(byCode, landClass);
    colours.set(landClass.code, {
      colour: STATED_PALETTE[topLevel.indexOf(top) % STATED_PALETTE.length]!,
      source: 'palette',
    });
  }
  return colours;
}
