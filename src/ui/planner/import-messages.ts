/** The import section's and the imported feature panel's strings, in both languages. */
import { language } from '../../i18n/index.ts';
import type { CoordinateSystem } from '../../data/coordinate-systems.ts';
import type { ImportFormat, ImportStage } from '../../state/imported-layers-store.ts';

export interface ImportMessages {
  panelHeading: string;
  panelIntro: string;
  heading: string;
  intro: string;
  chooseFiles: string;
  dropHint: string;
  dropHere: string;
  coordinateSystemLabel: string;
  coordinateSystems: Record<CoordinateSystem, string>;
  formats: Record<ImportFormat, string>;
  stages: Record<ImportStage, string>;
  importing: (fileName: string) => string;
  restoring: (fileName: string) => string;
  cancel: string;
  failed: string;
  dismiss: string;
  readAsProjection: (epsg: number) => string;
  layersHeading: (count: number) => string;
  noLayers: string;
  show: string;
  zoomTo: string;
  remove: string;
  confirmRemove: (fileName: string) => string;
  clearAll: string;
  confirmClearAll: (count: number) => string;
  counts: (features: number, measured: number) => string;
  skipped: (points: number, lines: number, nullGeometries: number) => string;
  totalArea: string;
  totalLength: string;
  convertedFrom: (system: string) => string;
  takenAsWgs84: string;
  suggestion: (system: string, beforeMetres: number, afterMetres: number) => string;
  convert: (system: string) => string;
  keepAsIs: string;
  reinterpretAs: string;
  textEncoding: (encoding: string) => string;
  rereadTextAs: string;
  geoPackageTable: (table: string, count: number) => string;
  readTable: string;
  pointColumns: (longitude: string, latitude: string) => string;
  longitudeColumn: string;
  latitudeColumn: string;
  apply: string;
  mapNeeded: string;
  featureHeading: (fileName: string, index: number) => string;
  measuredArea: string;
  noArea: string;
  properties: string;
  noProperties: string;
  close: string;
  overlapNote: string;
}

const zh: ImportMessages = {
  panelHeading: '量算与数据',
  panelIntro: '在地图上画图量算面积，导入自己的数据，按类别统计用地并导出。面积均按 WGS84 椭球计算。',
  heading: '导入数据',
  intro:
    '支持 GeoJSON、KML、KMZ、GPX、GeoPackage、压缩的 Shapefile（.zip），以及带经纬度列的 CSV/XLSX 点表。文件只在本机浏览器里处理，不会上传。',
  chooseFiles: '选择文件…',
  dropHint: '也可以把文件拖到地图上。',
  dropHere: '松开鼠标即可导入',
  coordinateSystemLabel: '文件坐标系',
  coordinateSystems: { wgs84: 'WGS84（GPS、国际标准）', gcj02: 'GCJ-02（高德、腾讯）', bd09: 'BD-09（百度）' },
  formats: {
    geojson: 'GeoJSON',
    kml: 'KML',
    gpx: 'GPX',
    shapefile: 'Shapefile',
    kmz: 'KMZ',
    geopackage: 'GeoPackage',
    csv: 'CSV 点表',
    xlsx: 'Excel 点表',
  },
  stages: {
    reading: '读取',
    parsing: '解析',
    validating: '校验',
    converting: '坐标转换',
    measuring: '量算',
    storing: '保存',
  },
  importing: (fileName) => `正在导入 ${fileName}`,
  restoring: (fileName) => `正在读取已保存的 ${fileName}`,
  cancel: '取消',
  failed: '导入失败，已有的数据未受影响：',
  dismiss: '知道了',
  readAsProjection: (epsg) => `按 EPSG:${epsg} 读取`,
  layersHeading: (count) => `已导入的图层（${count}）`,
  noLayers: '还没有导入的图层。',
  show: '显示',
  zoomTo: '定位',
  remove: '移除',
  confirmRemove: (fileName) => `移除图层“${fileName}”？保存在本机的副本也会删除。`,
  clearAll: '移除全部导入图层',
  confirmClearAll: (count) => `移除全部 ${count} 个导入图层？保存在本机的副本也会删除。`,
  counts: (features, measured) => `${features} 个要素，其中 ${measured} 个有面积`,
  skipped: (points, lines, nullGeometries) =>
    [points ? `${points} 个点` : '', lines ? `${lines} 条线` : '', nullGeometries ? `${nullGeometries} 个无几何` : '']
      .filter(Boolean)
      .join('、') + '（不计面积）',
  totalArea: '面积合计',
  totalLength: '线长合计',
  convertedFrom: (system) => `已从 ${system} 转换为 WGS84`,
  takenAsWgs84: '按 WGS84 读取',
  suggestion: (system, before, after) =>
    `这个文件与区县边界普遍偏移约 ${Math.round(before)} 米，这正是 ${system} 坐标的特征；按 ${system} 转换后偏移约 ${Math.round(after)} 米。`,
  convert: (system) => `按 ${system} 转换`,
  keepAsIs: '保持原样',
  reinterpretAs: '改按此坐标系读取：',
  textEncoding: (encoding) => `属性文字编码：${encoding}`,
  rereadTextAs: '文字乱码？改按此编码读取属性表：',
  geoPackageTable: (table, count) => `要素表：${table}（共 ${count} 个）`,
  readTable: '改读此要素表：',
  pointColumns: (longitude, latitude) => `坐标列：经度 ${longitude}，纬度 ${latitude}`,
  longitudeColumn: '经度列',
  latitudeColumn: '纬度列',
  apply: '应用',
  mapNeeded: '需要地图（WebGL）才能在地图上显示导入的图层；统计和导出仍可使用。',
  featureHeading: (fileName, index) => `${fileName} · 第 ${index + 1} 个要素`,
  measuredArea: '量算面积（WGS84 椭球）',
  noArea: '无面积（点或线）',
  properties: '属性（按文件原文显示）',
  noProperties: '没有属性。',
  close: '关闭',
  overlapNote: '各要素面积直接相加，相互重叠的部分会重复计算。',
};

