/**
 * The real context layers built from `scripts/geodata/sources/`: the two rivers, each joined into
 * one line from the most accurate source per stretch, and the railway stations and airports.
 */
import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';
import type { Confidence, ZoneFeatureProperties } from '../../src/data/dataset-types.ts';
import { geodesicDistance } from '../../src/geo/length.ts';
import {
  type ContextSources,
  DATAV_MIDLINE_SOURCE,
  GSHHG_SOURCE,
  NATURAL_EARTH_SOURCE,
  OSM_RUNWAYS_SOURCE,
  OSM_STATIONS_SOURCE,
} from './context-sources.ts';
import { distanceToReference, type JoinedRiver, joinRiver, type RiverStretch } from './river-join.ts';

type ContextFeature = Feature<LineString | MultiLineString | Point, ZoneFeatureProperties & Record<string, unknown>>;

/**
 * A coarse line farther than this from where it must meet the DataV midline is not following the
 * same river there. GSHHG is "up to ≈ 1.9 km off through the old town" (sources README).
 */
export const MAXIMUM_JOIN_METRES = 2500;

export interface BuiltRivers {
  yangtze: JoinedRiver;
  tuo: JoinedRiver;
}

/** Per river: the DataV midline where it exists (best), then GSHHG, then Natural Earth as fallback. */
export function joinRivers(sources: ContextSources): BuiltRivers {
  const datav = (coordinates: Position[]) => ({
    key: 'datav',
    source: DATAV_MIDLINE_SOURCE,
    confidence: 'medium' as const,
    coordinates,
  });
  const gshhg = (coordinates: Position[]) => ({
    key: 'gshhg',
    source: GSHHG_SOURCE,
    confidence: 'low' as const,
    coordinates,
  });
  const naturalEarth = (coordinates: Position[]) => ({
    key: 'natural-earth',
    source: NATURAL_EARTH_SOURCE,
    confidence: 'low' as const,
    coordinates,
  });
  const yangtze = joinRiver({
    precise: [datav(sources.datav.yangtze)],
    coarse: [gshhg(sources.gshhg.yangtze), naturalEarth(sources.naturalEarth.yangtze)],
    extendUpstream: true,
    extendDownstream: true,
    maximumJoinMetres: MAXIMUM_JOIN_METRES,
  });
  // The Tuo ends where it meets the Yangtze: its DataV line ends on the Yangtze's first DataV vertex.
  const tuo = joinRiver({
    precise: [datav(sources.datav.tuo)],
    coarse: [gshhg(sources.gshhg.tuo), naturalEarth(sources.naturalEarth.tuo)],
    extendUpstream: true,
    extendDownstream: false,
    maximumJoinMetres: MAXIMUM_JOIN_METRES,
  });
  return { yangtze, tuo };
}

const SOURCE_NAMES: Record<string, { zh: string; en: string; accuracyZh: string; accuracyEn: string }> = {
  datav: {
    zh: 'DataV 区界中线(江阳区|龙马潭区共同边界,行政界线沿河道中线)',
    en: 'the DataV district-boundary midline (the 江阳|龙马潭 boundary runs mid-stream)',
    accuracyZh: '顶点间距约 500 m',
    accuracyEn: 'vertices about 500 m apart',
  },
  gshhg: {
    zh: 'GSHHG WDBII 河流中心线(约 1:300 万)',
    en: 'the GSHHG WDBII river centreline (about 1:3 000 000)',
    accuracyZh: '多数河段偏差数百米,老城一带可达约 1.9 km',
    accuracyEn: 'a few hundred metres off along most of it, up to about 1.9 km through the old town',
  },
  'natural-earth': {
    zh: 'Natural Earth 10m 河流中心线',
    en: 'the Natural Earth 10m river centreline',
    accuracyZh: '偏差可达约 2 km',
    accuracyEn: 'up to about 2 km off',
  },
};

const CONFIDENCE_ZH: Record<Confidence, string> = { high: '高', medium: '中', low: '低', schematic: '示意' };

