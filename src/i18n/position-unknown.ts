/**
 * The words a label gets when no source locates its feature. Apart from zh.ts and en.ts because the
 * map style (src/map/style-common.ts) writes them into every label in both languages, and importing
 * the whole English messages there would bring them back into the first load.
 */
export const POSITION_UNKNOWN = { zh: '位置未知', en: 'position unknown' } as const;
