/**
 * The visitors' trip planner in the sidebar: what a restored link lost, the places to add, the
 * trip's start, mode, round trip and departure time, the day plan, totals, the assumptions every
 * estimate rests on, and the ways to take the trip away.
 */
import { useState } from 'preact/hooks';
import { TRIP_PANEL_HEADING_ID } from './trip-panel-anchor.ts';
import type { LocalizedText } from '../../data/dataset-types.ts';
import { language, messages } from '../../i18n/index.ts';
import { mapStatus } from '../../state/app-state.ts';
import {
  clearTrip,
  dismissRestoreReport,
  lastOptimisation,
  locationRequest,
  optimiseCurrentTrip,
  requestTripFrame,
  setRoundTrip,
  setStartTime,
  setTravelMode,
  startAtFirstPlace,
  startAtPlace,
  startFromMyLocation,
  tripPlaces,
  tripPlan,
  tripRestoreReport,
  tripRestored,
  tripState,
} from '../../state/trip-store.ts';
import { formatTripTime } from '../../trip/schedule.ts';
import {
  DETOUR_FACTOR_EXPLANATION,
  TRAVEL_MODE_ASSUMPTIONS,
  TRAVEL_MODES,
  isTravelMode,
} from '../../trip/travel-modes.ts';
import { VISIT_DURATION_EXPLANATION } from '../../trip/visit-places.ts';
import { PlacePicker } from './PlacePicker.tsx';
import { TripDayPlan } from './TripDayPlan.tsx';
import { FILE_STOP_TEXT } from './file-stop-messages.ts';
import { TripExport } from './TripExport.tsx';
import { durationParts, formatDistance, placeName } from './trip-format.ts';

const HERE_OPTION = '@here';
const POINT_OPTION = '@point';

function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function RestoreReport() {
  const text = messages.value.trip;
  const lang = language.value;
  const report = tripRestoreReport.value;
  if (!report) return null;
  return (
    <div class="data-warning trip-restore-report" role="status">
      <p>{report.from === 'link' ? text.restoredFromLink : text.restoredFromStorage}</p>
      <ul>
        {report.problems.map((problem, index) => (
          <li key={index}>{problem.message[lang]}</li>
        ))}
      </ul>
      <button type="button" class="text-button" onClick={dismissRestoreReport}>
        {text.dismiss}
      </button>
    </div>
  );
}

function StartChooser() {
  const text = messages.value.trip;
  const lang = language.value;
  const trip = tripState.value;
  const places = new Map(tripPlaces.value.map((place) => [place.id, place]));
  const value =
    trip.start.kind === 'here' ? HERE_OPTION : trip.start.kind === 'point' ? POINT_OPTION : (trip.stops[0]?.id ?? '');
  const request = locationRequest.value;
  return (
    <p class="trip-field">
      <label>
        {text.startLabel}{' '}
        <select
          class="trip-start"
          value={value}
          onChange={(event) => {
            const chosen = event.currentTarget.value;
            if (chosen === HERE_OPTION) {
              // The start changes only once the browser answers; until then the select shows the current one.
              event.currentTarget.value = value;
              startFromMyLocation();
            } else if (chosen === POINT_OPTION) return;
            else startAtPlace(chosen);
          }}
        >
          {trip.stops.map((stop) => {
            const place = places.get(stop.id);
            return (
              <option key={stop.id} value={stop.id}>
                {place ? placeName(place, lang) : (stop.custom?.name ?? stop.id)}
              </option>
            );
          })}
          {trip.start.kind === 'point' ? <option value={POINT_OPTION}>{text.sharedStartPoint}</option> : null}
          <option value={HERE_OPTION}>{text.useMyLocation}</option>
        </select>
      </label>
      {trip.start.kind !== 'first-stop' ? (
        <button type="button" class="text-button" onClick={startAtFirstPlace}>
          {text.startAtFirstPlace}
        </button>
      ) : null}
      {request === 'asking' ? (
        <span class="muted small" role="status">
          {' '}
          {text.locationAsking}
        </span>
      ) : null}
      {request === 'denied' ? (
        <span class="caveat small" role="status">
          {text.locationDenied}
        </span>
      ) : null}
      {request === 'unsupported' ? (
        <span class="caveat small" role="status">
          {text.locationUnsupported}
        </span>
      ) : null}
    </p>
  );
}

function TripSettings() {
  const text = messages.value.trip;
  const lang = language.value;
  const trip = tripState.value;
  const [timeProblem, setTimeProblem] = useState<LocalizedText | null>(null);
  return (
    <div class="trip-settings no-print">
      <fieldset class="trip-modes">
        <legend>{text.modeLabel}</legend>
        {TRAVEL_MODES.map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="trip-mode"
              value={mode}
              checked={trip.mode === mode}
              onChange={(event) => {
                if (isTravelMode(event.currentTarget.value)) setTravelMode(event.currentTarget.value);
              }}
            />
            {TRAVEL_MODE_ASSUMPTIONS[mode].title[lang]}
          </label>
        ))}
      </fieldset>
      <p class="trip-field">
        <label>
          <input
            type="checkbox"
            class="trip-round-trip"
            checked={trip.roundTrip}
            onChange={(event) => setRoundTrip(event.currentTarget.checked)}
          />{' '}
          {text.roundTrip}
        </label>
      </p>
      <p class="trip-field">
        <label>
          {text.startTimeLabel}{' '}
          <input
            type="time"
            class="trip-start-time"
            value={clockText(trip.startMinute)}
            onChange={(event) => setTimeProblem(setStartTime(event.currentTarget.value))}
          />
        </label>
        {timeProblem ? (
          <span class="caveat small" role="status">
            {timeProblem[lang]}
          </span>
        ) : null}
      </p>
      <StartChooser />
      <p class="trip-field">
        <button
          type="button"
          class="text-button trip-optimise"
          disabled={trip.stops.length < 2}
          onClick={optimiseCurrentTrip}
        >
          {text.optimise}
        </button>{' '}
        <button type="button" class="text-button trip-clear" onClick={clearTrip}>
          {text.clear}
        </button>
        {mapStatus.value === 'ready' ? (
          <button type="button" class="text-button trip-frame" onClick={requestTripFrame}>
            {text.showOnMap}
          </button>
        ) : null}
      </p>
      {lastOptimisation.value ? (
        <p class="small trip-optimised" role="status">
          {text.optimised[lastOptimisation.value]}
        </p>
      ) : null}
    </div>
  );
}

