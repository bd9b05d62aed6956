/**
 * Builds every file of `geodata/` from the boundary package and the parameters in `layout.ts`.
 * Pure: text in, file texts out; `scripts/build-geodata.ts` does the reading and writing, and the
 * tests call this to check the committed files are exactly what it produces.
 */
import { buffer } from '@turf/buffer';
import { featureCollection, feature, lineString } from '@turf/helpers';
import { union } from '@turf/union';
import type { Feature, Geometry, Point, Position } from 'geojson';
import type { AreaUnit, ZoneFeatureProperties } from '../../src/data/dataset-types.ts';
import { ellipsoidalArea } from '../../src/geo/area.ts';
import { ADCODE, DISTRICT_NAMES_EN, districtByAdcode, parseLuzhouPackage } from './districts.ts';
import * as layout from './layout.ts';
import { type ContextSourceTexts, parseContextSources } from './context-sources.ts';
import { joinRivers, riverCrossCheck, riverFeatures, transportFeatures } from './context.ts';
import { labelPoints } from './label-points.ts';
import { buildManifest, LABELS_FILE } from './manifest.ts';
import { nearestVertexIndex, sharedBoundary } from './river.ts';
import { type Areal, clip, ellipseRing, scaleRing, sizeToArea, smoothRing } from './shapes.ts';
import { serializeFeatureCollection, serializeManifest } from '../../src/data/dataset-serialization.ts';
import * as sources from './sources.ts';

type ZoneFeature = Feature<Geometry, ZoneFeatureProperties & Record<string, unknown>>;

const SQUARE_METRES_PER_UNIT: Record<AreaUnit, number> = { m2: 1, ha: 1e4, km2: 1e6, mu: 10000 / 15 };

export function toSquareMetres(value: number, unit: AreaUnit): number {
  return value * SQUARE_METRES_PER_UNIT[unit];
}

export interface AreaReportRow {
  id: string;
  measuredSquareMetres: number;
  statedSquareMetres?: number;
  targetSquareMetres?: number;
  /** The shape was scaled to the stated figure: a zero difference is by construction, not a check. */
  sizedToStated: boolean;
}

export interface GeodataBuild {
  /** File name in `geodata/` → exact file text; layers in `AUTHORITATIVE_LAYERS` are left out. */
  files: Record<string, string>;
  report: AreaReportRow[];
  /** How far each river stretch runs from Natural Earth, the independent cross-check. */
  riverCrossCheck: ReturnType<typeof riverCrossCheck>;
}

const polygonOf = (ring: Position[]): Areal => ({ type: 'Polygon', coordinates: [ring] });

const ellipse = (spec: layout.EllipseSpec, scale = 1): Areal =>
  polygonOf(ellipseRing(spec.center, spec.semiMajorKm * scale, spec.semiMinorKm * scale, spec.rotationDegrees));

const boxPolygon = (west: number, south: number, east: number, north: number): Areal =>
  polygonOf([
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ]);

/** Ellipse `spec` clipped to `within`, outside `excluding`, grown or shrunk to `targetSquareMetres`. */
function sizedEllipse(
  label: string,
  spec: layout.EllipseSpec,
  targetSquareMetres: number,
  within: Areal[],
  excluding: Areal[] = [],
) {
  return sizeToArea((scale) => clip(ellipse(spec, scale), within, excluding), targetSquareMetres, label).geometry;
}

function unionOf(geometries: Areal[]): Areal {
  const merged = union(featureCollection(geometries.map((geometry) => feature(geometry))));
  if (!merged) throw new Error('union of nothing');
  return merged.geometry;
}

/** One feature per line, in the format the app's dataset export writes too. */
function serializeCollection(features: ZoneFeature[]): string {
  return serializeFeatureCollection(features);
}

/**
 * Every stated figure this build draws is met by scaling the shape to it (or, for the zone, by
 * adding up pieces so scaled), so each feature with a stated area is marked `sized_to_stated`: the
 * UI must not present its measured-minus-stated as a check.
 */
