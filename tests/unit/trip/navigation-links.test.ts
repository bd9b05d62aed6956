import gcoord from 'gcoord';
import { describe, expect, test } from 'vitest';
import {
  amapMarkerUrl,
  amapNavigationUrl,
  amapSearchUrl,
  baiduDirectionUrl,
  baiduMarkerUrl,
  baiduSearchUrl,
  LINK_SOURCE,
  linkName,
  placeLinks,
  wgs84ToBd09,
  wgs84ToGcj02,
} from '../../../src/trip/navigation-links.ts';
import { HOSTILE_NAME } from '../../fixtures/trip/sample-dataset.ts';

/**
 * The standard WGS84 → GCJ-02 formula (Krasovsky ellipsoid, the polynomial-and-sine offset in the
 * public "eviltransform" code), written out independently of gcoord so the two can check each other.
 */
function referenceGcj02(longitude: number, latitude: number): [number, number] {
  const a = 6378245.0;
  // biome-ignore lint/correctness/noPrecisionLoss: the constant as the reference implementation publishes it.
  const ee = 0.00669342162296594323;
  const x = longitude - 105.0;
  const y = latitude - 35.0;
  const base = ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) + base;
  dLat += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLat += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  let dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) + base;
  dLon += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  dLon += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  const radians = (latitude / 180.0) * Math.PI;
  const magic = 1 - ee * Math.sin(radians) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((a * (1 - ee)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((a / sqrtMagic) * Math.cos(radians) * Math.PI);
  return [longitude + dLon, latitude + dLat];
}

/** The standard GCJ-02 → BD-09 formula Baidu's own converter is known to follow. */
function referenceBd09(longitude: number, latitude: number): [number, number] {
  const xPi = (Math.PI * 3000.0) / 180.0;
  const z = Math.sqrt(longitude * longitude + latitude * latitude) + 0.00002 * Math.sin(latitude * xPi);
  const theta = Math.atan2(latitude, longitude) + 0.000003 * Math.cos(longitude * xPi);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

describe('coordinate conversion at the edge', () => {
  test('GCJ-02 matches published pairs (googollee/eviltransform test data)', () => {
    const pairs: [wgs: [number, number], gcj: [number, number]][] = [
      [
        [121.5272106, 31.1774276],
        [121.531541859215, 31.17530398364597],
      ], // Shanghai
      [
        [113.912316, 22.543847],
        [113.9171764808363, 22.540796131694766],
      ], // Shenzhen
      [
        [116.377817, 39.911954],
        [116.38404722455657, 39.91334545536069],
      ], // Beijing
    ];
    for (const [wgs, gcj] of pairs) {
      const converted = wgs84ToGcj02(wgs);
      expect(converted[0]).toBeCloseTo(gcj[0], 9);
      expect(converted[1]).toBeCloseTo(gcj[1], 9);
    }
  });

  test('GCJ-02 → BD-09 and WGS84 → GCJ-02 match the published pairs of wandergis/coordtransform', () => {
    const bd = gcoord.transform([116.404, 39.915], gcoord.GCJ02, gcoord.BD09);
    expect(bd[0]).toBeCloseTo(116.41036949371029, 9);
    expect(bd[1]).toBeCloseTo(39.92133699351021, 9);
    const gcj = wgs84ToGcj02([116.404, 39.915]);
    expect(gcj[0]).toBeCloseTo(116.41024449916938, 9);
    expect(gcj[1]).toBeCloseTo(39.91640428150164, 9);
  });

  test('gcoord agrees with an independent implementation of the formulas across the zone', () => {
    for (let longitude = 105.3; longitude <= 105.6; longitude += 0.05) {
      for (let latitude = 28.75; latitude <= 29.2; latitude += 0.05) {
        const gcj = referenceGcj02(longitude, latitude);
        const converted = wgs84ToGcj02([longitude, latitude]);
        expect(converted[0]).toBeCloseTo(gcj[0], 10);
        expect(converted[1]).toBeCloseTo(gcj[1], 10);
        const bd = referenceBd09(gcj[0], gcj[1]);
        const convertedBd = wgs84ToBd09([longitude, latitude]);
        expect(convertedBd[0]).toBeCloseTo(bd[0], 10);
        expect(convertedBd[1]).toBeCloseTo(bd[1], 10);
      }
    }
  });

  test('near 泸州 the GCJ-02 shift is the ~490 m the dataset notes describe', () => {
    const [longitude, latitude] = wgs84ToGcj02([105.474, 28.894]);
    expect(longitude - 105.474).toBeCloseTo(0.0036, 3);
    expect(latitude - 28.894).toBeCloseTo(-0.003, 3);
  });
});

describe('navigation links', () => {
  const forest = { point: [105.474, 28.894] as const, name: '张坝桂圆林' };
  const mall = { point: [105.496, 28.863] as const, name: HOSTILE_NAME };

  test('高德 marker carries the GCJ-02 position and says so', () => {
    const url = new URL(amapMarkerUrl(forest));
    expect(url.protocol).toBe('https:');
    expect(url.host).toBe('uri.amap.com');
    expect(url.pathname).toBe('/marker');
    const [longitude, latitude] = url.searchParams.get('position')!.split(',').map(Number);
    const expected = wgs84ToGcj02(forest.point);
    expect(longitude).toBeCloseTo(expected[0], 6);
    expect(latitude).toBeCloseTo(expected[1], 6);
    expect(url.searchParams.get('coordinate')).toBe('gaode');
    expect(url.searchParams.get('name')).toBe('张坝桂圆林');
    expect(url.searchParams.get('src')).toBe(LINK_SOURCE);
  });

  test('高德 navigation has both ends in GCJ-02 lon,lat,name and the mode', () => {
    const url = new URL(amapNavigationUrl({ from: forest, to: mall, mode: 'cycling' }));
    expect(url.pathname).toBe('/navigation');
    expect(url.searchParams.get('mode')).toBe('ride');
    const [toLongitude, toLatitude, ...name] = url.searchParams.get('to')!.split(',');
    expect(name).toHaveLength(1);
    expect(name[0]).toBe(linkName(HOSTILE_NAME));
    const expected = wgs84ToGcj02(mall.point);
    expect(Number(toLongitude)).toBeCloseTo(expected[0], 6);
    expect(Number(toLatitude)).toBeCloseTo(expected[1], 6);
    expect(new URL(amapNavigationUrl({ from: forest, to: mall, mode: 'walking' })).searchParams.get('mode')).toBe(
      'walk',
    );
    expect(new URL(amapNavigationUrl({ from: forest, to: mall, mode: 'driving' })).searchParams.get('mode')).toBe(
      'car',
    );
  });

  test('百度 marker carries the BD-09 position lat-first and says so', () => {
    const url = new URL(baiduMarkerUrl(forest));
    expect(url.host).toBe('api.map.baidu.com');
    expect(url.pathname).toBe('/marker');
    const [latitude, longitude] = url.searchParams.get('location')!.split(',').map(Number);
    const expected = wgs84ToBd09(forest.point);
    expect(longitude).toBeCloseTo(expected[0], 6);
    expect(latitude).toBeCloseTo(expected[1], 6);
    expect(url.searchParams.get('coord_type')).toBe('bd09ll');
    expect(url.searchParams.get('output')).toBe('html');
    expect(url.searchParams.get('title')).toBe('张坝桂圆林');
  });

  test('百度 directions name both ends and cannot be split by a hostile name', () => {
    const url = new URL(baiduDirectionUrl({ from: mall, to: forest, mode: 'walking' }));
    expect(url.pathname).toBe('/direction');
    expect(url.searchParams.get('mode')).toBe('walking');
    expect(url.searchParams.get('region')).toBe('泸州');
    const origin = url.searchParams.get('origin')!;
    expect(origin.split('|')).toHaveLength(2);
    const expected = wgs84ToBd09(mall.point);
    expect(origin).toBe(`latlng:${expected[1].toFixed(6)},${expected[0].toFixed(6)}|name:${linkName(HOSTILE_NAME)}`);
    // Every parameter survives: the hostile name's '&' did not start a new one.
    expect([...url.searchParams.keys()]).toEqual([
      'origin',
      'destination',
      'mode',
      'region',
      'output',
      'coord_type',
      'src',
    ]);
  });

  test('search links look the place up by name within 泸州, with no position to mislead', () => {
    const amap = new URL(amapSearchUrl('张坝桂圆林 & <x>'));
    expect(amap.host + amap.pathname).toBe('uri.amap.com/search');
    expect(amap.searchParams.get('keyword')).toBe('张坝桂圆林 & <x>');
    expect(amap.searchParams.get('city')).toBe('510500');
    const baidu = new URL(baiduSearchUrl('张坝桂圆林'));
    expect(baidu.host + baidu.pathname).toBe('api.map.baidu.com/place/search');
    expect(baidu.searchParams.get('query')).toBe('张坝桂圆林');
    expect(baidu.searchParams.get('region')).toBe('泸州');
    expect(baidu.searchParams.get('output')).toBe('html');
    for (const url of [amap, baidu])
      expect([...url.searchParams.keys()].some((key) => /position|location|center/.test(key))).toBe(false);
  });

  test('a schematically placed place is linked by name, any other by its converted position', () => {
    const schematic = placeLinks({ ...forest, positionIsSchematic: true });
    expect(schematic.by).toBe('name');
    expect(schematic.amap).toBe(amapSearchUrl(forest.name));
    expect(schematic.baidu).toBe(baiduSearchUrl(forest.name));
    const placed = placeLinks({ ...forest, positionIsSchematic: false });
    expect(placed).toEqual({ amap: amapMarkerUrl(forest), baidu: baiduMarkerUrl(forest), by: 'position' });
  });

  test('linkName keeps the text readable but neutralises separators and control characters', () => {
    expect(linkName(' a,b|c\u0000\n ')).toBe('a，b｜c');
    expect(linkName('<script>&')).toBe('<script>&');
  });
});
