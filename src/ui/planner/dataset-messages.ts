/** Strings of the dataset package section and banner, Chinese first; `datasetMessages[language.value]`. */
import type { Language } from '../../i18n/index.ts';

export interface DatasetMessages {
  heading: string;
  intro: string;
  exportButton: string;
  exportNote: string;
  loadButton: string;
  loading: string;
  loadFailed: string;
  storeFailed: (reason: string) => string;
  bannerPackage: (fileName: string, changes: number) => string;
  bannerUnusable: string;
  bannerUndo: string;
  backToShipped: string;
  confirmBackToShipped: string;
  undoReset: string;
  discardUnusable: string;
  shareShowsShipped: string;
  changesHeading: (count: number) => string;
  replace: {
    summary: string;
    intro: string;
    targetLayer: string;
    nameZh: string;
    nameEn: string;
    nameEnFallback: string;
    kind: string;
    kindFixed: (kind: string) => string;
    id: string;
    idGenerated: string;
    statedArea: string;
    none: string;
    unit: string;
    source: string;
    confidence: string;
    confidenceLevels: Record<'high' | 'medium' | 'low' | 'schematic', string>;
    submit: string;
    working: string;
    failed: (count: number) => string;
    more: (count: number) => string;
  };
}

export const datasetMessages: Readonly<Record<Language, DatasetMessages>> = {
  zh: {
    heading: '数据集',
    intro:
      '把当前数据集导出为 zip（与项目的 geodata/ 目录结构相同，附 CHANGES.json 改动记录）；或载入这样的 zip，用它替换地图上的全部图层与统计。',
    exportButton: '导出数据集 (.zip)',
    exportNote: '解压到 geodata/ 后运行 npm run build 即得到使用该数据集的地图。',
    loadButton: '载入数据集 (.zip)…',
    loading: '正在读取数据集…',
    loadFailed: '数据集未载入，地图上的数据保持不变：',
    storeFailed: (reason) => `数据集无法保存在本浏览器中（${reason}），未替换。`,
    bannerPackage: (fileName, changes) =>
      `本图显示的是载入的数据集「${fileName}」，与随附数据不同（${changes} 项改动记录）。分享的链接打开的是随附数据。`,
    bannerUnusable: '保存的数据集无法使用，现显示随附数据：',
    bannerUndo: '已恢复随附数据。',
    backToShipped: '恢复随附数据',
    confirmBackToShipped: '恢复随附数据？载入的数据集会被移除（在离开本页前可以撤销）。',
    undoReset: '撤销',
    discardUnusable: '移除保存的数据集',
    shareShowsShipped: '注意：此链接打开的是随附数据，不含本浏览器中载入或修改的数据集。要分享数据集，请导出 zip。',
    changesHeading: (count) => `改动记录（${count} 项）`,
    replace: {
      summary: '用作数据集图层…',
      intro:
        '用本文件替换数据集的一个图层：把文件的列对应到数据集的字段，并说明来源与可信度。全部要素通过检查后才会替换；替换后所有统计随之更新。',
      targetLayer: '替换图层',
      nameZh: '中文名称列',
      nameEn: '英文名称列',
      nameEnFallback: '（无：用中文名称）',
      kind: '类型列',
      kindFixed: (kind) => `（无：全部为 ${kind}）`,
      id: '编号列',
      idGenerated: '（无：自动编号）',
      statedArea: '公布面积列',
      none: '（无）',
      unit: '面积单位',
      source: '来源（必填）',
      confidence: '可信度',
      confidenceLevels: { high: '高（测绘/官方边界）', medium: '中', low: '低', schematic: '示意' },
      submit: '检查并替换',
      working: '正在检查…',
      failed: (count) => `未替换：${count} 个问题需要先解决。`,
      more: (count) => `另有 ${count} 个问题未列出。`,
    },
  },
  en: {
    heading: 'Dataset',
    intro:
      'Export the current dataset as a zip (laid out like the project’s geodata/ folder, with a CHANGES.json change list), or load such a zip to replace every layer and statistic on the map.',
    exportButton: 'Export dataset (.zip)',
    exportNote: 'Unzipped over geodata/, `npm run build` gives a map that opens with this dataset.',
    loadButton: 'Load dataset (.zip)…',
    loading: 'Reading the dataset…',
    loadFailed: 'The dataset was not loaded; the map keeps its data:',
    storeFailed: (reason) => `The dataset could not be kept in this browser (${reason}); nothing was replaced.`,
    bannerPackage: (fileName, changes) =>
      `This map shows the loaded dataset “${fileName}”, not the shipped data (${changes} recorded change${changes === 1 ? '' : 's'}). Shared links open the shipped data.`,
    bannerUnusable: 'The stored dataset cannot be used; the shipped data is shown instead:',
    bannerUndo: 'Back to the shipped data.',
    backToShipped: 'Back to the shipped data',
    confirmBackToShipped:
      'Go back to the shipped data? The loaded dataset is removed (you can undo this until you leave the page).',
    undoReset: 'Undo',
    discardUnusable: 'Remove the stored dataset',
    shareShowsShipped:
      'Note: this link opens the shipped data, not the dataset loaded or changed in this browser. To share the dataset, export its zip.',
    changesHeading: (count) => `Change list (${count})`,
    replace: {
      summary: 'Use as a dataset layer…',
      intro:
        'Replace one of the dataset’s layers with this file: map its columns onto the dataset’s fields and say where it comes from and how sure it is. Nothing is replaced until every feature passes; afterwards every statistic follows.',
      targetLayer: 'Layer to replace',
      nameZh: 'Chinese name column',
      nameEn: 'English name column',
      nameEnFallback: '(none: use the Chinese name)',
      kind: 'Kind column',
      kindFixed: (kind) => `(none: all “${kind}”)`,
      id: 'Id column',
      idGenerated: '(none: numbered)',
      statedArea: 'Stated area column',
      none: '(none)',
      unit: 'Area unit',
      source: 'Source (required)',
      confidence: 'Confidence',
      confidenceLevels: {
        high: 'high (survey / official boundary)',
        medium: 'medium',
        low: 'low',
        schematic: 'schematic',
      },
      submit: 'Check and replace',
      working: 'Checking…',
      failed: (count) => `Not replaced: ${count} problem${count === 1 ? '' : 's'} to solve first.`,
      more: (count) => `${count} more not listed.`,
    },
  },
};
