/** The consent form's strings, in both languages: what contacting a tile host reveals, and the key. */
import { computed } from '@preact/signals';
import { language } from '../../i18n/index.ts';

const zh = {
  heading: (title: string) => `使用${title}底图？`,
  contacts: '浏览器将向以下地址请求地图图块：',
  learns: '对方会得知：所看区域的图块坐标、您的 IP 地址和浏览器信息。',
  neverSent: '不会传给对方：本应用的数据、您绘制的图形、导入的文件或行程。',
  keyHint: '只保存在此浏览器中，不会写入链接、导出文件或打印。',
  keyGet: '获取密钥',
  keySaved: '已保存的密钥',
  keyMissing: '请输入密钥。',
  agree: '同意并显示',
  cancel: '取消',
  attribution: '底图来源：',
};

const en: typeof zh = {
  heading: (title: string) => `Use the ${title} basemap?`,
  contacts: 'Your browser will ask these hosts for map tiles:',
  learns: 'They learn the tile coordinates of the area you look at, your IP address and your browser.',
  neverSent: "Never sent: this app's data, your drawings, imported files or trip.",
  keyHint: 'Kept in this browser only; never written into a link, an export or a print.',
  keyGet: 'Get a key',
  keySaved: 'Saved key',
  keyMissing: 'Please enter a key.',
  agree: 'Agree and show',
  cancel: 'Cancel',
  attribution: 'Basemap: ',
};

export const consentMessages = computed(() => (language.value === 'zh' ? zh : en));
