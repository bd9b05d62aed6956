/**
 * Citations carried into every feature's `source` / `stated_area_source`. One place, so a
 * corrected citation reaches every feature that relies on it.
 */

export const DATAV_SOURCE = 'DataV.GeoAtlas / 高德 via @datapool/luzhou.geojson 1.0.0 (MIT), converted GCJ-02→WGS84';

export const FOUNDING_ARTICLE = '《泸州国家高新区:产业腾跃 新城崛起》, 网易号 / 四川经济网, 2022';

export const CHINA_DAILY = '"Luzhou Hi-tech Industrial Development Zone", China Daily investinchina, 2019';

export const PHARMA_PARK_SOURCES =
  '泸州医药产业园区 park incubator listing; 四川在线 scol.com.cn, 2016 (planned area 21.3 km², 泸县城西)';

export const PLAN_2016 =
  '2016 zone plan as covered in local news (industries named: 高端装备制造, 新能源新材料, 智能电网, 现代医药, 大数据及信息产业)';

export const ZHANGBA_ENCYCLOPEDIA =
  '张坝桂圆林 encyclopedia entries (4A scenic area, 茜草街道, on the Yangtze east of 沙茜, core longan forest 2400 亩)';

export const YUZIXI_LISTING =
  'Local property listing near 渔子溪生态公园 (lake ≈300 亩, waterside green ≈1300 亩, 众创中心 48 亩)';

export const CHINA_ELECTRONICS_AREA_SOURCE =
  '"约4500亩" as recorded in the project facts file (zone-facts.md §3); original outlet not recorded — verify before relying on it';

export const OUR_LAYOUT =
  'Schematic placement by this project (scripts/build-geodata.ts parameters); see geodata/SOURCES.md';

export const BIG_DATA_AREA_SOURCE =
  '"≥1000 亩 planned" as recorded in the project facts file (zone-facts.md §3); original outlet not recorded — verify before relying on it';