function TripTotals() {
  const text = messages.value.trip;
  const tag = messages.value.languageTag;
  const plan = tripPlan.value;
  const travel = durationParts(plan.schedule.totals.travelSeconds);
  const visit = durationParts(plan.schedule.totals.visitMinutes * 60);
  return (
    <section class="trip-totals" aria-labelledby="trip-totals-heading">
      <h3 id="trip-totals-heading">{text.totalsHeading}</h3>
      <dl class="facts">
        <dt>{text.totalStraight}</dt>
        <dd class="trip-total-straight">{formatDistance(plan.totals.straightDistanceMetres, tag)}</dd>
        <dt>{text.totalRoute}</dt>
        <dd class="trip-total-route">≈{formatDistance(plan.totals.routeDistanceMetres, tag)}</dd>
        <dt>{text.totalTravel}</dt>
        <dd>≈{text.hoursMinutes(travel.hours, travel.minutes)}</dd>
        <dt>{text.totalVisit}</dt>
        <dd>≈{text.hoursMinutes(visit.hours, visit.minutes)}</dd>
        <dt>{text.dayEnds}</dt>
        <dd class="trip-day-end">
          {formatTripTime(plan.schedule.start)} → {formatTripTime(plan.schedule.end)}
        </dd>
      </dl>
    </section>
  );
}

function Assumptions() {
  const text = messages.value.trip;
  const lang = language.value;
  const mode = tripPlan.value.mode;
  return (
    <section class="trip-assumptions" aria-labelledby="trip-assumptions-heading">
      <h3 id="trip-assumptions-heading">{text.assumptionsHeading}</h3>
      <p class="trip-legend small">
        <span class="trip-legend__dash" aria-hidden="true" /> {text.legendStraightLine}
      </p>
      <ul class="small">
        <li>{DETOUR_FACTOR_EXPLANATION[lang]}</li>
        {/* Every mode's speed, not only the chosen one's: each leg shows all three estimates. */}
        {TRAVEL_MODES.map((travelMode) => (
          <li key={travelMode} class={travelMode === mode ? 'is-current' : ''}>
            {TRAVEL_MODE_ASSUMPTIONS[travelMode].explanation[lang]}
          </li>
        ))}
        <li>{VISIT_DURATION_EXPLANATION[lang]}</li>
      </ul>
    </section>
  );
}

/**
 * Which stops come from the visitor's own file: their confidence is the file's, so the day plan
 * says so rather than presenting them like the dataset's places.
 */
function FileStopsNote() {
  const lang = language.value;
  const fileStops = tripPlan.value.stops.filter((stop) => stop.fromFile);
  if (fileStops.length === 0) return null;
  return (
    <p class="small trip-file-stops">
      <span class="caveat">{FILE_STOP_TEXT.fromFileBadge[lang]}</span> {FILE_STOP_TEXT.fromFileNote[lang]}{' '}
      {fileStops.map((stop, index) => (
        <span key={stop.id} class="trip-file-stops__name" data-stop-id={stop.id}>
          {index > 0 ? '、' : ''}
          {stop.nameZh}
        </span>
      ))}
    </p>
  );
}

export function TripPanel() {
  const text = messages.value.trip;
  const lang = language.value;
  const plan = tripPlan.value;
  const hasStops = tripState.value.stops.length > 0;
  return (
    <section
      class="panel trip-panel"
      aria-labelledby={TRIP_PANEL_HEADING_ID}
      data-trip-restored={tripRestored.value ? 'true' : 'false'}
    >
      <h2 id={TRIP_PANEL_HEADING_ID} tabIndex={-1}>
        {text.heading}
      </h2>
      <p class="muted small no-print">{text.intro}</p>
      <RestoreReport />
      <PlacePicker />
      {hasStops ? (
        <>
          <p class="trip-print-only trip-print-summary">
            {text.startTimeLabel} {formatTripTime(plan.schedule.start)} ·{' '}
            {TRAVEL_MODE_ASSUMPTIONS[plan.mode].title[lang]}
            {plan.roundTrip ? ` · ${text.roundTrip}` : ''}
          </p>
          <TripSettings />
          {plan.notices.length > 0 ? (
            // The live region wraps the list: role="status" on the <ul> itself would orphan its items (axe: listitem).
            <div role="status" aria-label={text.planNotices}>
              <ul class="trip-notices small">
                {plan.notices.map((notice, index) => (
                  <li key={index}>{notice[lang]}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <FileStopsNote />
          <TripDayPlan />
          <TripTotals />
          <Assumptions />
          <TripExport />
        </>
      ) : (
        <p class="trip-empty">{text.empty}</p>
      )}
    </section>
  );
}
