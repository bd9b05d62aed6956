/**
 * Names modelled on the real ones in /work/shared/zone-facts.md (the English is our own rendering,
 * as the dataset's will be). Deep-frozen: if the index ever writes to an entry, the test throws.
 */
import { deepFreeze } from '../../fixtures/deep-freeze.ts';
import type { SearchEntry } from '../../../src/search/index.ts';

const entry = (id: string, layer: string, kind: string, name_zh: string, name_en: string): SearchEntry => ({
  id,
  layer,
  kind,
  name_zh,
  name_en,
});

export const ZONE_NAMES: readonly SearchEntry[] = deepFreeze([
  entry('zone', 'zone', 'zone', '泸州国家高新区', 'Luzhou National High-tech Zone'),
  entry('core', 'core', 'core', '一核（龙马潭重点区域）', 'Core (Longmatan key area)'),
  entry('wing-jiangyang', 'wings', 'wing', '江阳翼', 'Jiangyang Wing'),
  entry('wing-luxian', 'wings', 'wing', '泸县翼', 'Luxian Wing'),
  entry('park-pharma', 'parks', 'park', '泸州医药产业园区', 'Luzhou Pharmaceutical Industrial Park'),
  entry('park-cec', 'parks', 'park', '中国电子(泸州)产业园', 'China Electronics (Luzhou) Industrial Park'),
  entry(
    'park-greatwall',
    'parks',
    'park',
    '中国长城(泸州)创新制造基地',
    'China Great Wall (Luzhou) Innovation Manufacturing Base',
  ),
  entry('park-terminal', 'parks', 'park', '智能终端产业园', 'Smart Terminal Industrial Park'),
  entry('park-huawei', 'parks', 'park', '华为(四川)大数据中心', 'Huawei (Sichuan) Big Data Center'),
  entry('area-education', 'areas', 'area', '产教融合示范区', 'Industry-Education Integration Demonstration Zone'),
  entry('green-yuzixi', 'green', 'park', '渔子溪生态湿地公园', 'Yuzixi Ecological Wetland Park'),
  entry('green-zhangba', 'green', 'scenic-area', '张坝桂圆林', 'Zhangba Longan Forest'),
  entry('green-yangqiao', 'green', 'park', '杨桥湖生态公园', 'Yangqiao Lake Ecological Park'),
  entry('green-taian', 'green', 'green-belt', '泰安滨江绿化带', "Tai'an Riverside Green Belt"),
  entry('area-yuzixi-lake', 'areas', 'area', '渔子溪湖品质生活区', 'Yuzixi Lake Living Area'),
  entry('place-maker', 'places', 'office', '众创中心', 'Mass Innovation Center'),
  entry('place-aegean', 'places', 'shopping', '爱琴海购物公园', 'Aegean Shopping Park'),
  entry('place-hospital', 'places', 'hospital', '泸州市人民医院', "Luzhou People's Hospital"),
  entry('place-tianfu', 'places', 'school', '泸州天府二中', 'Luzhou Tianfu No. 2 Middle School'),
  entry('place-zitong', 'places', 'school', '梓潼路学校', 'Zitong Road School'),
  entry('place-lanjiang', 'places', 'park', '蓝光水岸公园', 'Languang Waterfront Park'),
  entry('river-yangtze', 'context', 'river', '长江', 'Yangtze River'),
  entry('river-tuo', 'context', 'river', '沱江', 'Tuo River'),
  entry('district-jiangyang', 'context', 'district', '江阳区', 'Jiangyang District'),
  entry('district-longmatan', 'context', 'district', '龙马潭区', 'Longmatan District'),
  entry('county-luxian', 'context', 'district', '泸县', 'Lu County'),
  entry('bridge-guojiao', 'context', 'bridge', '国窖长江大桥', 'Guojiao Yangtze River Bridge'),
  entry('street-qiancao', 'context', 'subdistrict', '茜草街道', 'Qiancao Subdistrict'),
]);