const ROLE_TEXT: Record<RiverStretch['role'], { zh: string; en: string }> = {
  upstream: { zh: '上游段', en: 'upstream' },
  precise: { zh: '', en: '' },
  downstream: { zh: '下游段', en: 'downstream' },
};

/** The weakest stretch decides the river's confidence: the line as a whole is no better than it. */
function weakestConfidence(stretches: readonly RiverStretch[]): Confidence {
  const order: Confidence[] = ['schematic', 'low', 'medium', 'high'];
  return order.find((level) => stretches.some((stretch) => stretch.confidence === level)) ?? 'low';
}

function stretchNotes(river: JoinedRiver, preciseZh: string, preciseEn: string): { zh: string; en: string } {
  const zh = river.stretches.map((stretch, index) => {
    const name = SOURCE_NAMES[stretch.key]!;
    const where = stretch.role === 'precise' ? preciseZh : ROLE_TEXT[stretch.role].zh;
    return `${index + 1}. ${where} ${(stretch.lengthMetres / 1000).toFixed(1)} km:${name.zh},置信度${CONFIDENCE_ZH[stretch.confidence]},${name.accuracyZh}`;
  });
  const en = river.stretches.map((stretch, index) => {
    const name = SOURCE_NAMES[stretch.key]!;
    const where = stretch.role === 'precise' ? preciseEn : ROLE_TEXT[stretch.role].en;
    return `${index + 1}. ${where}, ${(stretch.lengthMetres / 1000).toFixed(1)} km: ${name.en}, confidence ${stretch.confidence}, ${name.accuracyEn}`;
  });
  return { zh: zh.join(';'), en: en.join('; ') };
}

/** `source` of a joined river: every stretch's citation, in order, with where it applies. */
function stretchSources(river: JoinedRiver, preciseEn: string): string {
  return river.stretches
    .map((stretch) => `${stretch.role === 'precise' ? preciseEn : ROLE_TEXT[stretch.role].en}: ${stretch.source}`)
    .join(' | ');
}

/**
 * A machine-readable breakdown beside the notes: per stretch, its source key, confidence and the
 * range of the line's vertices it covers (first and last index, inclusive).
 */
function stretchTable(river: JoinedRiver): string {
  let start = 0;
  const rows = river.stretches.map((stretch) => {
    const end = start + stretch.coordinates.length - 1;
    const row = {
      source: stretch.key,
      confidence: stretch.confidence,
      role: stretch.role,
      first_vertex: start,
      last_vertex: end,
      length_m: Math.round(stretch.lengthMetres),
    };
    start = end;
    return row;
  });
  return JSON.stringify(rows);
}

export function riverFeatures(rivers: BuiltRivers): ContextFeature[] {
  const common = 'Natural Earth 作交叉核对;GSHHG 缺失时用作后备。';
  const commonEn = 'Natural Earth is the cross-check, and the fallback where GSHHG is missing.';
  const yangtzeNotes = stretchNotes(rivers.yangtze, '沱江汇口以下', 'below the Tuo confluence');
  const tuoNotes = stretchNotes(rivers.tuo, '汇入长江前的下游段', 'lower reach down to the confluence');
  return [
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: rivers.tuo.coordinates },
      properties: {
        id: 'river-tuo',
        layer: 'river',
        name_zh: '沱江',
        name_en: 'Tuo River',
        kind: 'river',
        source: stretchSources(rivers.tuo, 'lower reach down to the confluence'),
        confidence: weakestConfidence(rivers.tuo.stretches),
        notes_zh: `河道中心线,按河段取最准确的来源:${tuoNotes.zh}。止于长江汇口,该点也是长江线上的一个顶点。${common}`,
        notes_en: `River centreline, each stretch from the most accurate source: ${tuoNotes.en}. It ends at the Yangtze confluence, which is also a vertex of the Yangtze line. ${commonEn}`,
        stretches: stretchTable(rivers.tuo),
      },
    },
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: rivers.yangtze.coordinates },
      properties: {
        id: 'river-yangtze',
        layer: 'river',
        name_zh: '长江',
        name_en: 'Yangtze River',
        kind: 'river',
        source: stretchSources(rivers.yangtze, 'below the Tuo confluence'),
        confidence: weakestConfidence(rivers.yangtze.stretches),
        notes_zh: `河道中心线,覆盖整个图幅,按河段取最准确的来源:${yangtzeNotes.zh}。${common}`,
        notes_en: `River centreline across the whole frame, each stretch from the most accurate source: ${yangtzeNotes.en}. ${commonEn}`,
        stretches: stretchTable(rivers.yangtze),
      },
    },
  ];
}

