/** Strings of the measuring section, Chinese first; `measureMessages[language.value]`. */
import type { Language } from '../../i18n/index.ts';

export interface MeasureMessages {
  heading: string;
  intro: string;
  needsMap: string;
  toolsLabel: string;
  polygon: string;
  rectangle: string;
  line: string;
  select: string;
  stop: string;
  deleteSelected: string;
  clearAll: string;
  confirmClearAll: (count: number) => string;
  confirmClearYes: string;
  confirmClearNo: string;
  hints: { polygon: string; rectangle: string; line: string; select: string; off: string };
  /** The same for a finger: what to tap, since a phone has no Esc key. */
  touchHints: { polygon: string; rectangle: string; line: string; select: string; off: string };
  liveHeading: string;
  liveNothing: string;
  area: string;
  perimeter: string;
  length: string;
  crossesItself: string;
  tooFewPoints: string;
  shapesHeading: (count: number) => string;
  noShapes: string;
  shapeKind: { polygon: string; rectangle: string; line: string };
  unnamed: (kind: string, index: number) => string;
  nameLabel: string;
  edit: (name: string) => string;
  remove: (name: string) => string;
  deleteOne: string;
  selected: string;
  analysing: string;
  analysisFailed: (reason: string) => string;
  greenLand: string;
  greenSpaceRatio: string;
  definition: string;
  overlapHeading: string;
  overlapUnit: string;
  overlapArea: string;
  overlapShare: string;
  noOverlap: string;
  approximate: string;
  roles: Record<string, string>;
  greenNotCounted: (names: string) => string;
  problems: string;
  exportGeoJson: string;
  units: { m2: string; ha: string; km2: string; mu: string; m: string; km: string };
  method: string;
  notices: {
    restoredWithLosses: (kept: number, dropped: number) => string;
    storedValueUnreadable: string;
    storageFailed: string;
    mapRefused: (count: number) => string;
  };
  dismiss: string;
}

const zh: MeasureMessages = {
  heading: '量算',
  intro:
    '在地图上画多边形、矩形或线，实时显示 WGS84 椭球面积或长度；画完的多边形还会给出其中的绿地、绿地率和与各规划单元的重叠。',
  needsMap: '量算需要地图：此浏览器无法显示地图（WebGL 不可用），或地图尚未加载完成。已保存的图形仍列在下方。',
  toolsLabel: '量算工具',
  polygon: '多边形',
  rectangle: '矩形',
  line: '线',
  select: '选择/编辑',
  stop: '结束量算',
  deleteSelected: '删除所选',
  clearAll: '全部清除',
  confirmClearAll: (count) => `确定清除全部 ${count} 个图形？此操作不能撤销。`,
  confirmClearYes: '确定清除',
  confirmClearNo: '取消',
  hints: {
    polygon: '在地图上逐点单击，单击第一个点或最后一点结束；按 Esc 取消。',
    rectangle: '单击一个角，再单击对角结束；按 Esc 取消。',
    line: '逐点单击，再次单击最后一点结束；按 Esc 取消。',
    select: '单击图形以选中；拖动顶点修改，拖动边中点增加顶点；按 Esc 退出。',
    off: '选择一个工具开始量算。',
  },
  touchHints: {
    polygon: '在地图上逐点轻点，轻点第一个点或最后一点结束；轻点“结束量算”取消。',
    rectangle: '轻点一个角，再轻点对角结束；轻点“结束量算”取消。',
    line: '逐点轻点，再次轻点最后一点结束；轻点“结束量算”取消。',
    select: '轻点图形以选中；拖动顶点修改，拖动边中点增加顶点；轻点“结束量算”退出。',
    off: '选择一个工具开始量算。',
  },
  liveHeading: '正在绘制',
  liveNothing: '',
  area: '面积',
  perimeter: '周长',
  length: '长度',
  crossesItself: '轮廓自相交，无法给出面积。请修改顶点使边不交叉。',
  tooFewPoints: '点数不足，尚无面积。',
  shapesHeading: (count) => `已画图形（${count}）`,
  noShapes: '尚未画图形。',
  shapeKind: { polygon: '多边形', rectangle: '矩形', line: '线' },
  unnamed: (kind, index) => `${kind} ${index}`,
  nameLabel: '名称',
  edit: (name) => `选择/编辑 ${name}`,
  remove: (name) => `删除 ${name}`,
  deleteOne: '删除',
  selected: '已选中',
  analysing: '正在计算绿地与重叠…',
  analysisFailed: (reason) => `无法计算绿地与重叠：${reason}`,
  greenLand: '其中绿地',
  greenSpaceRatio: '绿地率',
  definition: '定义',
  overlapHeading: '与规划单元的重叠',
  overlapUnit: '单元',
  overlapArea: '重叠面积',
  overlapShare: '占所绘范围',
  noOverlap: '与园区、核心区、两翼及各产业园均不重叠。',
  approximate: '（示意范围）',
  roles: { zone: '园区', core: '核心区', wing: '翼', park: '产业园' },
  greenNotCounted: (names) => `位置未知的绿地（${names}）画在此范围内，未计入绿地率。`,
  problems: '部分计算未完成：',
  exportGeoJson: '导出图形（GeoJSON）',
  units: { m2: 'm²', ha: '公顷', km2: 'km²', mu: '亩', m: '米', km: '千米' },
  method: '面积与长度均按 WGS84 椭球计算，各边为测地线。',
  notices: {
    restoredWithLosses: (kept, dropped) =>
      `已恢复 ${kept} 个图形；另有 ${dropped} 个已保存的图形数据损坏，无法恢复，已略去。`,
    storedValueUnreadable: '已保存的图形数据无法读取（格式不符），未能恢复。新画的图形会正常保存。',
    storageFailed:
      '无法保存到浏览器存储（可能是隐私模式或存储已满）：图形在本页有效，但刷新后会丢失。可先导出 GeoJSON。',
    mapRefused: (count) => `${count} 个已保存的图形无法在地图上显示（几何无效），仍列在下方。`,
  },
  dismiss: '知道了',
};