function zoneFeature(geometry: Geometry, properties: ZoneFeatureProperties & Record<string, unknown>): ZoneFeature {
  const sized = properties.stated_area !== undefined ? { sized_to_stated: true } : {};
  return { type: 'Feature', properties: { ...properties, ...sized }, geometry };
}

const point = (position: Position): Point => ({ type: 'Point', coordinates: position });

/**
 * `authoritativeTexts`: the committed files of the layers in `AUTHORITATIVE_LAYERS` (file name →
 * text), which the build does not regenerate but still labels.
 */
export function buildGeodata(
  luzhouPackageText: string,
  contextTexts: ContextSourceTexts,
  authoritativeTexts: Readonly<Record<string, string>> = {},
): GeodataBuild {
  const districts = parseLuzhouPackage(luzhouPackageText);
  const context = parseContextSources(contextTexts);
  const rivers = joinRivers(context);
  const jiangyang = districtByAdcode(districts, ADCODE.jiangyang).geometry;
  const longmatan = districtByAdcode(districts, ADCODE.longmatan).geometry;
  const luxian = districtByAdcode(districts, ADCODE.luxian).geometry;

  // --- river corridor: the 江阳|龙马潭 shared boundary, split at the confluence ---
  // Land is kept off this corridor exactly as before the drawn rivers came from real sources: the
  // drawn DataV stretches are the same boundary (from the shared extract, within metres of it), and
  // clipping by the new line would move every clipped area, and so the zone's statistics.
  const riverCourse = sharedBoundary(jiangyang, longmatan);
  if (riverCourse.length < 10) throw new Error('江阳|龙马潭 shared boundary not found: the package topology changed');
  const confluenceIndex = nearestVertexIndex(riverCourse, layout.CONFLUENCE);
  const tuoCourse = riverCourse.slice(0, confluenceIndex + 1);
  const yangtzeCourse = riverCourse.slice(confluenceIndex);
  const riverCorridor = unionOf([
    buffer(lineString(tuoCourse), layout.TUO_HALF_WIDTH_KM, { units: 'kilometers', steps: 8 })!.geometry as Areal,
    buffer(lineString(yangtzeCourse), layout.YANGTZE_HALF_WIDTH_KM, { units: 'kilometers', steps: 8 })!
      .geometry as Areal,
  ]);

  // --- units: core and wings ---
  const wingArea = layout.WING_AREA_KM2 * 1e6;
  const jiangyangLimits = boxPolygon(
    layout.JIANGYANG_WING.westLimitLongitude,
    28.6,
    layout.JIANGYANG_WING.eastLimitLongitude,
    29.1,
  );
  const jiangyangOutline = smoothRing(layout.JIANGYANG_WING.outline);
  const jiangyangWing = sizeToArea(
    (scale) =>
      clip(
        polygonOf(scaleRing(jiangyangOutline, layout.JIANGYANG_WING.anchor, scale)),
        [jiangyang, jiangyangLimits],
        [riverCorridor],
      ),
    wingArea,
    'wing-jiangyang',
  ).geometry;
  const luxianWing = sizedEllipse('wing-luxian', layout.LUXIAN_WING, wingArea, [luxian]);
  const core = sizedEllipse('core-longmatan', layout.CORE, layout.CORE_AREA_KM2 * 1e6, [longmatan], [riverCorridor]);

  // --- parks (多园), each inside its wing and clear of the parks placed before it ---
  const parkSpecs = layout.PARKS;
  const pharmaceutical = sizedEllipse('park-pharmaceutical', parkSpecs.pharmaceutical, 21.3e6, [luxianWing]);
  const newEnergy = sizedEllipse(
    'park-new-energy-materials',
    parkSpecs.newEnergyMaterials,
    layout.CHOSEN_PARK_AREA_KM2.newEnergyMaterials * 1e6,
    [luxianWing],
    [pharmaceutical],
  );
  const chinaElectronics = sizedEllipse(
    'park-china-electronics',
    parkSpecs.chinaElectronics,
    toSquareMetres(4500, 'mu'),
    [jiangyangWing],
  );
  const bigData = sizedEllipse(
    'park-big-data',
    parkSpecs.bigData,
    toSquareMetres(1000, 'mu'),
    [jiangyangWing],
    [chinaElectronics],
  );
  const intelligentTerminal = sizedEllipse(
    'park-intelligent-terminal',
    parkSpecs.intelligentTerminal,
    layout.CHOSEN_PARK_AREA_KM2.intelligentTerminal * 1e6,
    [jiangyangWing],
    [chinaElectronics, bigData],
  );
  const machinery = sizedEllipse(
    'park-machinery-equipment',
    parkSpecs.machineryEquipment,
    layout.CHOSEN_PARK_AREA_KM2.machineryEquipment * 1e6,
    [jiangyangWing],
    [chinaElectronics, bigData, intelligentTerminal],
  );
  const jiangyangParks = [chinaElectronics, bigData, intelligentTerminal, machinery];

  // --- green: inside the wing, never on park land ---
  const wetland = sizedEllipse(
    'green-yuzixi-wetland-park',
    layout.GREEN.yuzixiWetland,
    toSquareMetres(1800, 'mu'),
    [jiangyangWing],
    jiangyangParks,
  );
  const zhangba = sizedEllipse(
    'green-zhangba-longan-forest',
    layout.GREEN.zhangbaLongan,
    toSquareMetres(4500, 'mu'),
    [jiangyangWing],
    jiangyangParks,
  );
  const yangqiao = sizedEllipse(
    'green-yangqiao-lake-park',
    layout.GREEN.yangqiaoLake,
    toSquareMetres(2000, 'mu'),
    [jiangyangWing],
    [...jiangyangParks, wetland, zhangba],
  );
  const [beltWest, beltEast] = layout.TAIAN_BELT_LONGITUDES;
  const beltCourse = yangtzeCourse.filter((position) => position[0]! >= beltWest && position[0]! <= beltEast);
  // The wing already stops at the corridor's edge, so a wider buffer cut to the wing is a band along the bank.
  const taianBelt = sizeToArea(
    (scale) =>
      clip(
        buffer(lineString(beltCourse), layout.YANGTZE_HALF_WIDTH_KM + scale * 0.3, { units: 'kilometers', steps: 8 })!
          .geometry as Areal,
        [jiangyangWing],
        [...jiangyangParks, wetland, zhangba, yangqiao],
      ),
    toSquareMetres(800, 'mu'),
    'green-taian-riverside-belt',
  ).geometry;

  // --- planning areas: around the parks, not over them ---
  const lakeLiving = sizedEllipse(
    'area-yuzixi-lake-living',
    layout.AREAS.yuzixiLakeLiving,
    10e6,
    [jiangyangWing],
    jiangyangParks,
  );
  const industryEducation = sizedEllipse(
    'area-industry-education',
    layout.AREAS.industryEducation,
    toSquareMetres(300, 'mu'),
    [jiangyangWing],
    jiangyangParks,
  );

  const zone = unionOf([core, jiangyangWing, luxianWing, pharmaceutical, newEnergy, ...jiangyangParks]);

  const layers = buildFeatures({
    districts,
    zone,
    jiangyangWing,
    luxianWing,
    core,
    parks: { pharmaceutical, newEnergy, chinaElectronics, bigData, intelligentTerminal, machinery },
    green: { wetland, zhangba, yangqiao, taianBelt },
    areas: { lakeLiving, industryEducation },
  });

  layers['river'] = riverFeatures(rivers) as ZoneFeature[];
  const transport = transportFeatures(context);
  layers['transport'] = transport.points as ZoneFeature[];
  layers['runways'] = transport.runways as ZoneFeature[];

  const manifest = buildManifest();
  const files: Record<string, string> = { 'manifest.json': serializeManifest(manifest) };
  const report: AreaReportRow[] = [];
  for (const definition of manifest.layers) {
    if (layout.AUTHORITATIVE_LAYERS.includes(definition.id)) continue;
    const features = layers[definition.id];
    if (!features) throw new Error(`manifest layer ${definition.id} has no builder`);
    const text = serializeCollection(features);
    files[definition.file] = text;
    for (const item of JSON.parse(text).features as ZoneFeature[]) {
      if (definition.geometry !== 'polygon') continue;
      const { stated_area: statedArea, stated_area_unit: statedUnit } = item.properties;
      report.push({
        id: item.properties.id,
        measuredSquareMetres: ellipsoidalArea(item.geometry),
        sizedToStated: item.properties.sized_to_stated === true,
        ...(statedArea !== undefined && statedUnit
          ? { statedSquareMetres: toSquareMetres(statedArea, statedUnit) }
          : {}),
      });
    }
  }
  const labelled = manifest.layers.flatMap((definition) => {
    if (definition.geometry !== 'polygon') return [];
    const text = files[definition.file] ?? authoritativeTexts[definition.file];
    if (text === undefined) throw new Error(`${definition.file}: an authoritative layer's file is needed to label it`);
    return JSON.parse(text).features as ZoneFeature[];
  });
  files[LABELS_FILE] = serializeCollection(labelPoints(labelled) as ZoneFeature[]);
  return { files, report, riverCrossCheck: riverCrossCheck(rivers, context) };
}

