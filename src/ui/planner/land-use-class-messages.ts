/** The land-use class panel's strings (src/ui/planner/LandUseClassSection.tsx), in both languages. */
import type { ColourSource } from '../../data/classification/land-use-palette.ts';
import { language } from '../../i18n/index.ts';

export interface LandUseClassMessages {
  heading: string;
  intro: string;
  detecting: string;
  detectFailed: (reason: string) => string;
  noCodeColumn: string;
  columnLabel: string;
  noColumn: string;
  columnOption: (field: string, standard: string, percent: string) => string;
  standardLabel: string;
  standardAuto: (detected: string) => string;
  standardAutoNone: string;
  pickStandard: string;
  levelLabel: string;
  levels: { 1: string; 2: string };
  colourMap: string;
  detected: (field: string, scores: string, hint: string) => string;
  nameHint: (standards: string) => string;
  edition: (edition: string) => string;
  sources: (sources: string) => string;
  loading: string;
  failed: (reason: string) => string;
  caption: (field: string, standard: string, level: string) => string;
  columns: { colour: string; code: string; name: string; area: (unit: string) => string; share: string; count: string };
  classifiedTotal: string;
  shareOf: string;
  colourSources: Record<ColourSource, string>;
  unknownHeading: string;
  unknownIntro: string;
  unknownColumns: { value: string; count: string; area: (unit: string) => string };
  noValue: string;
  noUnknown: string;
  suffixedHeading: string;
  suffixedIntro: string;
  suffixedColumns: { value: string; countedAs: string; count: string; area: (unit: string) => string };
  indicatorsHeading: string;
  definition: string;
  denominator: (what: string, area: string) => string;
  notApplicable: string;
  datasetRatio: string;
  datasetRatioPending: string;
  chartSummary: (count: number, largest: string) => string;
  measuredNote: (classified: string, total: string) => string;
  exportCsv: string;
  exportXlsx: string;
  exportFailed: (reason: string) => string;
  fileStem: string;
}

const zh: LandUseClassMessages = {
  heading: '按国家分类统计',
  intro: '把编码列（如 DLBM 地类编码、YDYHFL 用地用海分类）按国家分类的一级类或二级类汇总，使用标准中的名称。',
  detecting: '正在识别编码列……',
  detectFailed: (reason) => `无法读取图层要素：${reason}`,
  noCodeColumn: '未发现地类编码列（DLBM、YDYHFL 等）。可以在下面选一列并选择分类标准。',
  columnLabel: '编码列',
  noColumn: '（不按编码分类）',
  columnOption: (field, standard, percent) => `${field}（${standard}，${percent} 可识别）`,
  standardLabel: '分类标准',
  standardAuto: (detected) => `自动：${detected}`,
  standardAutoNone: '自动（未识别）',
  pickStandard: '这一列的取值不是已知分类的编码；请选择分类标准。',
  levelLabel: '汇总层级',
  levels: { 1: '一级类', 2: '二级类' },
  colourMap: '地图上按类别显示',
  detected: (field, scores, hint) => `“${field}”的取值中可识别为编码的比例：${scores}${hint}。`,
  nameHint: (standards) => `；列名提示：${standards}`,
  edition: (edition) => `版本：${edition}`,
  sources: (sources) => `编码来源：${sources}`,
  loading: '正在分类统计……',
  failed: (reason) => `分类统计失败：${reason}`,
  caption: (field, standard, level) => `“${field}”按${standard}的${level}汇总`,
  columns: {
    colour: '图例',
    code: '代码',
    name: '名称',
    area: (unit) => `面积（${unit}）`,
    share: '占比',
    count: '要素数',
  },
  classifiedTotal: '可识别编码合计',
  shareOf: '占比的分母是可识别编码的要素面积之和。',
  colourSources: {
    official: '制图规范给出',
    'official-parent': '沿用上级类（制图规范）',
    'official-child': '取自下级类（制图规范）',
    palette: '示意，非规范',
  },
  unknownHeading: '未知编码',
  unknownIntro: '下列取值不是该分类的编码，没有并入类别：',
  unknownColumns: { value: '取值', count: '要素数', area: (unit) => `面积（${unit}）` },
  noValue: '（无值）',
  noUnknown: '所有取值都是该分类的编码。',
  suffixedHeading: '编码后带字母的取值',
  suffixedIntro: '下列取值是该分类的编码后加一个调查用字母，已计入该编码的类别：',
  suffixedColumns: { value: '取值', countedAs: '计入', count: '要素数', area: (unit) => `面积（${unit}）` },
  indicatorsHeading: '规划用地占比与绿地率',
  definition: '定义',
  denominator: (what, area) => `分母：${what}，${area}`,
  notApplicable: '无此类别',
  datasetRatio: '本区数据的绿地率（绿地图层测得，不是这个文件）',
  datasetRatioPending: '本区统计尚未完成',
  chartSummary: (count, largest) => `${count} 个类别的占比条形图；最大的：${largest}。`,
  measuredNote: (classified, total) => `可识别编码 ${classified}，全部要素 ${total}（重叠要素分别计入）。`,
  exportCsv: '下载分类表 CSV',
  exportXlsx: '下载分类表 Excel（含说明）',
  exportFailed: (reason) => `导出失败：${reason}`,
  fileStem: '用地分类',
};