/** How far each stretch runs from Natural Earth (median, max metres): printed by the build as the cross-check. */
export function riverCrossCheck(
  rivers: BuiltRivers,
  sources: ContextSources,
): { river: string; stretch: string; medianMetres: number; maximumMetres: number }[] {
  return (['yangtze', 'tuo'] as const).flatMap((name) =>
    rivers[name].stretches.map((stretch) => ({
      river: name,
      stretch: `${stretch.role} (${stretch.key})`,
      ...distanceToReference(stretch.coordinates, sources.naturalEarth[name]),
    })),
  );
}

/** Stations by their OSM name: id, English name. The Chinese name adds 站. */
const STATION_NAMES: Readonly<Record<string, { id: string; en: string }>> = {
  泸州: { id: 'station-luzhou', en: 'Luzhou Station' },
  泸州东: { id: 'station-luzhou-east', en: 'Luzhou East Station' },
  泸州西: { id: 'station-luzhou-west', en: 'Luzhou West Station' },
  泸州港: { id: 'station-luzhou-port', en: 'Luzhou Port Station' },
  纳溪: { id: 'station-naxi', en: 'Naxi Station' },
  方山: { id: 'station-fangshan', en: 'Fangshan Station' },
  福集: { id: 'station-fuji', en: 'Fuji Station' },
  泸县: { id: 'station-luxian', en: 'Luxian Station' },
  双加: { id: 'station-shuangjia', en: 'Shuangjia Station' },
  天仙: { id: 'station-tianxian', en: 'Tianxian Station' },
  嘉明: { id: 'station-jiaming', en: 'Jiaming Station' },
  半边山: { id: 'station-banbianshan', en: 'Banbianshan Station' },
};

const midpoint = (positions: readonly Position[]): Position => {
  const longitudes = positions.map((position) => position[0]!);
  const latitudes = positions.map((position) => position[1]!);
  return [
    (Math.min(...longitudes) + Math.max(...longitudes)) / 2,
    (Math.min(...latitudes) + Math.max(...latitudes)) / 2,
  ];
};

/** The runway lines near 云龙 (north of the Yangtze, ≈ 29.03°N) and near 蓝田 (south bank, ≈ 28.85°N). */
function runwaysByAirport(runways: Position[][]): { yunlong: Position[][]; lantian: Position[][] } {
  const yunlong = runways.filter((line) => line.every((position) => position[1]! > 28.95));
  const lantian = runways.filter((line) => line.every((position) => position[1]! < 28.9));
  if (yunlong.length !== 1 || lantian.length < 1 || yunlong.length + lantian.length !== runways.length) {
    throw new Error(
      `runways: expected one at 云龙 (north of 28.95°N) and the rest at 蓝田 (south of 28.9°N), found ${yunlong.length} + ${lantian.length} of ${runways.length}`,
    );
  }
  // West to east, so the ids are stable whatever order the source lists them in.
  lantian.sort((first, second) => first[0]![0]! - second[0]![0]!);
  return { yunlong, lantian };
}

