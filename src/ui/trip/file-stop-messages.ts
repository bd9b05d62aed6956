/**
 * Strings for stops from the visitor's own file, kept beside the components that use them (the
 * shared message files are edited by several people at once).
 */
import type { LocalizedText } from '../../data/dataset-types.ts';
import { CUSTOM_STOP_VISIT_MINUTES } from '../../trip/trip-state.ts';

export const FILE_STOP_TEXT = {
  addPoint: { zh: '加入行程', en: 'Add to trip' },
  inTrip: { zh: '✓ 已在行程中', en: '✓ In the trip' },
  addAllPoints: (count: number): LocalizedText => ({
    zh: `把全部 ${count} 个点加入行程`,
    en: `Add all ${count} points to the trip`,
  }),
  reading: { zh: '正在读取…', en: 'Reading…' },
  added: (added: number, offered: number): LocalizedText => ({
    zh: `已加入 ${added} 个地点${offered > added ? `；${offered - added} 个已在行程中或超出上限` : ''}。`,
    en: `${added} added to the trip${offered > added ? `; ${offered - added} already there or over the limit` : ''}.`,
  }),
  skipped: (count: number): LocalizedText => ({
    zh: `${count} 个点坐标无效，未加入。`,
    en: `${count} points have invalid coordinates and were not added.`,
  }),
  notAPoint: { zh: '只有点要素可以加入行程。', en: 'Only a point can be added to the trip.' },
  readFailed: { zh: '无法读取该图层，未加入行程。', en: 'The layer could not be read; nothing was added.' },
  fromFileBadge: { zh: '来自您的文件', en: 'from your file' },
  fromFileNote: {
    zh: `标有“来自您的文件”的地点，名称和位置均按您导入的文件原样使用，未经本地图数据核实；默认游览 ${CUSTOM_STOP_VISIT_MINUTES} 分钟，可自行调整：`,
    en: `Stops from your file use the name and position your imported file gives, not checked against this map's data; each gets ${CUSTOM_STOP_VISIT_MINUTES} minutes by default, adjust freely:`,
  },
} as const;
