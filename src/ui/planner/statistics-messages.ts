/** The land-use statistics section's strings, in both languages. */
import type { AreaUnit } from '../../data/dataset-types.ts';
import { language } from '../../i18n/index.ts';

export interface StatisticsMessages {
  heading: string;
  intro: string;
  sourceLabel: string;
  zoneSource: (zoneName: string) => string;
  importedSource: (fileName: string) => string;
  drawnSource: (name: string, index: number) => string;
  importedGroup: string;
  drawnGroup: string;
  groupByLabel: string;
  groupings: Record<string, string>;
  propertyGrouping: (name: string) => string;
  unitLabel: string;
  unitNames: Record<AreaUnit, string>;
  loading: string;
  failed: (reason: string) => string;
  caption: (source: string, grouping: string) => string;
  columns: {
    category: string;
    area: (unit: string) => string;
    share: string;
    count: string;
    greenArea: (unit: string) => string;
    greenSpaceRatio: string;
  };
  sortBy: (column: string) => string;
  total: string;
  noValue: string;
  notComputed: string;
  denominator: (what: string, area: string) => string;
  chartHeading: string;
  chartLoading: string;
  chartFailed: (reason: string) => string;
  chartAxis: string;
  chartSummary: (count: number, largest: string) => string;
  exportHeading: string;
  exportCsv: string;
  /** The .xlsx export: the table plus a 说明 sheet with source, method and notes. */
  exportXlsx: string;
  exportGeoJson: string;
  exportGeoJsonZone: string;
  exportPng: string;
  exportingPng: string;
  /** The progress bar's name, and what it says under way, shown once the image takes over a second. */
  pngProgressLabel: string;
  pngStage: { rendering: string; encoding: string };
  pngNeedsMap: string;
  pngDone: (fileName: string) => string;
  exportFailed: (what: string, reason: string) => string;
  imageTitle: (zoneName: string) => string;
  /** A drawn shape's row in the A4 PNG's legend. */
  drawnLegend: (name: string) => string;
  /** Showing an imported layer on the map by the property the table is grouped by. */
  mapDisplayLegend: string;
  colourByProperty: (property: string) => string;
  labelByProperty: (property: string) => string;
  mapDisplayHint: string;
  highlightCategory: (name: string) => string;
  otherCategories: (count: number) => string;
  greenValuesLegend: (property: string) => string;
  greenValuesHint: string;
  greenRatioByValues: (ratio: string, green: string, land: string) => string;
  greenRatioByValuesNote: string;
  imageSubtitle: (date: string) => string;
  fileStem: string;
}

const zh: StatisticsMessages = {
  heading: '用地统计',
  intro: '按图层、类型或属性汇总面积（WGS84 椭球面积）、占比、要素数与绿地率。',
  sourceLabel: '统计对象',
  zoneSource: (zoneName) => `${zoneName}（本区图层）`,
  importedSource: (fileName) => `导入：${fileName}`,
  drawnSource: (name, index) => (name ? `绘制：${name}` : `绘制的区域 ${index}`),
  importedGroup: '导入的数据',
  drawnGroup: '绘制的区域',
  groupByLabel: '分组依据',
  groupings: { layer: '图层', kind: '类型（kind）' },
  propertyGrouping: (name) => `属性：${name}`,
  unitLabel: '面积单位',
  unitNames: { m2: 'm²', ha: '公顷', km2: 'km²', mu: '亩' },
  loading: '正在统计…',
  failed: (reason) => `统计失败：${reason}`,
  caption: (source, grouping) => `${source} · 按${grouping}分组`,
  columns: {
    category: '类别',
    area: (unit) => `面积（${unit}）`,
    share: '占比',
    count: '要素数',
    greenArea: (unit) => `绿地（${unit}）`,
    greenSpaceRatio: '绿地率',
  },
  sortBy: (column) => `按${column}排序`,
  total: '合计',
  noValue: '（无此属性）',
  notComputed: '—',
  denominator: (what, area) => `占比分母：${what}，${area}。`,
  chartHeading: '各类别占比',
  chartLoading: '正在加载图表…',
  chartFailed: (reason) => `图表无法显示：${reason}。数字见上表。`,
  chartAxis: '占比（%）',
  chartSummary: (count, largest) => `条形图，${count} 个类别的面积占比；${largest}。数字见上表。`,
  exportHeading: '导出',
  exportCsv: '导出 CSV',
  exportXlsx: '导出 Excel（含说明）',
  exportGeoJson: '导出 GeoJSON',
  exportGeoJsonZone: '本区图层的 GeoJSON 随应用提供（geodata/ 文件夹），此处不另导出。',
  exportPng: '地图 PNG（A4）',
  exportingPng: '正在生成 A4 地图图片…',
  pngProgressLabel: 'A4 地图图片生成进度',
  pngStage: { rendering: '正在绘制 A4 地图…', encoding: '正在编码 PNG 文件…' },
  pngNeedsMap: '导出地图图片需要地图（此浏览器未能显示地图）。',
  pngDone: (fileName) => `已生成 ${fileName}。`,
  exportFailed: (what, reason) => `${what}导出失败：${reason}`,
  imageTitle: (zoneName) => zoneName,
  drawnLegend: (name) => `绘制：${name}`,
  mapDisplayLegend: '地图显示',
  colourByProperty: (property) => `地图按“${property}”着色`,
  labelByProperty: (property) => `以“${property}”标注要素`,
  mapDisplayHint: '点表格中的类别，地图上会勾出它的要素；点地图上的要素，表格会标出它所在的行。',
  highlightCategory: (name) => `在地图上突出显示：${name}`,
  otherCategories: (count) => `灰色：其余 ${count} 个取值和无此属性的要素`,
  greenValuesLegend: (property) => `哪些“${property}”取值算绿地`,
  greenValuesHint: '勾选算作绿地的取值，即可得出本图层的绿地率。',
  greenRatioByValues: (ratio, green, land) => `本图层绿地率 ${ratio}（所选取值 ${green} ÷ 全部要素 ${land}）`,
  greenRatioByValuesNote: '按各要素面积相加：要素互相重叠时重叠部分会重复计入（一般地块图没有重叠）。不是绿化覆盖率。',
  imageSubtitle: (date) => `导出于 ${date} · WGS84 · A4 横向`,
  fileStem: '用地统计',
};

