/**
 * The layer manifest: ids, order (bottom to top), colours and descriptions. The ids are binding:
 * the map and the stats CLI select layers by them.
 */
import type { LayerDefinition, Manifest } from '../../src/data/dataset-types.ts';
import { FOUNDING_ARTICLE } from './sources.ts';

const layer = (
  definition: Omit<LayerDefinition, 'file' | 'visible' | 'green' | 'unit'> & Partial<LayerDefinition>,
): LayerDefinition => ({
  id: definition.id,
  role: definition.role,
  title: definition.title,
  description: definition.description,
  file: `${definition.id}.geojson`,
  color: definition.color,
  geometry: definition.geometry,
  green: definition.green ?? false,
  unit: definition.unit ?? false,
  visible: definition.visible ?? true,
});

/** One label point per polygon feature (scripts/geodata/label-points.ts), in its own file. */
export const LABELS_FILE = 'labels.geojson';

export function buildManifest(): Manifest {
  return {
    version: 1,
    name: {
      zh: '泸州国家高新区空间布局(一核、两翼、多园)',
      en: 'Luzhou National High-tech Zone: spatial layout (one core, two wings, many parks)',
    },
    stated: {
      zoneArea: { value: 202, unit: 'km2', source: FOUNDING_ARTICLE },
      greenShare: {
        value: 40,
        unit: 'percent',
        source: FOUNDING_ARTICLE,
        qualifier: 'over',
        covers: {
          zh: '原文称“生态绿地面积占比超过 40%”,未给出定义;很可能把山体、林地和水面都计算在内,不等同于绿地率(绿地/用地),也不等同于绿化覆盖率。',
          en: 'The article says "ecological green area over 40 %" without defining it; it likely counts hills, forest and water as well, so it is neither the green-space ratio (绿地率, green land / land) nor canopy coverage (绿化覆盖率).',
        },
      },
    },
    layers: [
      layer({
        id: 'districts',
        role: 'context',
        geometry: 'polygon',
        color: '#9e9e9e',
        title: { zh: '区县界线', en: 'Districts and counties' },
        description: {
          zh: '泸州市 7 个区县的行政界线,来自 DataV.GeoAtlas(高德),已由 GCJ-02 转换为 WGS84。',
          en: 'The 7 county-level units of 泸州市 from DataV.GeoAtlas (高德), converted from GCJ-02 to WGS84.',
        },
      }),
      layer({
        id: 'river',
        role: 'context',
        geometry: 'line',
        color: '#4a90c8',
        title: { zh: '长江与沱江', en: 'Yangtze and Tuo rivers' },
        description: {
          zh: '河道中心线,每段取最准确的来源:汇口以下为 DataV 区界中线,其余为 GSHHG 河流线(误差可达约 2 km),非测绘岸线。',
          en: 'River centrelines, each stretch from the most accurate source: the DataV district-boundary midline below the confluence, GSHHG elsewhere (up to about 2 km off); not surveyed banks.',
        },
      }),
      layer({
        id: 'runways',
        role: 'context',
        geometry: 'line',
        color: '#546e7a',
        title: { zh: '机场跑道', en: 'Airport runways' },
        description: {
          zh: 'OpenStreetMap 测绘的跑道:泸州云龙机场与已停用的原蓝田机场。',
          en: 'Runways surveyed in OpenStreetMap: Luzhou Yunlong Airport and the former Lantian airport (closed).',
        },
      }),
      layer({
        id: 'zone',
        role: 'zone',
        geometry: 'polygon',
        color: '#263238',
        unit: true,
        title: { zh: '高新区范围(示意)', en: 'Zone outline (schematic)' },
        description: {
          zh: '规划总面积 202 km² 为公开数据;轮廓是一核、两翼与各园区示意形状的并集。',
          en: 'The published 202 km² total; the outline is the union of the schematic core, wings and parks.',
        },
      }),
      layer({
        id: 'wings',
        role: 'wing',
        geometry: 'polygon',
        color: '#f59e0b',
        unit: true,
        title: { zh: '两翼', en: 'Two wings' },
        description: {
          zh: '江阳片区与泸县片区;位置依据公开描述,面积划分与形状为本项目示意。',
          en: "The 江阳 and 泸县 wings: placed from public descriptions; their split of the area and their shapes are this project's.",
        },
      }),
      layer({
        id: 'core',
        role: 'core',
        geometry: 'polygon',
        color: '#d32f2f',
        unit: true,
        title: { zh: '一核', en: 'Core' },
        description: {
          zh: '4.62 km² 核心区(龙马潭区);具体位置未公开,此为示意摆放。',
          en: 'The 4.62 km² core in 龙马潭区; its site is not published, this placement is schematic.',
        },
      }),
      layer({
        id: 'parks',
        role: 'park',
        geometry: 'polygon',
        color: '#6a4c93',
        title: { zh: '多园', en: 'Parks' },
        description: {
          zh: '各产业园区;有公开面积的按该面积绘制,其余面积与位置为示意。',
          en: 'The industrial parks: drawn at their published area where one exists; other sizes and positions are schematic.',
        },
      }),
      layer({
        id: 'areas',
        role: 'area',
        geometry: 'polygon',
        color: '#cfd8dc',
        title: { zh: '规划片区', en: 'Planning areas' },
        description: {
          zh: '渔子溪湖区生活区、产教融合示范区等规划片区;面积为公开数据,范围为示意。',
          en: 'Planning areas such as the 渔子溪 lake living area and the industry–education area: published sizes, schematic extents.',
        },
      }),
      layer({
        id: 'green',
        role: 'green',
        geometry: 'polygon',
        color: '#2e7d32',
        green: true,
        title: { zh: '公园与绿地', en: 'Parks and green space' },
        description: {
          zh: '公开面积的公园绿地,按该面积绘制;位置为估计或示意(杨桥湖位置未知)。',
          en: "Green spaces drawn at their published areas; positions are estimates or schematic (杨桥湖's is unknown).",
        },
      }),
      layer({
        id: 'places',
        role: 'place',
        geometry: 'point',
        color: '#212121',
        title: { zh: '地点', en: 'Places' },
        description: {
          zh: '学校、医院、商业与企业地点;位置由地址推断或为猜测。',
          en: 'Schools, hospital, shops and firms: positions reasoned from addresses or guessed.',
        },
      }),
      layer({
        id: 'transport',
        role: 'context',
        geometry: 'point',
        color: '#37474f',
        title: { zh: '火车站与机场', en: 'Railway stations and airports' },
        description: {
          zh: 'OpenStreetMap 测绘的有名称火车站,以及每座机场一个点(跑道中点;原蓝田机场已停用)。',
          en: 'Named railway stations surveyed in OpenStreetMap, and one point per airport (its runway midpoint; the former Lantian airport is closed).',
        },
      }),
    ],
    labels: LABELS_FILE,
    credits: [
      {
        zh: '行政区划边界:DataV.GeoAtlas / 高德(经 @datapool/luzhou.geojson 1.0.0,MIT),已由 GCJ-02 转换为 WGS84',
        en: 'Administrative boundaries: DataV.GeoAtlas / 高德 (via @datapool/luzhou.geojson 1.0.0, MIT), converted from GCJ-02 to WGS84',
      },
      {
        zh: '火车站与机场跑道:© OpenStreetMap 贡献者(ODbL 1.0)',
        en: 'Railway stations and runways: © OpenStreetMap contributors (ODbL 1.0)',
      },
      {
        zh: '河流:GSHHG 2.3.7(LGPL-3.0-or-later);Natural Earth(公有领域)',
        en: 'Rivers: GSHHG 2.3.7 (LGPL-3.0-or-later); Natural Earth (public domain)',
      },
    ],
  };
}
