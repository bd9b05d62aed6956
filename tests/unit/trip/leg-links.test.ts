import { describe, expect, it } from 'vitest';
import {
  amapNavigationUrl,
  amapSearchUrl,
  baiduDirectionUrl,
  legLinks,
  wgs84ToBd09,
  wgs84ToGcj02,
} from '../../../src/trip/navigation-links.ts';
import { HOSTILE_NAME } from '../../fixtures/trip/sample-dataset.ts';

const forest = { point: [105.474, 28.894] as [number, number], name: '张坝桂圆林', positionIsSchematic: false };
const huawei = { point: [105.51, 28.86] as [number, number], name: '华为(四川)大数据中心', positionIsSchematic: true };
const school = { point: [105.43, 28.91] as [number, number], name: '梓潼路学校', positionIsSchematic: true };

const parameters = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('legLinks', () => {
  it('navigates by position between two known places, as before', () => {
    const leg = {
      from: forest,
      to: { ...forest, name: '众创中心', point: [105.49, 28.87] as [number, number] },
      mode: 'walking' as const,
    };
    expect(legLinks(leg)).toEqual({ amap: amapNavigationUrl(leg), baidu: baiduDirectionUrl(leg), by: 'position' });
  });

  it('gives a leg ending at an estimated place links that find it by name', () => {
    const links = legLinks({ from: forest, to: huawei, mode: 'driving' });
    expect(links.by).toBe('name');
    // 高德 cannot route to a name: its search finds the place, whose page offers the route.
    expect(links.amap).toBe(amapSearchUrl(huawei.name));
    const baidu = parameters(links.baidu);
    expect(new URL(links.baidu).pathname).toBe('/direction');
    expect(baidu['destination']).toBe('华为(四川)大数据中心');
    // The known start keeps its converted position.
    const [longitude, latitude] = wgs84ToBd09(forest.point);
    expect(baidu['origin']).toBe(`latlng:${latitude.toFixed(6)},${longitude.toFixed(6)}|name:张坝桂圆林`);
    expect(baidu['mode']).toBe('driving');
    expect(baidu['region']).toBe('泸州');
  });

  it('routes from where the visitor is when only the start is estimated', () => {
    const links = legLinks({ from: school, to: forest, mode: 'cycling' });
    expect(links.by).toBe('name');
    const amap = parameters(links.amap);
    expect(new URL(links.amap).pathname).toBe('/navigation');
    expect(amap['from']).toBeUndefined();
    const [longitude, latitude] = wgs84ToGcj02(forest.point);
    expect(amap['to']).toBe(`${longitude.toFixed(6)},${latitude.toFixed(6)},张坝桂圆林`);
    expect(amap['mode']).toBe('ride');
    expect(parameters(links.baidu)['origin']).toBe('梓潼路学校');
  });

  it('names both ends when both are estimated', () => {
    const links = legLinks({ from: school, to: huawei, mode: 'walking' });
    const baidu = parameters(links.baidu);
    expect([baidu['origin'], baidu['destination']]).toEqual(['梓潼路学校', '华为(四川)大数据中心']);
    expect(links.amap).toBe(amapSearchUrl(huawei.name));
  });

  it('keeps a hostile name inside its parameter', () => {
    const links = legLinks({ from: forest, to: { ...huawei, name: HOSTILE_NAME }, mode: 'walking' });
    const destination = parameters(links.baidu)['destination']!;
    expect(destination).not.toMatch(/[|,]/);
    expect(new URL(links.baidu).searchParams.getAll('destination')).toHaveLength(1);
    expect(Object.keys(parameters(links.baidu)).sort()).toEqual([
      'coord_type',
      'destination',
      'mode',
      'origin',
      'output',
      'region',
      'src',
    ]);
  });
});