const en: StatisticsMessages = {
  heading: 'Land-use statistics',
  intro: 'Area (WGS84 ellipsoidal), share, feature count and green-space ratio per layer, kind or property.',
  sourceLabel: 'Measure',
  zoneSource: (zoneName) => `${zoneName} (zone layers)`,
  importedSource: (fileName) => `Imported: ${fileName}`,
  drawnSource: (name, index) => (name ? `Drawn: ${name}` : `Drawn area ${index}`),
  importedGroup: 'Imported data',
  drawnGroup: 'Drawn areas',
  groupByLabel: 'Group by',
  groupings: { layer: 'layer', kind: 'kind' },
  propertyGrouping: (name) => `property: ${name}`,
  unitLabel: 'Area unit',
  unitNames: { m2: 'm²', ha: 'ha', km2: 'km²', mu: 'mu (亩)' },
  loading: 'Measuring…',
  failed: (reason) => `The statistics failed: ${reason}`,
  caption: (source, grouping) => `${source} · grouped by ${grouping}`,
  columns: {
    category: 'Category',
    area: (unit) => `Area (${unit})`,
    share: 'Share',
    count: 'Features',
    greenArea: (unit) => `Green (${unit})`,
    greenSpaceRatio: 'Green-space ratio',
  },
  sortBy: (column) => `Sort by ${column}`,
  total: 'Total',
  noValue: '(no value)',
  notComputed: '—',
  denominator: (what, area) => `Shares are of ${what}, ${area}.`,
  chartHeading: 'Share per category',
  chartLoading: 'Loading the chart…',
  chartFailed: (reason) => `The chart cannot be shown: ${reason}. The table above has the figures.`,
  chartAxis: 'share (%)',
  chartSummary: (count, largest) =>
    `Bar chart of the area share of ${count} categories; ${largest}. The table above has the figures.`,
  exportHeading: 'Export',
  exportCsv: 'Export CSV',
  exportXlsx: 'Export Excel (with notes)',
  exportGeoJson: 'Export GeoJSON',
  exportGeoJsonZone: 'The zone layers’ GeoJSON ships with the app (the geodata/ folder); no separate export here.',
  exportPng: 'Map PNG (A4)',
  exportingPng: 'Drawing the A4 map image…',
  pngProgressLabel: 'A4 map image progress',
  pngStage: { rendering: 'Drawing the A4 map…', encoding: 'Encoding the PNG file…' },
  pngNeedsMap: 'The map image needs the map, which this browser could not show.',
  pngDone: (fileName) => `${fileName} is ready.`,
  exportFailed: (what, reason) => `The ${what} export failed: ${reason}`,
  imageTitle: (zoneName) => zoneName,
  drawnLegend: (name) => `Drawn: ${name}`,
  mapDisplayLegend: 'On the map',
  colourByProperty: (property) => `Colour the map by “${property}”`,
  labelByProperty: (property) => `Label features with “${property}”`,
  mapDisplayHint:
    'Pick a category in the table to outline its features on the map; click a feature on the map to mark its row.',
  highlightCategory: (name) => `Show on the map: ${name}`,
  otherCategories: (count) => `Grey: the other ${count} values and features without the property`,
  greenValuesLegend: (property) => `Which values of “${property}” are green land`,
  greenValuesHint: 'Tick the values that count as green land to get this layer’s green-space ratio.',
  greenRatioByValues: (ratio, green, land) =>
    `Green-space ratio of this layer ${ratio} (chosen values ${green} ÷ all features ${land})`,
  greenRatioByValuesNote:
    'Feature areas added up: where features overlap, the overlap counts twice (parcel files usually have none). Not green coverage (绿化覆盖率).',
  imageSubtitle: (date) => `Exported ${date} · WGS84 · A4 landscape`,
  fileStem: 'land-use',
};

export const STATISTICS_MESSAGES = { zh, en } as const;

export function statisticsMessages(): StatisticsMessages {
  return STATISTICS_MESSAGES[language.value];
}