const en: ImportMessages = {
  panelHeading: 'Measure and data',
  panelIntro:
    'Draw on the map to measure, load your own data, get land-use statistics by category and export them. Every area is measured on the WGS84 ellipsoid.',
  heading: 'Load your data',
  intro:
    'GeoJSON, KML, KMZ, GPX, GeoPackage, zipped Shapefile (.zip), and CSV/XLSX tables of points with longitude/latitude columns. Files are read in your browser only; nothing is uploaded.',
  chooseFiles: 'Choose files…',
  dropHint: 'Or drop files on the map.',
  dropHere: 'Drop to import',
  coordinateSystemLabel: 'Coordinates of the file',
  coordinateSystems: {
    wgs84: 'WGS84 (GPS, international)',
    gcj02: 'GCJ-02 (Amap/高德, Tencent)',
    bd09: 'BD-09 (Baidu/百度)',
  },
  formats: {
    geojson: 'GeoJSON',
    kml: 'KML',
    gpx: 'GPX',
    shapefile: 'Shapefile',
    kmz: 'KMZ',
    geopackage: 'GeoPackage',
    csv: 'CSV points',
    xlsx: 'Excel points',
  },
  stages: {
    reading: 'reading',
    parsing: 'parsing',
    validating: 'checking',
    converting: 'converting coordinates',
    measuring: 'measuring',
    storing: 'saving',
  },
  importing: (fileName) => `Importing ${fileName}`,
  restoring: (fileName) => `Reading the saved ${fileName}`,
  cancel: 'Cancel',
  failed: 'Import failed; nothing already here was changed:',
  dismiss: 'Dismiss',
  readAsProjection: (epsg) => `Read it as EPSG:${epsg}`,
  layersHeading: (count) => `Imported layers (${count})`,
  noLayers: 'No imported layers yet.',
  show: 'Show',
  zoomTo: 'Zoom to',
  remove: 'Remove',
  confirmRemove: (fileName) => `Remove the layer “${fileName}”? Its copy saved in this browser is deleted too.`,
  clearAll: 'Remove all imported layers',
  confirmClearAll: (count) =>
    `Remove all ${count} imported layers? Their copies saved in this browser are deleted too.`,
  counts: (features, measured) => `${features} features, ${measured} with area`,
  skipped: (points, lines, nullGeometries) =>
    [
      points ? `${points} point(s)` : '',
      lines ? `${lines} line(s)` : '',
      nullGeometries ? `${nullGeometries} without geometry` : '',
    ]
      .filter(Boolean)
      .join(', ') + ' (no area)',
  totalArea: 'Total area',
  totalLength: 'Total line length',
  convertedFrom: (system) => `Converted from ${system} to WGS84`,
  takenAsWgs84: 'Read as WGS84',
  suggestion: (system, before, after) =>
    `This file sits about ${Math.round(before)} m off the district boundaries throughout, the way ${system} coordinates do; converted from ${system} it is about ${Math.round(after)} m off.`,
  convert: (system) => `Convert from ${system}`,
  keepAsIs: 'Keep as it is',
  reinterpretAs: 'Read it as:',
  textEncoding: (encoding) => `Text encoding of its table: ${encoding}`,
  rereadTextAs: 'Garbled names? Read its table as:',
  geoPackageTable: (table, count) => `Feature table: ${table} (of ${count})`,
  readTable: 'Read this feature table instead:',
  pointColumns: (longitude, latitude) => `Coordinate columns: longitude ${longitude}, latitude ${latitude}`,
  longitudeColumn: 'Longitude column',
  latitudeColumn: 'Latitude column',
  apply: 'Apply',
  mapNeeded: 'Showing imported layers needs the map (WebGL); statistics and exports still work.',
  featureHeading: (fileName, index) => `${fileName} · feature ${index + 1}`,
  measuredArea: 'Measured area (WGS84 ellipsoid)',
  noArea: 'No area (a point or a line)',
  properties: 'Properties (as written in the file)',
  noProperties: 'No properties.',
  close: 'Close',
  overlapNote: 'Feature areas are added up; where features overlap, the shared ground is counted in each.',
};

const IMPORT_MESSAGES = { zh, en } as const;

export function importMessages(): ImportMessages {
  return IMPORT_MESSAGES[language.value];
}

export const COORDINATE_SYSTEM_SHORT_NAMES: Record<CoordinateSystem, string> = {
  wgs84: 'WGS84',
  gcj02: 'GCJ-02',
  bd09: 'BD-09',
};
