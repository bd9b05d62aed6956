/**
 * GB/T 21010-2017 "Current land use classification" (12 level-1 and 73 level-2 classes), and the
 * working classification of the third national land survey built on it (三调). Both are coded in
 * the `DLBM` column of survey files. The codes, names, titles and editions are data, in
 * gb-t-21010-2017.json beside this file (kept out of the .ts sources on purpose: the first-load
 * font subset is built from the characters of src/**\/*.ts, and class names are only shown in the
 * lazily loaded planner, where the font's on-demand range files draw them).
 *
 * Edition: GB/T 21010-2017, published and in force 2017-11-01, replacing GB/T 21010-2007 (whose
 * 3-digit codes such as 011 are not in this list and show as unknown codes).
 *
 * Where the codes were transcribed from (nothing in the JSON is written from memory):
 * - The 73 level-2 classes, codes and names: a public repository's land-use type dictionary
 *   (code-search index id 38753020595, `tdlylxData`, 0101 … 1207); the level-1 names and the
 *   structure from the standard's table as reproduced at
 *   http://montevarchicalcio.com/xunyiweb/news/2019-7-24/388.html and
 *   https://max.book118.com/html/2021/0729/6140120032003222.shtm (table 1, 0301 … 0307). A second
 *   repository (index id 48799469092) agrees on the level-1 names as section headings.
 * - The 三调 working classification: the survey table (SURVEY_TREE) in a public repository that
 *   transcribed it from a PDF's appendix I, table I (index id 54947662366): 00 wetland gathers
 *   0303 0304 0306 0402 0603 1105 1106 1108; 05 and 06 are renamed, with 05H1 and 0508; 08H1 and
 *   08H2 merge 08 classes; 09 has no level-2 class. The merged codes also appear in
 *   nixnfg/ArcGIS-Pro-CCTool@6fb8c750 (Data/Excel/, a 三调 tool) and in index id 9960279170.
 * - The suffix letters 三调 files append to a level-2 code: K (adjustable: 0201K, 0301K, 0403K …)
 *   and A (a part of the class listed on its own: 0810A, 08H2A, 1104A), from the 三调 map style in
 *   MapGIS/WebClient-Vue (cesium/docs/template/guotu.md, filters on the code field; index id
 *   46741925431), and 1104A / 1107A in index id 48799469092. No complete list of such values was
 *   found, so they are not classes: a value made of a code and one of these letters counts under
 *   that code's class and is listed apart as such, never silently.
 *
 * Colours: no official colour table for either list was found, so the app draws these classes with
 * a stated palette (land-use-palette.ts) and says so on screen.
 */
import { flattenClassTree, type ClassTree, type ClassificationStandard } from './classification-types.ts';
import data from './gb-t-21010-2017.json';

type StandardData = Omit<ClassificationStandard, 'id' | 'classes'> & { tree: unknown };

function standardFrom(id: ClassificationStandard['id'], fields: StandardData): ClassificationStandard {
  const { tree, ...rest } = fields;
  return { id, ...rest, classes: flattenClassTree(tree as ClassTree) };
}

export const GB_T_21010_2017: ClassificationStandard = standardFrom(
  'gb-t-21010-2017',
  data.gbT21010_2017 as StandardData,
);

export const THIRD_NATIONAL_SURVEY: ClassificationStandard = standardFrom(
  'third-national-survey',
  data.thirdNationalSurvey as StandardData,
);
