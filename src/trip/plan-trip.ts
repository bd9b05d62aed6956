/**
 * Turns a trip (place ids, start, choices) and the dataset's visit places into what the planner
 * shows: the stops in order with their points, the legs, the schedule and the day's totals; and
 * reorders a trip's places into the shortest order.
 *
 * @example
 * const plan = planTrip(trip, visitPlaces(dataset).places, browserLocation);
 * plan.schedule.end.clock; plan.totals.routeDistanceMetres
 * const shorter = optimiseTrip(trip, places, browserLocation).trip;
 */
import type { LocalizedText } from '../data/dataset-types.ts';
import { distanceMatrix, type LonLat } from './distance.ts';
import { optimiseOrder } from './optimise-order.ts';
import { buildSchedule, type Schedule } from './schedule.ts';
import { tripLegs, type TripLeg } from './trip-legs.ts';
import { CUSTOM_STOP_VISIT_MINUTES, type TripState } from './trip-state.ts';
import { isTransportHub, type PlaceCategory, type VisitPlace } from './visit-places.ts';

/** Id of the stop that stands for a start position that is not a place. */
export const START_POSITION_ID = '@start';

export interface PlannedStop {
  id: string;
  nameZh: string;
  nameEn: string;
  point: LonLat;
  approximate: boolean;
  /** Placed only schematically in the dataset: navigate by name, not by this point. */
  positionIsSchematic: boolean;
  /** Set for places; absent for a start position. */
  category?: PlaceCategory;
  visitMinutes: number;
  /** True unless the visitor set the duration. */
  visitMinutesIsEstimate: boolean;
  /** A point from the visitor's own file: its name and position are the file's, not the dataset's. */
  fromFile?: true;
}

export interface TripPlan {
  stops: PlannedStop[];
  legs: TripLeg[];
  schedule: Schedule;
  roundTrip: boolean;
  mode: TripState['mode'];
  totals: {
    straightDistanceMetres: number;
    /** Straight distance × the detour factor: an estimate. */
    routeDistanceMetres: number;
  };
  /** Things the user should know: places no longer found, a start that could not be used. */
  notices: LocalizedText[];
}

function resolveStops(state: TripState, places: readonly VisitPlace[], here: LonLat | null | undefined) {
  const byId = new Map(places.map((place) => [place.id, place]));
  const notices: LocalizedText[] = [];
  const stops: PlannedStop[] = [];
  let startIsPosition = false;
  if (state.start.kind === 'here' && here) {
    stops.push({
      id: START_POSITION_ID,
      nameZh: '我的位置',
      nameEn: 'My location',
      point: here,
      approximate: false,
      positionIsSchematic: false,
      visitMinutes: 0,
      visitMinutesIsEstimate: false,
    });
    startIsPosition = true;
  } else if (state.start.kind === 'here') {
    notices.push({
      zh: '未获得当前位置，行程从第一个地点出发。',
      en: 'Your location is not available; the trip starts at its first place.',
    });
  } else if (state.start.kind === 'point') {
    stops.push({
      id: START_POSITION_ID,
      nameZh: '起点',
      nameEn: 'Start',
      point: state.start.point,
      approximate: false,
      positionIsSchematic: false,
      visitMinutes: 0,
      visitMinutesIsEstimate: false,
    });
    startIsPosition = true;
  }
  for (const choice of state.stops) {
    if (choice.custom) {
      stops.push({
        id: choice.id,
        nameZh: choice.custom.name,
        nameEn: choice.custom.name,
        point: choice.custom.point,
        // The file's position is used as given; how good it is, only the file's maker knows.
        approximate: false,
        positionIsSchematic: false,
        visitMinutes: choice.visitMinutes ?? CUSTOM_STOP_VISIT_MINUTES,
        visitMinutesIsEstimate: choice.visitMinutes === undefined,
        fromFile: true,
      });
      continue;
    }
    const place = byId.get(choice.id);
    if (!place) {
      notices.push({
        zh: `地点“${choice.id}”不在数据中，已跳过。`,
        en: `The place "${choice.id}" is not in the data and was skipped.`,
      });
      continue;
    }
    stops.push({
      id: place.id,
      nameZh: place.nameZh,
      nameEn: place.nameEn,
      point: place.point,
      approximate: place.approximate,
      positionIsSchematic: place.positionIsSchematic,
      category: place.category,
      visitMinutes: choice.visitMinutes ?? place.visitMinutes,
      visitMinutesIsEstimate: choice.visitMinutes === undefined,
    });
  }
  return { stops, notices, startIsPosition };
}

