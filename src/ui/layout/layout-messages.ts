/** The tabs' and the bottom sheet's strings, in both languages. */
import { language } from '../../i18n/index.ts';
import type { AppTab, SheetSnap } from './layout-state.ts';

interface LayoutMessages {
  tabsLabel: string;
  tabs: Record<AppTab, string>;
  /** The sheet handle's name: where the sheet is and what a tap does. */
  handle: Record<SheetSnap, string>;
}

const zh: LayoutMessages = {
  tabsLabel: '功能',
  tabs: { explore: '探索', trip: '行程', measure: '量算与数据' },
  handle: {
    peek: '面板已收起，点按展开一半',
    half: '面板展开一半，点按全部展开',
    full: '面板已全部展开，点按收起',
  },
};

const en: LayoutMessages = {
  tabsLabel: 'Sections',
  tabs: { explore: 'Explore', trip: 'Trip', measure: 'Measure & data' },
  handle: {
    peek: 'Panel collapsed; tap to open halfway',
    half: 'Panel open halfway; tap to open fully',
    full: 'Panel fully open; tap to collapse',
  },
};

export function layoutMessages(): LayoutMessages {
  return language.value === 'en' ? en : zh;
}
