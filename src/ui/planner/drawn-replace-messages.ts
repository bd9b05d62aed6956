/** Strings of "use as a dataset layer…" for drawn shapes (DrawnShapesReplaceForm.tsx), Chinese first. */
import type { Language } from '../../i18n/index.ts';

export interface DrawnReplaceMessages {
  intro: string;
  polygons: (count: number) => string;
  linesLeftOut: (count: number) => string;
  unnamedNameZh: (count: number) => string;
  unnamedNameEn: string;
  numbered: (name: string, count: number) => string;
  allNamed: string;
}

export const drawnReplaceMessages: Readonly<Record<Language, DrawnReplaceMessages>> = {
  zh: {
    intro:
      '用上面绘制的多边形替换数据集的一个图层，并说明来源与可信度。每个多边形用列表中给它的名称；未命名的用下面填写的名称。全部要素通过检查后才会替换；替换后所有统计随之更新。',
    polygons: (count) => `将使用 ${count} 个多边形。`,
    linesLeftOut: (count) => `${count} 条线不能作为面图层，已略去。`,
    unnamedNameZh: (count) => `未命名多边形的中文名称（${count} 个）`,
    unnamedNameEn: '其英文名称（可不填）',
    numbered: (name, count) => `多于一个时依次编号：${name} 1 … ${name} ${count}`,
    allNamed: '每个多边形都已在列表中命名。',
  },
  en: {
    intro:
      'Replace one of the dataset’s layers with the polygons drawn above, and say where they come from and how sure they are. Each polygon keeps the name given in the list; unnamed ones take the name below. Nothing is replaced until every feature passes; afterwards every statistic follows.',
    polygons: (count) => `${count} polygon${count === 1 ? '' : 's'} will be used.`,
    linesLeftOut: (count) => `${count} line${count === 1 ? '' : 's'} left out: a line cannot be an area layer.`,
    unnamedNameZh: (count) => `Chinese name of the unnamed polygons (${count})`,
    unnamedNameEn: 'Their English name (optional)',
    numbered: (name, count) => `Numbered when more than one: ${name} 1 … ${name} ${count}`,
    allNamed: 'Every polygon has a name in the list.',
  },
};