export function planTrip(state: TripState, places: readonly VisitPlace[], here?: LonLat | null): TripPlan {
  const { stops, notices } = resolveStops(state, places, here);
  const legs = tripLegs(
    stops.map((stop) => stop.point),
    { roundTrip: state.roundTrip },
  );
  const schedule = buildSchedule({
    startMinute: state.startMinute,
    visitMinutes: stops.map((stop) => stop.visitMinutes),
    legSeconds: legs.map((leg) => leg.estimates[state.mode].durationSeconds),
  });
  return {
    stops,
    legs,
    schedule,
    roundTrip: state.roundTrip,
    mode: state.mode,
    totals: {
      straightDistanceMetres: legs.reduce((sum, leg) => sum + leg.straightDistanceMetres, 0),
      routeDistanceMetres: legs.reduce((sum, leg) => sum + leg.estimates[state.mode].routeDistanceMetres, 0),
    },
    notices,
  };
}

/**
 * The same trip with its places in the shortest order from its start. Every mode scales straight
 * distance by the same detour factor, so one order is shortest for all of them. Places missing
 * from `places` are kept, at the end, for `planTrip` to report.
 */
export function optimiseTrip(
  state: TripState,
  places: readonly VisitPlace[],
  here?: LonLat | null,
): { trip: TripState; method: 'exact' | 'heuristic' | 'unchanged' } {
  // A station or airport the trip starts or ends at stays there ("arrive at 泸州东站"): the order
  // of the places between is optimised, from the fixed start, and the end is appended again.
  const byId = new Map(places.map((place) => [place.id, place]));
  const isHub = (choice: TripState['stops'][number] | undefined) => {
    const place = choice ? byId.get(choice.id) : undefined;
    return place !== undefined && isTransportHub(place);
  };
  const last = state.stops.at(-1);
  if (!state.roundTrip && state.stops.length >= 2 && isHub(last)) {
    const inner = optimiseTrip({ ...state, stops: state.stops.slice(0, -1) }, places, here);
    return { trip: { ...inner.trip, stops: [...inner.trip.stops, last!] }, method: inner.method };
  }
  const { stops, startIsPosition: startIsFixedPosition } = resolveStops(state, places, here);
  const startIsPosition = startIsFixedPosition || (state.start.kind === 'first-stop' && isHub(state.stops[0]));
  const placeStops = startIsPosition ? stops.slice(1) : stops;
  if (placeStops.length < (startIsPosition ? 2 : 3)) return { trip: state, method: 'unchanged' };
  const result = optimiseOrder(distanceMatrix(stops.map((stop) => stop.point)), { roundTrip: state.roundTrip });
  const startHub = startIsPosition && !startIsFixedPosition ? [stops[0]!.id] : [];
  const orderedIds = [
    ...startHub,
    ...result.order.filter((index) => !(startIsPosition && index === 0)).map((index) => stops[index]!.id),
  ];
  const choiceById = new Map(state.stops.map((choice) => [choice.id, choice]));
  const known = new Set(orderedIds);
  const reordered = [
    ...orderedIds.map((id) => choiceById.get(id)!),
    ...state.stops.filter((choice) => !known.has(choice.id)),
  ];
  return { trip: { ...state, stops: reordered }, method: result.method };
}