const en: MeasureMessages = {
  heading: 'Measure',
  intro:
    'Draw a polygon, rectangle or line on the map to read its WGS84 ellipsoidal area or length as you draw; a finished polygon also shows its green land, green-space ratio and overlap with each planning unit.',
  needsMap:
    'Measuring needs the map: this browser cannot show it (no WebGL), or it has not loaded yet. Saved shapes are still listed below.',
  toolsLabel: 'Measuring tools',
  polygon: 'Polygon',
  rectangle: 'Rectangle',
  line: 'Line',
  select: 'Select / edit',
  stop: 'Stop measuring',
  deleteSelected: 'Delete selected',
  clearAll: 'Clear all',
  confirmClearAll: (count) => `Clear all ${count} shapes? This cannot be undone.`,
  confirmClearYes: 'Clear them',
  confirmClearNo: 'Cancel',
  hints: {
    polygon: 'Click point by point on the map; click the first or last point to finish. Esc cancels.',
    rectangle: 'Click one corner, then the opposite corner. Esc cancels.',
    line: 'Click point by point; click the last point again to finish. Esc cancels.',
    select: 'Click a shape to select it; drag a vertex to move it, drag a midpoint to add one. Esc leaves.',
    off: 'Pick a tool to start measuring.',
  },
  touchHints: {
    polygon: 'Tap point by point on the map; tap the first or last point to finish. Tap “Stop measuring” to cancel.',
    rectangle: 'Tap one corner, then the opposite corner. Tap “Stop measuring” to cancel.',
    line: 'Tap point by point; tap the last point again to finish. Tap “Stop measuring” to cancel.',
    select:
      'Tap a shape to select it; drag a vertex to move it, drag a midpoint to add one. Tap “Stop measuring” to leave.',
    off: 'Pick a tool to start measuring.',
  },
  liveHeading: 'Drawing',
  liveNothing: '',
  area: 'Area',
  perimeter: 'Perimeter',
  length: 'Length',
  crossesItself: 'The outline crosses itself, so it has no single area. Move a vertex so the edges do not cross.',
  tooFewPoints: 'Not enough points for an area yet.',
  shapesHeading: (count) => `Drawn shapes (${count})`,
  noShapes: 'No shapes drawn yet.',
  shapeKind: { polygon: 'Polygon', rectangle: 'Rectangle', line: 'Line' },
  unnamed: (kind, index) => `${kind} ${index}`,
  nameLabel: 'Name',
  edit: (name) => `Select / edit ${name}`,
  remove: (name) => `Delete ${name}`,
  deleteOne: 'Delete',
  selected: 'Selected',
  analysing: 'Measuring green land and overlaps…',
  analysisFailed: (reason) => `Green land and overlaps could not be measured: ${reason}`,
  greenLand: 'Green land inside',
  greenSpaceRatio: 'Green-space ratio (绿地率)',
  definition: 'Definition',
  overlapHeading: 'Overlap with planning units',
  overlapUnit: 'Unit',
  overlapArea: 'Overlap',
  overlapShare: 'Share of shape',
  noOverlap: 'Overlaps none of the zone, core, wings or industrial parks.',
  approximate: '(schematic boundary)',
  roles: { zone: 'Zone', core: 'Core', wing: 'Wing', park: 'Industrial park' },
  greenNotCounted: (names) =>
    `Green land of unknown position (${names}) is drawn inside this shape and not counted in its ratio.`,
  problems: 'Some figures could not be computed:',
  exportGeoJson: 'Export shapes (GeoJSON)',
  units: { m2: 'm²', ha: 'ha', km2: 'km²', mu: 'mu (亩)', m: 'm', km: 'km' },
  method: 'Areas and lengths are measured on the WGS84 ellipsoid, with geodesic edges.',
  notices: {
    restoredWithLosses: (kept, dropped) =>
      `Restored ${kept} shapes; ${dropped} more saved shapes were corrupt and could not be restored, so they were left out.`,
    storedValueUnreadable:
      'The saved shapes could not be read (unknown format) and were not restored. New shapes are saved as usual.',
    storageFailed:
      'Could not save to browser storage (private mode or full storage?): your shapes work on this page but will be lost on reload. Export them as GeoJSON first.',
    mapRefused: (count) =>
      `${count} saved shapes could not be drawn on the map (invalid geometry); they are still listed below.`,
  },
  dismiss: 'Dismiss',
};

export const measureMessages: Readonly<Record<Language, MeasureMessages>> = { zh, en };
