/**
 * Opening a `.pmtiles` by address (issue 15 §3): only the app's own origin is read. Whatever else a
 * planner types or pastes is refused with the reason, before any request is made.
 */
import { describe, expect, it } from 'vitest';
import { checkArchiveUrl } from '../../../src/state/pmtiles-archives.ts';

const PAGE = 'https://map.example.cn/luzhou/index.html?lang=en#view';

describe('checkArchiveUrl', () => {
  it.each([
    ['/data/parcels.pmtiles', 'https://map.example.cn/data/parcels.pmtiles', 'parcels.pmtiles'],
    [
      'archives/城区地块.pmtiles',
      'https://map.example.cn/luzhou/archives/%E5%9F%8E%E5%8C%BA%E5%9C%B0%E5%9D%97.pmtiles',
      '城区地块.pmtiles',
    ],
    ['  https://map.example.cn/a.pmtiles#x  ', 'https://map.example.cn/a.pmtiles', 'a.pmtiles'],
    ['//map.example.cn/b.pmtiles?v=2', 'https://map.example.cn/b.pmtiles?v=2', 'b.pmtiles'],
  ])('opens %j on the same origin as %s', (text, url, name) => {
    expect(checkArchiveUrl(text, PAGE)).toEqual({ ok: true, url, name });
  });

  it.each([
    ['', 'empty', ''],
    ['   ', 'empty', ''],
    ['https://tiles.example.com/parcels.pmtiles', 'other-host', 'tiles.example.com'],
    ['http://map.example.cn/parcels.pmtiles', 'other-host', 'map.example.cn'],
    ['https://map.example.cn:8443/parcels.pmtiles', 'other-host', 'map.example.cn:8443'],
    ['//evil.example/parcels.pmtiles', 'other-host', 'evil.example'],
    ['https://planner:secret@map.example.cn/parcels.pmtiles', 'credentials', 'map.example.cn'],
    ['javascript:alert(1)', 'scheme', 'javascript:'],
    ['data:application/octet-stream;base64,AAAA', 'scheme', 'data:'],
    ['file:///home/planner/parcels.pmtiles', 'scheme', 'file:'],
    ['http://[::1', 'invalid', 'http://[::1'],
  ])('refuses %j (%s)', (text, problem, detail) => {
    expect(checkArchiveUrl(text, PAGE)).toEqual({ ok: false, problem, detail });
  });
});