export function transportFeatures(sources: ContextSources): { points: ContextFeature[]; runways: ContextFeature[] } {
  const stationNotesZh = 'OpenStreetMap 测绘位置(误差约数米)。';
  const stationNotesEn = 'Surveyed OpenStreetMap position (metres).';
  const points: ContextFeature[] = sources.stations
    .map((station) => {
      const names = STATION_NAMES[station.name];
      if (!names) throw new Error(`railway station ${station.name}: no id and English name in STATION_NAMES`);
      return {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: station.position },
        properties: {
          id: names.id,
          layer: 'transport',
          name_zh: `${station.name}站`,
          name_en: names.en,
          kind: 'railway-station',
          source: OSM_STATIONS_SOURCE,
          confidence: 'high' as const,
          notes_zh: stationNotesZh,
          notes_en: stationNotesEn,
        },
      };
    })
    .sort((first, second) => first.properties.id.localeCompare(second.properties.id));

  const { yunlong, lantian } = runwaysByAirport(sources.runways);
  const runwayNotesZh = 'OpenStreetMap 测绘的跑道中心线。';
  const runwayNotesEn = 'Runway centreline surveyed in OpenStreetMap.';
  const lantianFormerZh = '已停用:泸州云龙机场启用后关闭,民航航班改在云龙机场起降。';
  const lantianFormerEn =
    'Former airport: closed when 泸州云龙机场 (Luzhou Yunlong Airport) opened; flights use Yunlong now.';
  points.push(
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: midpoint(yunlong.flat()) },
      properties: {
        id: 'airport-yunlong',
        layer: 'transport',
        name_zh: '泸州云龙机场',
        name_en: 'Luzhou Yunlong Airport',
        kind: 'airport',
        source: OSM_RUNWAYS_SOURCE,
        confidence: 'high',
        notes_zh: '泸州的民用机场。点位为 OpenStreetMap 跑道的中点,不是航站楼入口。',
        notes_en:
          "Luzhou's civil airport. The point is the midpoint of its OpenStreetMap runway, not the terminal entrance.",
      },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: midpoint(lantian.flat()) },
      properties: {
        id: 'airport-lantian-former',
        layer: 'transport',
        name_zh: '原泸州蓝田机场',
        name_en: 'Former Luzhou Lantian Airport',
        kind: 'former-airport',
        source: OSM_RUNWAYS_SOURCE,
        confidence: 'high',
        former: true,
        notes_zh: `${lantianFormerZh}点位为 OpenStreetMap 跑道的中点。`,
        notes_en: `${lantianFormerEn} The point is the midpoint of its OpenStreetMap runway.`,
      },
    },
  );

  const runways: ContextFeature[] = [
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: yunlong[0]! },
      properties: {
        id: 'runway-yunlong',
        layer: 'runways',
        name_zh: '泸州云龙机场跑道',
        name_en: 'Luzhou Yunlong Airport runway',
        kind: 'runway',
        source: OSM_RUNWAYS_SOURCE,
        confidence: 'high',
        notes_zh: runwayNotesZh,
        notes_en: runwayNotesEn,
        length_m: Math.round(geodesicDistance(yunlong[0]![0]!, yunlong[0]!.at(-1)!)),
      },
    },
    {
      type: 'Feature',
      // OpenStreetMap maps the one runway in pieces: one feature, so it is one thing to click and name.
      geometry:
        lantian.length === 1
          ? { type: 'LineString', coordinates: lantian[0]! }
          : { type: 'MultiLineString', coordinates: lantian },
      properties: {
        id: 'runway-lantian-former',
        layer: 'runways',
        name_zh: '原蓝田机场跑道',
        name_en: 'Former Lantian Airport runway',
        kind: 'former-runway',
        source: OSM_RUNWAYS_SOURCE,
        confidence: 'high',
        former: true,
        notes_zh: `${lantianFormerZh}${runwayNotesZh}OpenStreetMap 把这条跑道分成 ${lantian.length} 段。`,
        notes_en: `${lantianFormerEn} ${runwayNotesEn} OpenStreetMap maps it as ${lantian.length} pieces.`,
      },
    },
  ];
  return { points, runways };
}