const en: LandUseClassMessages = {
  heading: 'By national land class',
  intro:
    'Groups a code column (e.g. DLBM land-use codes, YDYHFL land and sea use codes) by the national classification’s 一级类 or 二级类, with the official names.',
  detecting: 'Looking for code columns…',
  detectFailed: (reason) => `The layer’s features could not be read: ${reason}`,
  noCodeColumn: 'No column looks like land-use codes (DLBM, YDYHFL…). Pick a column and a classification below.',
  columnLabel: 'Code column',
  noColumn: '(no classification)',
  columnOption: (field, standard, percent) => `${field} (${standard}, ${percent} recognised)`,
  standardLabel: 'Classification',
  standardAuto: (detected) => `Automatic: ${detected}`,
  standardAutoNone: 'Automatic (not recognised)',
  pickStandard: 'This column’s values do not look like codes of any known classification; pick one.',
  levelLabel: 'Level',
  levels: { 1: '一级类 (level 1)', 2: '二级类 (level 2)' },
  colourMap: 'Colour the map by class',
  detected: (field, scores, hint) => `Values of “${field}” recognised as codes: ${scores}${hint}.`,
  nameHint: (standards) => `; the column’s name suggests ${standards}`,
  edition: (edition) => `Edition: ${edition}`,
  sources: (sources) => `Codes from: ${sources}`,
  loading: 'Classifying…',
  failed: (reason) => `Classifying failed: ${reason}`,
  caption: (field, standard, level) => `“${field}” by ${standard}, ${level}`,
  columns: {
    colour: 'Colour',
    code: 'Code',
    name: 'Name',
    area: (unit) => `Area (${unit})`,
    share: 'Share',
    count: 'Features',
  },
  classifiedTotal: 'Recognised codes, total',
  shareOf: 'Shares are of the area of features with a recognised code.',
  colourSources: {
    official: 'official colour',
    'official-parent': 'official colour of the class above',
    'official-child': 'official colour of a class below',
    palette: 'stated palette (not official)',
  },
  unknownHeading: 'Unknown codes',
  unknownIntro: 'These values are no code of the classification and are not merged into any class:',
  unknownColumns: { value: 'Value', count: 'Features', area: (unit) => `Area (${unit})` },
  noValue: '(no value)',
  noUnknown: 'Every value is a code of the classification.',
  suffixedHeading: 'Codes with a suffix letter',
  suffixedIntro:
    'These values are a code of the classification followed by a survey letter; they are counted under the class they extend:',
  suffixedColumns: { value: 'Value', countedAs: 'Counted as', count: 'Features', area: (unit) => `Area (${unit})` },
  indicatorsHeading: 'Planning indicators',
  definition: 'Definition',
  denominator: (what, area) => `Denominator: ${what}, ${area}`,
  notApplicable: 'not applicable',
  datasetRatio: 'The dataset’s green-space ratio (measured from its green layers, not this file)',
  datasetRatioPending: 'the zone statistics are not ready yet',
  chartSummary: (count, largest) => `Bar chart of ${count} classes’ shares; largest: ${largest}.`,
  measuredNote: (classified, total) =>
    `Recognised codes ${classified} of ${total} measured (overlapping features each counted).`,
  exportCsv: 'Download the class table (CSV)',
  exportXlsx: 'Download the class table (Excel, with notes)',
  exportFailed: (reason) => `The export failed: ${reason}`,
  fileStem: 'land-use-classes',
};

export function landUseClassMessages(): LandUseClassMessages {
  return language.value === 'en' ? en : zh;
}
