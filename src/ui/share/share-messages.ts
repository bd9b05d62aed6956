/** Strings of the share control, Chinese first; `shareMessages[language.value]`. */
import type { Language } from '../../i18n/index.ts';

export interface ShareMessages {
  /** The button, by what it shares. */
  button: { view: string; feature: string; trip: string };
  /** The shared link's title (the system share sheet shows it). */
  title: { view: string; feature: (name: string) => string; trip: string };
  panelLabel: string;
  copied: string;
  /** Copying was refused (permissions, an old browser): the link stands selected for the visitor to copy. */
  copyByHand: string;
  shared: string;
  linkLabel: string;
  copyAgain: string;
  qrLabel: string;
  qrNote: string;
  qrFailed: string;
  close: string;
}

export const shareMessages: Readonly<Record<Language, ShareMessages>> = {
  zh: {
    button: { view: '分享', feature: '分享此要素', trip: '分享行程' },
    title: {
      view: '泸州国家高新区空间布局图',
      feature: (name) => `${name} · 泸州国家高新区`,
      trip: '泸州国家高新区 · 一日行程',
    },
    panelLabel: '分享链接',
    copied: '链接已复制。',
    copyByHand: '无法自动复制，请复制下面的链接。',
    shared: '已打开系统分享。',
    linkLabel: '链接',
    copyAgain: '复制链接',
    qrLabel: '链接二维码',
    qrNote: '用手机扫描二维码，在手机上打开同一视图。',
    qrFailed: '二维码无法生成：',
    close: '关闭分享',
  },
  en: {
    button: { view: 'Share', feature: 'Share this feature', trip: 'Share the trip' },
    title: {
      view: 'Luzhou National High-tech Zone: spatial layout',
      feature: (name) => `${name} · Luzhou National High-tech Zone`,
      trip: 'Luzhou National High-tech Zone · day trip',
    },
    panelLabel: 'Share link',
    copied: 'Link copied.',
    copyByHand: 'The link could not be copied automatically: copy it below.',
    shared: 'The system share sheet is open.',
    linkLabel: 'Link',
    copyAgain: 'Copy link',
    qrLabel: 'QR code of the link',
    qrNote: 'Scan it with a phone to open the same view there.',
    qrFailed: 'The QR code could not be made: ',
    close: 'Close sharing',
  },
};
