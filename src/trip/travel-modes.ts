/**
 * Travel modes and the assumptions behind every travel time the trip planner shows.
 *
 * The dataset has no road network, so a leg's time is estimated from its ellipsoidal (straight-line)
 * distance: route distance = straight distance × detour factor, time = route distance ÷ speed.
 * None of these numbers is measured; each is exported with a zh/en explanation so the UI can show
 * the assumption next to every estimate instead of presenting it as a routing result.
 *
 * @example
 * estimateLeg(1200, 'walking')
 * // { mode: 'walking', straightDistanceMetres: 1200, routeDistanceMetres: 1560, durationSeconds: 1248 }
 */
import type { LocalizedText } from '../data/dataset-types.ts';

export type TravelMode = 'walking' | 'cycling' | 'driving';

export const TRAVEL_MODES: readonly TravelMode[] = ['walking', 'cycling', 'driving'];

export interface TravelModeAssumption {
  mode: TravelMode;
  title: LocalizedText;
  /** Average moving speed, km/h, an assumption rather than a measurement. */
  speedKilometresPerHour: number;
  /** Route length ÷ straight-line length, an assumption: there is no road network to measure it on. */
  detourFactor: number;
  explanation: LocalizedText;
}

/** Applied to every mode alike so that the choice of mode changes only the speed, which a user can check. */
export const DETOUR_FACTOR = 1.3;

export const WALKING_SPEED_KILOMETRES_PER_HOUR = 4.5;
export const CYCLING_SPEED_KILOMETRES_PER_HOUR = 15;
export const DRIVING_SPEED_KILOMETRES_PER_HOUR = 30;

export const DETOUR_FACTOR_EXPLANATION: LocalizedText = {
  zh: `没有道路数据：路程按两点间椭球面直线距离乘以绕行系数 ${DETOUR_FACTOR} 估算，这是假设值，不是实测。实际路线可能更短或长得多（例如需绕行到桥梁过江）。`,
  en: `There is no road network: route length is estimated as the ellipsoidal straight-line distance × a detour factor of ${DETOUR_FACTOR}, an assumption, not a measurement. Real routes may be shorter or much longer (for example a detour to a bridge across the river).`,
};

export const TRAVEL_MODE_ASSUMPTIONS: Readonly<Record<TravelMode, TravelModeAssumption>> = {
  walking: {
    mode: 'walking',
    title: { zh: '步行', en: 'Walking' },
    speedKilometresPerHour: WALKING_SPEED_KILOMETRES_PER_HOUR,
    detourFactor: DETOUR_FACTOR,
    explanation: {
      zh: `步行按平均 ${WALKING_SPEED_KILOMETRES_PER_HOUR} km/h 估算（假设值），不含等红灯与休息。`,
      en: `Walking assumes an average ${WALKING_SPEED_KILOMETRES_PER_HOUR} km/h, without waits at crossings or rests.`,
    },
  },
  cycling: {
    mode: 'cycling',
    title: { zh: '骑行', en: 'Cycling' },
    speedKilometresPerHour: CYCLING_SPEED_KILOMETRES_PER_HOUR,
    detourFactor: DETOUR_FACTOR,
    explanation: {
      zh: `骑行按平均 ${CYCLING_SPEED_KILOMETRES_PER_HOUR} km/h 估算（假设值），不含取车、停车时间。`,
      en: `Cycling assumes an average ${CYCLING_SPEED_KILOMETRES_PER_HOUR} km/h, without time to fetch or park a bicycle.`,
    },
  },
  driving: {
    mode: 'driving',
    title: { zh: '驾车', en: 'Driving' },
    speedKilometresPerHour: DRIVING_SPEED_KILOMETRES_PER_HOUR,
    detourFactor: DETOUR_FACTOR,
    explanation: {
      zh: `驾车按城区平均 ${DRIVING_SPEED_KILOMETRES_PER_HOUR} km/h 估算（假设值），不含拥堵和停车时间。`,
      en: `Driving assumes an urban average of ${DRIVING_SPEED_KILOMETRES_PER_HOUR} km/h, without congestion or parking time.`,
    },
  },
};

export function isTravelMode(value: unknown): value is TravelMode {
  return typeof value === 'string' && (TRAVEL_MODES as readonly string[]).includes(value);
}

export interface LegEstimate {
  mode: TravelMode;
  straightDistanceMetres: number;
  routeDistanceMetres: number;
  durationSeconds: number;
}

/** Route length and travel time for one leg, from its straight-line length in metres. */
export function estimateLeg(straightDistanceMetres: number, mode: TravelMode): LegEstimate {
  const assumption = TRAVEL_MODE_ASSUMPTIONS[mode];
  const routeDistanceMetres = straightDistanceMetres * assumption.detourFactor;
  const metresPerSecond = (assumption.speedKilometresPerHour * 1000) / 3600;
  return {
    mode,
    straightDistanceMetres,
    routeDistanceMetres,
    durationSeconds: routeDistanceMetres / metresPerSecond,
  };
}
