/** The basemap switch's strings, in both languages (the consent form's are in consent-messages.ts, loaded with it). */
import { computed } from '@preact/signals';
import { language } from '../../i18n/index.ts';

const zh = {
  label: '底图',
  none: '无（仅本地数据）',
  tilesFailed: '底图图块无法加载（离线、密钥有误或被拒绝）。地图仍显示本地数据。',
  archiveUnreadable: '离线底图文件无法读取。地图仍显示本地数据。',
};

const en: typeof zh = {
  label: 'Basemap',
  none: 'None (local data only)',
  tilesFailed: 'The basemap tiles could not be loaded (offline, a wrong key or refused). The map still shows the local data.',
  archiveUnreadable: 'The offline basemap file could not be read. The map still shows the local data.',
};

export const basemapMessages = computed(() => (language.value === 'zh' ? zh : en));
