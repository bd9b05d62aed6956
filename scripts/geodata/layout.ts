/**
 * Every placement and size this project chose, in one file, so a reviewer can see what is ours
 * and a planner can move a shape without reading the build. Positions are WGS84 [lon, lat];
 * the evidence behind each one is in /work/shared/zone-facts.md §3 and geodata/SOURCES.md.
 */
import type { Position } from 'geojson';

export interface EllipseSpec {
  center: Position;
  semiMajorKm: number;
  semiMinorKm: number;
  /** Major axis, counter-clockwise from east. */
  rotationDegrees: number;
}

/**
 * Layers a planner has replaced with authoritative files (ids from the manifest). The build leaves
 * those files alone instead of regenerating them; see geodata/SOURCES.md, "Replacing a layer".
 */
export const AUTHORITATIVE_LAYERS: readonly string[] = [];

/** The Yangtze–Tuo confluence (zone-facts §3, ±1 km): where the river line is split into its two rivers. */
export const CONFLUENCE: Position = [105.441, 28.895];

/**
 * Half-widths of the water kept free of land features. District lines run mid-stream; the Yangtze
 * below the confluence is roughly 600–800 m wide and the Tuo at Luzhou about 300 m, so land starts
 * about this far from the line.
 */
export const YANGTZE_HALF_WIDTH_KM = 0.35;
export const TUO_HALF_WIDTH_KM = 0.15;

/** 202 km² (stated) = core 4.62 km² (stated) + the two wings, whose split no source gives: we split the rest equally. */
export const ZONE_AREA_KM2 = 202;
export const CORE_AREA_KM2 = 4.62;
export const WING_AREA_KM2 = (ZONE_AREA_KM2 - CORE_AREA_KM2) / 2;

/**
 * 江阳 wing: south bank of the Yangtze from 沙茜 east past the 酒谷大道 new town. A hand-placed
 * outline (smoothed), scaled to its area about `anchor`, which sits near the 沙茜 end so the shape
 * grows east and south; `westLimitLongitude` is a backstop so it never jumps the Yangtze upstream
 * of the confluence (not in our river line) into the old town.
 */
export const JIANGYANG_WING = {
  anchor: [105.462, 28.875] as Position,
  westLimitLongitude: 105.45,
  eastLimitLongitude: 105.6,
  outline: [
    [105.452, 28.88],
    [105.458, 28.862],
    [105.475, 28.842],
    [105.495, 28.822],
    [105.52, 28.808],
    [105.548, 28.806],
    [105.572, 28.818],
    [105.585, 28.842],
    [105.58, 28.868],
    [105.565, 28.892],
    [105.54, 28.892],
    [105.51, 28.884],
    [105.49, 28.9],
    [105.478, 28.915],
    [105.46, 28.912],
    [105.452, 28.898],
  ] as Position[],
};

/** 泸县 wing: around the pharmaceutical park west of 福集 (zone-facts §3, low). */
export const LUXIAN_WING: EllipseSpec = {
  center: [105.362, 29.148],
  semiMajorKm: 6.3,
  semiMinorKm: 5.0,
  rotationDegrees: 0,
};

/** 一核: site unknown; placed in 龙马潭区 north of the Yangtze and east of the Tuo, near the old 经开区 land. */
export const CORE: EllipseSpec = { center: [105.47, 28.932], semiMajorKm: 1.45, semiMinorKm: 1.0, rotationDegrees: 20 };

export const PARKS = {
  /** Elongated north–south and nudged 0.4 km west of the facts' centre so it stays 城西, west of 福集 (105.3728). */
  pharmaceutical: { center: [105.348, 29.15], semiMajorKm: 3.39, semiMinorKm: 2.0, rotationDegrees: 90 },
  /** Position and size unknown: a 3 km² placeholder east of the pharmaceutical park, inside the 泸县 wing. */
  newEnergyMaterials: { center: [105.4, 29.128], semiMajorKm: 1.2, semiMinorKm: 0.8, rotationDegrees: 0 },
  chinaElectronics: { center: [105.527, 28.843], semiMajorKm: 1.2, semiMinorKm: 0.8, rotationDegrees: 15 },
  bigData: { center: [105.519, 28.857], semiMajorKm: 0.55, semiMinorKm: 0.38, rotationDegrees: 0 },
  /** Size unknown: a 0.85 km² placeholder around the facts' guess for 智能终端产业园. */
  intelligentTerminal: { center: [105.513, 28.852], semiMajorKm: 0.6, semiMinorKm: 0.45, rotationDegrees: 30 },
  /** Position and size unknown: a 3 km² placeholder in the east of the 江阳 wing. */
  machineryEquipment: { center: [105.556, 28.835], semiMajorKm: 1.2, semiMinorKm: 0.8, rotationDegrees: -10 },
} satisfies Record<string, EllipseSpec>;

/** Chosen sizes (km²) for parks with no stated figure. */
export const CHOSEN_PARK_AREA_KM2 = { newEnergyMaterials: 3, intelligentTerminal: 0.85, machineryEquipment: 3 };

export const AREAS = {
  yuzixiLakeLiving: { center: [105.5, 28.857], semiMajorKm: 2.0, semiMinorKm: 1.6, rotationDegrees: 0 },
  industryEducation: { center: [105.509, 28.846], semiMajorKm: 0.3, semiMinorKm: 0.21, rotationDegrees: 0 },
} satisfies Record<string, EllipseSpec>;

export const GREEN = {
  yuzixiWetland: { center: [105.501, 28.858], semiMajorKm: 0.7, semiMinorKm: 0.55, rotationDegrees: 20 },
  /** Long axis along the south bank between 沙茜 and the bend (bank bearing ≈ −58° from east). */
  zhangbaLongan: { center: [105.478, 28.897], semiMajorKm: 1.7, semiMinorKm: 0.6, rotationDegrees: -58 },
  /** Position unknown: a schematic placement inside the 江阳 wing, clearly marked. */
  yangqiaoLake: { center: [105.548, 28.862], semiMajorKm: 0.75, semiMinorKm: 0.57, rotationDegrees: 0 },
} satisfies Record<string, EllipseSpec>;

/** 泰安滨江绿化带: a band along the south bank of the Yangtze over this longitude range (facts guess 105.532, 28.875). */
export const TAIAN_BELT_LONGITUDES: [number, number] = [105.506, 105.544];