interface BuiltShapes {
  districts: ReturnType<typeof parseLuzhouPackage>;
  zone: Areal;
  jiangyangWing: Areal;
  luxianWing: Areal;
  core: Areal;
  parks: Record<
    'pharmaceutical' | 'newEnergy' | 'chinaElectronics' | 'bigData' | 'intelligentTerminal' | 'machinery',
    Areal
  >;
  green: Record<'wetland' | 'zhangba' | 'yangqiao' | 'taianBelt', Areal>;
  areas: Record<'lakeLiving' | 'industryEducation', Areal>;
}

const DISTRICT_IDS: Record<number, string> = {
  510502: 'district-jiangyang',
  510503: 'district-naxi',
  510504: 'district-longmatan',
  510521: 'district-luxian',
  510522: 'district-hejiang',
  510524: 'district-xuyong',
  510525: 'district-gulin',
};

function buildFeatures(shapes: BuiltShapes): Record<string, ZoneFeature[]> {
  const { FOUNDING_ARTICLE, CHINA_DAILY, OUR_LAYOUT } = sources;
  const wingSplitZh = `两翼面积无公开数据:本项目将 202 − 4.62 = 197.38 km² 平分给两翼(各 ${layout.WING_AREA_KM2.toFixed(2)} km²),形状为示意。`;
  const wingSplitEn = `No source gives the wings' sizes: this project split 202 − 4.62 = 197.38 km² equally (${layout.WING_AREA_KM2.toFixed(2)} km² each); the shape is schematic.`;

  const districts: ZoneFeature[] = shapes.districts.features.map((district) =>
    zoneFeature(district.geometry, {
      id: DISTRICT_IDS[district.properties.adcode] ?? `district-${district.properties.adcode}`,
      layer: 'districts',
      name_zh: district.properties.name,
      name_en: DISTRICT_NAMES_EN[district.properties.adcode] ?? String(district.properties.adcode),
      kind: 'district',
      source: sources.DATAV_SOURCE,
      confidence: 'high',
      adcode: district.properties.adcode,
    }),
  );

  const zone = [
    zoneFeature(shapes.zone, {
      id: 'zone-luzhou-hitech',
      layer: 'zone',
      name_zh: '泸州国家高新区',
      name_en: 'Luzhou National High-tech Zone',
      kind: 'zone',
      source: `${FOUNDING_ARTICLE}; outline = union of this dataset's core, wings and parks`,
      confidence: 'schematic',
      stated_area: 202,
      stated_area_unit: 'km2',
      stated_area_source: FOUNDING_ARTICLE,
      notes_zh:
        '规划总面积 202 km² 为公开数据;边界未公开,本轮廓是一核、两翼及各园区示意形状的并集,面积按 202 km² 配置。',
      notes_en:
        'The 202 km² total is published; the boundary is not. This outline is the union of the schematic core, wings and parks, sized to 202 km².',
    }),
  ];

  const wings = [
    zoneFeature(shapes.jiangyangWing, {
      id: 'wing-jiangyang',
      layer: 'wings',
      name_zh: '江阳片区',
      name_en: 'Jiangyang wing',
      kind: 'wing',
      source: `${CHINA_DAILY}; 碧桂园生态城 (茜草街道酒谷大道三段) and 蓝光水岸公园 addresses`,
      confidence: 'schematic',
      notes_zh: `长江南岸、沿酒谷大道的新城,自沙茜半岛向东;限定在江阳区内并让出长江水面。${wingSplitZh}`,
      notes_en: `The new town on the Yangtze's south bank along 酒谷大道, from the 沙茜 peninsula east; kept inside 江阳区 and off the river. ${wingSplitEn}`,
    }),
    zoneFeature(shapes.luxianWing, {
      id: 'wing-luxian',
      layer: 'wings',
      name_zh: '泸县片区',
      name_en: 'Lu County wing',
      kind: 'wing',
      source: `${CHINA_DAILY}; ${sources.PHARMA_PARK_SOURCES}`,
      confidence: 'schematic',
      notes_zh: `围绕福集城西的医药产业园,限定在泸县境内。${wingSplitZh}`,
      notes_en: `Around the pharmaceutical park west of 福集, kept inside 泸县. ${wingSplitEn}`,
    }),
  ];

  const core = [
    zoneFeature(shapes.core, {
      id: 'core-longmatan',
      layer: 'core',
      name_zh: '一核',
      name_en: 'Core area (Longmatan)',
      kind: 'core',
      source: CHINA_DAILY,
      confidence: 'schematic',
      stated_area: 4.62,
      stated_area_unit: 'km2',
      stated_area_source: CHINA_DAILY,
      notes_zh:
        '龙马潭核心区。4.62 km² 为国务院批复的核心区面积(原泸州经济开发区用地,位于龙马潭区);具体位置未查到,此处为龙马潭区内长江以北、沱江以东的示意位置。',
      notes_en:
        'The 4.62 km² State-Council-approved key area (former 泸州经济开发区 land in 龙马潭区). Its site was not found: this is a schematic placement in 龙马潭区 north of the Yangtze and east of the Tuo.',
    }),
  ];

  const chosenSize = (km2: number) => ({
    zh: `面积未公开,本项目取 ${km2} km² 作示意。`,
    en: `No size is published; this project drew ${km2} km² as a placeholder.`,
  });
  const parks = [
    zoneFeature(shapes.parks.pharmaceutical, {
      id: 'park-pharmaceutical',
      layer: 'parks',
      name_zh: '泸州医药产业园区',
      name_en: 'Luzhou Pharmaceutical Industrial Park',
      kind: 'industrial-park',
      source: sources.PHARMA_PARK_SOURCES,
      confidence: 'low',
      stated_area: 21.3,
      stated_area_unit: 'km2',
      stated_area_source: sources.PHARMA_PARK_SOURCES,
      notes_zh: '2013 年设立,位于泸县城西;面积为公开规划面积,位置与形状为估计(在福集以西,可能偏差 ±2 km)。',
      notes_en:
        'Established 2013, west of the 泸县 seat (城西). The area is the published planned area; position and shape are estimates west of 福集 (±2 km).',
    }),
    zoneFeature(shapes.parks.newEnergy, {
      id: 'park-new-energy-materials',
      layer: 'parks',
      name_zh: '新能源新材料产业园',
      name_en: 'New Energy and New Materials Park',
      kind: 'industrial-park',
      source: `${CHINA_DAILY}; ${sources.PLAN_2016}`,
      confidence: 'schematic',
      notes_zh: `园区名称见公开资料,位置未知:示意放在泸县片区。${chosenSize(layout.CHOSEN_PARK_AREA_KM2.newEnergyMaterials).zh}`,
      notes_en: `Named in public sources; position unknown, placed schematically in the 泸县 wing. ${chosenSize(layout.CHOSEN_PARK_AREA_KM2.newEnergyMaterials).en}`,
    }),
    zoneFeature(shapes.parks.chinaElectronics, {
      id: 'park-china-electronics',
      layer: 'parks',
      name_zh: '中国电子(泸州)产业园',
      name_en: 'China Electronics (Luzhou) Industrial Park',
      kind: 'industrial-park',
      source: FOUNDING_ARTICLE,
      confidence: 'schematic',
      stated_area: 4500,
      stated_area_unit: 'mu',
      stated_area_source: sources.CHINA_ELECTRONICS_AREA_SOURCE,
      notes_zh: '投资 200 亿元的电子信息园区;约 4500 亩为近似数;位置为猜测(江阳片区东南)。',
      notes_en:
        'The 20-billion-yuan electronics park; "about 4500 亩" is approximate; the position is a guess (south-east of the 江阳 wing).',
    }),
    zoneFeature(shapes.parks.bigData, {
      id: 'park-big-data',
      layer: 'parks',
      name_zh: '大数据产业园',
      name_en: 'Big Data Park',
      kind: 'industrial-park',
      source: `${CHINA_DAILY}; ${FOUNDING_ARTICLE}`,
      confidence: 'schematic',
      stated_area: 1000,
      stated_area_unit: 'mu',
      stated_area_source: sources.BIG_DATA_AREA_SOURCE,
      notes_zh:
        '园区内有华为(四川)大数据中心(单独以点绘出)。规划不少于 1000 亩:此处按下限 1000 亩绘制;位置为猜测,围绕华为大数据中心的估计位置。',
      notes_en:
        'The park that holds the Huawei (Sichuan) Big Data Centre (drawn as its own point). Planned at 1000 亩 or more: drawn at the 1000 亩 minimum; the position is a guess around the estimated site of the Huawei data centre.',
    }),
    zoneFeature(shapes.parks.intelligentTerminal, {
      id: 'park-intelligent-terminal',
      layer: 'parks',
      name_zh: '智能终端产业园',
      name_en: 'Intelligent Terminal Industrial Park',
      kind: 'industrial-park',
      source: `${FOUNDING_ARTICLE}; ${CHINA_DAILY}`,
      confidence: 'schematic',
      notes_zh: `液晶屏生产线所在园区;China Daily 所列“智能制造”园区,本项目认为即此园(我们的对应,未经证实)。位置为猜测。${chosenSize(layout.CHOSEN_PARK_AREA_KM2.intelligentTerminal).zh}`,
      notes_en: `Home of the LCD lines; taken by this project to be China Daily's "intelligent manufacturing park" (our identification, unconfirmed). The position is a guess. ${chosenSize(layout.CHOSEN_PARK_AREA_KM2.intelligentTerminal).en}`,
    }),
    zoneFeature(shapes.parks.machinery, {
      id: 'park-machinery-equipment',
      layer: 'parks',
      name_zh: '高端装备制造产业园',
      name_en: 'Machinery and Equipment Park',
      kind: 'industrial-park',
      source: `${CHINA_DAILY}; ${sources.PLAN_2016}`,
      confidence: 'schematic',
      notes_zh: `含宁波乐惠酿酒装备、武汉长液液压等项目;位置未知,示意放在江阳片区东部。${chosenSize(layout.CHOSEN_PARK_AREA_KM2.machineryEquipment).zh}`,
      notes_en: `Liquor-equipment (宁波乐惠) and hydraulics (武汉长液) bases; position unknown, placed schematically in the east of the 江阳 wing. ${chosenSize(layout.CHOSEN_PARK_AREA_KM2.machineryEquipment).en}`,
    }),
  ];

  const areas = [
    zoneFeature(shapes.areas.lakeLiving, {
      id: 'area-yuzixi-lake-living',
      layer: 'areas',
      name_zh: '渔子溪湖区高品质生活区',
      name_en: 'Yuzixi lake living area',
      kind: 'planning-area',
      source: FOUNDING_ARTICLE,
      confidence: 'schematic',
      stated_area: 10,
      stated_area_unit: 'km2',
      stated_area_source: FOUNDING_ARTICLE,
      notes_zh: '围绕渔子溪的 10 km² 生活区;范围为示意,避开园区用地,中心按渔子溪估计位置(±2 km)。',
      notes_en:
        'The 10 km² living area around the 渔子溪 lake; the extent is schematic, kept off park land, centred on the estimated lake position (±2 km).',
    }),
    zoneFeature(shapes.areas.industryEducation, {
      id: 'area-industry-education',
      layer: 'areas',
      name_zh: '产教融合示范区',
      name_en: 'Industry–Education Integration Demonstration Area',
      kind: 'planning-area',
      source: FOUNDING_ARTICLE,
      confidence: 'schematic',
      stated_area: 300,
      stated_area_unit: 'mu',
      stated_area_source: FOUNDING_ARTICLE,
      notes_zh: '面积 300 亩为公开数据;位置为猜测。',
      notes_en: 'The 300 亩 is published; the position is a guess.',
    }),
  ];

  const green = [
    zoneFeature(shapes.green.wetland, {
      id: 'green-yuzixi-wetland-park',
      layer: 'green',
      name_zh: '渔子溪生态湿地公园',
      name_en: 'Yuzixi Ecological Wetland Park',
      kind: 'wetland-park',
      source: `${FOUNDING_ARTICLE}; ${sources.YUZIXI_LISTING}`,
      confidence: 'low',
      stated_area: 1800,
      stated_area_unit: 'mu',
      stated_area_source: FOUNDING_ARTICLE,
      notes_zh: '湖面约 300 亩、滨水绿地约 1300 亩、道路 200 亩;位置为估计(±2 km),形状为示意。',
      notes_en: 'Lake ≈300 亩, waterside green ≈1300 亩, roads 200 亩; position estimated (±2 km), shape schematic.',
    }),
    zoneFeature(shapes.green.zhangba, {
      id: 'green-zhangba-longan-forest',
      layer: 'green',
      name_zh: '张坝桂圆林',
      name_en: 'Zhangba Longan Forest',
      kind: 'scenic-area',
      source: `${FOUNDING_ARTICLE}; ${sources.ZHANGBA_ENCYCLOPEDIA}`,
      confidence: 'low',
      stated_area: 4500,
      stated_area_unit: 'mu',
      stated_area_source: FOUNDING_ARTICLE,
      notes_zh: '4A 景区,核心桂圆林 2400 亩;位于沙茜以东的长江南岸、酒谷大道以北;沿岸线绘制的示意形状(±1.5 km)。',
      notes_en:
        '4A scenic area, core longan forest 2400 亩; on the Yangtze south bank east of 沙茜, north of 酒谷大道; a schematic shape along the bank (±1.5 km).',
    }),
    zoneFeature(shapes.green.yangqiao, {
      id: 'green-yangqiao-lake-park',
      layer: 'green',
      name_zh: '杨桥湖生态公园',
      name_en: 'Yangqiao Lake Ecological Park',
      kind: 'ecological-park',
      source: `${FOUNDING_ARTICLE}; position: ${OUR_LAYOUT}`,
      confidence: 'schematic',
      position_unknown: true,
      stated_area: 2000,
      stated_area_unit: 'mu',
      stated_area_source: FOUNDING_ARTICLE,
      notes_zh:
        '位置未知:创建文章只列出它是高新区的公园(2000 亩),未给地址。为能显示其面积,本项目把 2000 亩示意摆放在江阳片区东部(约 105.548, 28.862),因为文章所列其他绿地都在江阳片区且那里有不占园区的空地;这不是它的实际位置。因此各片区的绿地率不计入它,只有全区绿地率计入。',
      notes_en:
        "Position unknown: the founding article lists it as one of the zone's parks (2000 亩) but gives no address. So its size can be shown, this project placed the 2000 亩 schematically in the east of the 江阳 wing (about 105.548, 28.862), because the article's other green spaces all lie in that wing and it has free land off the parks; this is not its real site. It is therefore left out of every wing's and the core's green-space ratio, and counted only zone-wide.",
    }),
    zoneFeature(shapes.green.taianBelt, {
      id: 'green-taian-riverside-belt',
      layer: 'green',
      name_zh: '泰安滨江绿化带',
      name_en: "Tai'an Riverside Green Belt",
      kind: 'green-belt',
      source: FOUNDING_ARTICLE,
      confidence: 'schematic',
      stated_area: 800,
      stated_area_unit: 'mu',
      stated_area_source: FOUNDING_ARTICLE,
      notes_zh: '沿长江南岸的带状绿地,位置为猜测;宽度按 800 亩面积反算。',
      notes_en:
        'A band along the Yangtze south bank; the position is a guess and its width was solved from the 800 亩.',
    }),
  ];

  const POSITION_ESTIMATES =
    'estimated from addresses and the river course in the project facts (zone-facts.md §3), not surveyed';
  const guessZh = '位置为猜测(误差可能超过 1 km)。';
  const guessEn = 'Position is a guess (error may exceed 1 km).';
  const estimateZh = '位置由地址推断,误差约 ±2 km。';
  const estimateEn = 'Position reasoned from addresses, error about ±2 km.';
  const place = (
    id: string,
    position: Position,
    nameZh: string,
    nameEn: string,
    kind: string,
    confidence: 'low' | 'schematic',
    source: string,
  ): ZoneFeature =>
    zoneFeature(point(position), {
      id,
      layer: 'places',
      name_zh: nameZh,
      name_en: nameEn,
      kind,
      confidence,
      // The outlet names the place; where it stands is our estimate, and the citation must say so.
      source: `${source}; position: ${POSITION_ESTIMATES}`,
      notes_zh: confidence === 'low' ? estimateZh : guessZh,
      notes_en: confidence === 'low' ? estimateEn : guessEn,
    });
  const places = [
    place(
      'place-innovation-centre',
      [105.5, 28.86],
      '众创中心',
      'Innovation and Entrepreneurship Centre',
      'innovation-centre',
      'low',
      `${FOUNDING_ARTICLE}; ${sources.YUZIXI_LISTING}`,
    ),
    place(
      'place-aegean-mall',
      [105.496, 28.863],
      '爱琴海购物公园',
      'Aegean Shopping Park',
      'shopping-centre',
      'low',
      FOUNDING_ARTICLE,
    ),
    place(
      'place-peoples-hospital-shaxi',
      [105.457, 28.879],
      '泸州市人民医院(沙茜院区)',
      "Luzhou People's Hospital (Shaxi campus)",
      'hospital',
      'low',
      `${FOUNDING_ARTICLE}; local news (main campus = 沙茜院区)`,
    ),
    place(
      'place-tianfu-no2-school',
      [105.493, 28.867],
      '泸州天府二中',
      'Luzhou Tianfu No. 2 Middle School',
      'school',
      'schematic',
      FOUNDING_ARTICLE,
    ),
    place(
      'place-zitong-road-school',
      [105.497, 28.855],
      '梓潼路学校',
      'Zitong Road School',
      'school',
      'schematic',
      FOUNDING_ARTICLE,
    ),
    place(
      'place-huawei-big-data-centre',
      [105.519, 28.856],
      '华为(四川)大数据中心',
      'Huawei (Sichuan) Big Data Centre',
      'data-centre',
      'schematic',
      FOUNDING_ARTICLE,
    ),
    place(
      'place-great-wall-base',
      [105.525, 28.845],
      '中国长城(泸州)创新制造基地',
      'Great Wall (Luzhou) Innovation Manufacturing Base',
      'factory',
      'schematic',
      FOUNDING_ARTICLE,
    ),
    place(
      'place-digital-economy-port',
      [105.502, 28.856],
      '中国电子(泸州)数字经济产业港',
      'China Electronics (Luzhou) Digital Economy Port',
      'industrial-park',
      'schematic',
      FOUNDING_ARTICLE,
    ),
    place(
      'place-country-garden-eco-city',
      [105.509, 28.853],
      '碧桂园生态城',
      'Country Garden Eco-City',
      'residential',
      'low',
      `${FOUNDING_ARTICLE}; address 茜草街道酒谷大道三段`,
    ),
    place(
      'place-languang-waterfront',
      [105.504, 28.862],
      '蓝光水岸公园',
      'Languang Waterfront Park (housing)',
      'residential',
      'low',
      'Property listing: address "渔子溪生态公园旁"',
    ),
  ];

  return { districts, zone, wings, core, parks, areas, green, places };
}
