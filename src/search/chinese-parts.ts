/**
 * Chinese names matched by their parts: people type the words they remember of a name, not the
 * name: 渔子溪公园 or 渔子溪湿地 for 渔子溪生态湿地公园, 华为大数据 for 华为(四川)大数据中心,
 * sometimes in another order (公园渔子溪). Chinese has no spaces to split words on, so the query
 * is cut into the longest runs of characters the name contains, wherever they sit in it.
 *
 * Generic words (公园, 湿地, 生态, 中心, 园区 …) are in half the names of a zone: a query's generic
 * words weigh less in how much of it was found, and one alone does not make a match.
 */

/** Words many names share; a match on these says little about which place was meant. */
export const GENERIC_WORDS: readonly string[] = [
  '产业园',
  '公园',
  '湿地',
  '生态',
  '中心',
  '园区',
  '产业',
  '基地',
  '区域',
];

/** How much a character of a generic word counts, against 1 for any other character. */
const GENERIC_WEIGHT = 0.3;

/** A run of the query's characters found in the name. */
export interface MatchedPiece {
  queryStart: number;
  nameStart: number;
  length: number;
}

export interface ChinesePartsMatch {
  pieces: MatchedPiece[];
  /** Share of the query found in the name, generic words weighing less: 1 when every character was. */
  queryShare: number;
  /** Share of the name's characters the pieces cover. */
  nameShare: number;
}

/** The smallest weighted share of the query that must be found for a partial match. */
export const LEAST_PARTIAL_SHARE = 0.55;

function characterWeights(query: string): number[] {
  const weights = Array.from({ length: query.length }, () => 1);
  for (const word of GENERIC_WORDS) {
    for (let at = query.indexOf(word); at >= 0; at = query.indexOf(word, at + 1)) {
      for (let offset = 0; offset < word.length; offset++) weights[at + offset] = GENERIC_WEIGHT;
    }
  }
  return weights;
}

/** A run made only of characters of generic words (公园, 园, 生态园 …). */
function isGenericRun(run: string): boolean {
  return [...run].every((character) => GENERIC_WORDS.some((word) => word.includes(character)));
}

/**
 * Cuts `query` into the longest runs `name` contains (both folded to letters and digits; offsets
 * in UTF-16 units, like the rest of the index), left to right. Returns undefined unless the
 * pieces say which name was meant: every character found, in runs of two or more or with one
 * such run that is not a generic word; or that distinctive run and at least
 * `LEAST_PARTIAL_SHARE` of the weighted query.
 *
 * @example matchChineseParts('渔子溪公园', '渔子溪生态湿地公园')?.queryShare // 1
 */
export function matchChineseParts(query: string, name: string): ChinesePartsMatch | undefined {
  if (query.length === 0 || name.length === 0) return undefined;
  const weights = characterWeights(query);
  const pieces: MatchedPiece[] = [];
  let anchored = false;
  let allFound = true;
  let position = 0;
  while (position < query.length) {
    let found: MatchedPiece | undefined;
    for (let length = query.length - position; length >= 1 && !found; length--) {
      const nameStart = name.indexOf(query.slice(position, position + length));
      if (nameStart >= 0) found = { queryStart: position, nameStart, length };
    }
    if (!found) {
      allFound = false;
      position += 1;
      continue;
    }
    pieces.push(found);
    if (found.length >= 2 && !isGenericRun(query.slice(found.queryStart, found.queryStart + found.length)))
      anchored = true;
    position += found.length;
  }
  if (pieces.length === 0) return undefined;
  const weightOf = (start: number, end: number): number =>
    weights.slice(start, end).reduce((sum, weight) => sum + weight, 0);
  // A lone character found somewhere is weak evidence (州 is in every 泸州 name): it counts half.
  const foundWeight = pieces.reduce(
    (sum, piece) => sum + weightOf(piece.queryStart, piece.queryStart + piece.length) * (piece.length === 1 ? 0.5 : 1),
    0,
  );
  const queryShare = allFound ? 1 : foundWeight / weightOf(0, query.length);
  // Scattered single characters (公 here, 中 there) name no place. Generic words do when all of
  // them are there as words (生态公园 asks for parks that are 生态 and 公园), not when some are missing.
  const allAsWords = allFound && pieces.every((piece) => piece.length >= 2);
  if (!(anchored || allAsWords) || (!allFound && queryShare < LEAST_PARTIAL_SHARE)) return undefined;
  const coveredInName = new Set<number>();
  for (const piece of pieces)
    for (let offset = 0; offset < piece.length; offset++) coveredInName.add(piece.nameStart + offset);
  return { pieces, queryShare, nameShare: coveredInName.size / name.length };
}
