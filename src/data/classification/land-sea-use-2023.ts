/**
 * The 2023 "Land and sea use classification guide for territorial surveys, planning and use
 * control", issued by the Ministry of Natural Resources with notice No. 234 of 2023 (it revises and
 * puts in force the trial edition of November 2020): 24 level-1 classes, with level-2 and, for some
 * classes, level-3 classes; codes as planners write them in `YDYHFL` / `GHDLBM` style columns
 * (0701, 070101, 1001, 14, 16…). Codes, names, title, edition and colours are data, in
 * land-sea-use-2023.json beside this file (see gb-t-21010-2017.ts for why not in .ts).
 *
 * Where the codes were transcribed from (nothing in the JSON is written from memory):
 * - nixnfg/ArcGIS-Pro-CCTool@6fb8c750ce0560d55823d73690840dc27d46d6ca,
 *   Scripts/CusTool/QHVillageTable.xaml.cs, its land and sea use dictionary (every level-2 and
 *   level-3 code with its name, with the 2023 changes: 0204, 0507 under 05, 0601 with 060101 and
 *   060102, 0703).
 * - A second, independent transcription of the guide's appendix table (PLANNING_TREE, code-search
 *   index id 54947662366), which also gives the level-1 classes the dictionary omits (10, 12, 13,
 *   17, 23) and 0601 itself. The two agree on every code and name except the name of 2005, where
 *   the first is kept (the JSON's name); the second has a shorter one.
 * - The notice's number and wording, from the Ministry's notice as reproduced at
 *   http://ykgxjd.com/-home_View_index_6.html.
 * The official totals of level-2 and level-3 classes could not be read from the guide itself; the
 * counts this list has (24 / 111 / 40) are tested as the transcription's, so a change is deliberate.
 *
 * Colours: appendix B of the municipal territorial master plan cartography specification (trial),
 * the land and sea use colour table, 39 entries in RGB, as transcribed in a public repository
 * (index id 55635450584, landuse_colors.js, citing the specification's PDF, appendix B); a second
 * repository (index id 52454497624) has the same values in hex for every class both list
 * (1001 #BB9674, 1002 #9E6C54, 11 #8761D3, 1202 #ADADAD, 1401 #00FF00, 1403 #ACFFCF, 15 #859156,
 * 17 #338EC0). The JSON maps each entry to the code of the class it names (`tableName` where the
 * table's wording differs); classes it does not name take their level-1 class's colour
 * (land-use-palette.ts).
 */
import { flattenClassTree, type ClassTree, type ClassificationStandard } from './classification-types.ts';
import data from './land-sea-use-2023.json';

const { tree, ...fields } = data as unknown as Omit<ClassificationStandard, 'id' | 'classes'> & { tree: unknown };

export const LAND_SEA_USE_2023: ClassificationStandard = {
  id: 'land-sea-use-2023',
  ...fields,
  classes: flattenClassTree(tree as ClassTree),
};
