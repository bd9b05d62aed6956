import { describe, expect, it } from 'vitest';
import { canUseShareSheet, shareUrl } from '../../../src/ui/share/share-link.ts';

const page =
  'https://zone.example/map/?view=105.47,28.88,12,0&layers=zone,green&lang=en&trip=1wo0900h.a.b&from=poster#feature=green/green-yuzixi';

describe('shareUrl', () => {
  it('shares the view without the open feature or the trip', () => {
    const url = new URL(shareUrl(page, 'view'));
    expect(url.hash).toBe('');
    expect(url.searchParams.has('trip')).toBe(false);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: '105.47,28.88,12,0',
      layers: 'zone,green',
      lang: 'en',
      from: 'poster',
    });
    expect(url.pathname).toBe('/map/');
  });

  it('shares a feature with everything the page shows', () => {
    expect(shareUrl(page, 'feature')).toBe(new URL(page).href);
  });

  it('shares a trip without the camera or the open feature, so it opens framed on its stops', () => {
    const url = new URL(shareUrl(page, 'trip'));
    expect(url.searchParams.get('trip')).toBe('1wo0900h.a.b');
    expect(url.searchParams.has('view')).toBe(false);
    expect(url.hash).toBe('');
    expect(url.searchParams.get('lang')).toBe('en');
  });
});

describe('canUseShareSheet', () => {
  const url = 'https://zone.example/';
  it('needs navigator.share, and canShare to agree where the browser has it', () => {
    expect(canUseShareSheet({}, url)).toBe(false);
    expect(canUseShareSheet({ share: async () => undefined }, url)).toBe(true);
    expect(canUseShareSheet({ share: async () => undefined, canShare: () => false }, url)).toBe(false);
    expect(canUseShareSheet({ share: async () => undefined, canShare: (data) => data?.url === url }, url)).toBe(true);
    expect(
      canUseShareSheet(
        {
          share: async () => undefined,
          canShare: () => {
            throw new TypeError('bad');
          },
        },
        url,
      ),
    ).toBe(false);
  });
});
