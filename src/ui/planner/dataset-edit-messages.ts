/** Strings of the in-place feature editor (issue 11 §1), Chinese first; `datasetEditMessages[language.value]`. */
import type { Language } from '../../i18n/index.ts';

export interface DatasetEditMessages {
  heading: string;
  help: string;
  measuredArea: string;
  measuredLength: string;
  statedArea: string;
  noStated: string;
  difference: string;
  undo: string;
  redo: string;
  save: string;
  saving: string;
  cancel: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  source: string;
  confidence: string;
  statedAreaField: string;
  unit: string;
  problemsHeading: string;
  nothingChanged: string;
  saveFailed: string;
  interrupted: string;
  resume: string;
  noMap: string;
  cannotEdit: Record<'not-found' | 'no-geometry' | 'holes' | 'unsupported', string>;
  /** The stored dataset's name on the banner when the edit starts from the shipped data. */
  packageName: string;
  steps: (undoable: number) => string;
}

export const datasetEditMessages: Readonly<Record<Language, DatasetEditMessages>> = {
  zh: {
    heading: '编辑形状与属性',
    help: '拖动顶点移动；拖动或点击边中点添加顶点；右键点击顶点删除。顶点靠近其他图层的顶点时会吸附。多部分的要素点击各部分切换。',
    measuredArea: '量算面积（实时）',
    measuredLength: '量算长度（实时）',
    statedArea: '公布面积',
    noStated: '无公布数字',
    difference: '量算与公布之差',
    undo: '撤销',
    redo: '重做',
    save: '保存',
    saving: '正在保存…',
    cancel: '取消',
    nameZh: '中文名称',
    nameEn: '英文名称',
    kind: '类型',
    source: '来源（必填）',
    confidence: '可信度',
    statedAreaField: '公布面积（可空）',
    unit: '单位',
    problemsHeading: '保存前需要解决：',
    nothingChanged: '尚未修改。',
    saveFailed: '未保存：',
    interrupted: '量算工具正在使用地图，编辑已暂停（改动仍保留）。',
    resume: '继续编辑',
    noMap: '编辑形状需要地图。',
    cannotEdit: {
      'not-found': '数据集中已没有此要素。',
      'no-geometry': '此要素没有几何形状，无法在图上编辑。',
      holes: '此要素带有内环（洞），编辑器只能移动外环，为免丢失内环不予编辑。',
      unsupported: '此类几何形状无法在图上编辑。',
    },
    packageName: '在本应用中修改的数据集',
    steps: (undoable) => `${undoable} 步可撤销`,
  },
  en: {
    heading: 'Edit shape and properties',
    help: 'Drag a vertex to move it; drag or click an edge’s midpoint to add one; right-click a vertex to delete it. Vertices snap to other layers’ vertices nearby. Click another part of a multi-part feature to edit it.',
    measuredArea: 'Measured area (live)',
    measuredLength: 'Measured length (live)',
    statedArea: 'Stated area',
    noStated: 'no stated figure',
    difference: 'Measured vs stated',
    undo: 'Undo',
    redo: 'Redo',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    nameZh: 'Chinese name',
    nameEn: 'English name',
    kind: 'Kind',
    source: 'Source (required)',
    confidence: 'Confidence',
    statedAreaField: 'Stated area (optional)',
    unit: 'Unit',
    problemsHeading: 'To solve before saving:',
    nothingChanged: 'Nothing changed yet.',
    saveFailed: 'Not saved:',
    interrupted: 'A measuring tool is using the map; the edit is paused (your changes are kept).',
    resume: 'Resume editing',
    noMap: 'Editing a shape needs the map.',
    cannotEdit: {
      'not-found': 'This feature is no longer in the dataset.',
      'no-geometry': 'This feature has no geometry to edit on the map.',
      holes:
        'This feature has holes (inner rings); the editor moves outer rings only, so it is not edited rather than lose them.',
      unsupported: 'This kind of geometry cannot be edited on the map.',
    },
    packageName: 'dataset edited in this app',
    steps: (undoable) => `${undoable} step${undoable === 1 ? '' : 's'} to undo`,
  },
};
