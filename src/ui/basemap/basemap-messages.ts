/**
 * The basemap switch's strings, in both languages (the consent form's are in consent-messages.ts,
 * loaded with it). The basemaps' own titles come from basemaps.config.ts, which the font subset
 * does not read (it reads src/, index.html and geodata/): the shipped titles' characters are
 * spelled here so the switch never waits for a fallback font file, offline least of all —
 * 天地图 · 矢量 · 影像 · 离线底图. A deployer's new title falls back to those files.
 */
import { computed } from '@preact/signals';
import { language } from '../../i18n/index.ts';

const zh = {
  label: '底图',
  none: '无',
  tilesFailed: '底图图块无法加载（离线、密钥有误或被拒绝）。地图仍显示本地数据。',
  archiveUnreadable: '离线底图文件无法读取。地图仍显示本地数据。',
};

const en: typeof zh = {
  label: 'Basemap',
  none: 'None',
  tilesFailed:
    'The basemap tiles could not be loaded (offline, a wrong key or refused). The map still shows the local data.',
  archiveUnreadable: 'The offline basemap file could not be read. The map still shows the local data.',
};

export const basemapMessages = computed(() => (language.value === 'zh' ? zh : en));
