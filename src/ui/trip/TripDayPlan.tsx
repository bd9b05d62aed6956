/**
 * The ordered day plan: each stop with arrival, stay and departure, and between stops the leg's
 * straight-line distance with the estimate for every travel mode. Rows reorder by drag and drop
 * or by the ↑ ↓ buttons (the keyboard route); each stop and the next leg link out to 高德 / 百度.
 * The printed plan opens with a map of the route and ends with the QR code of the trip's link, so
 * the paper shows the way and opens the trip on a phone.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { language, messages } from '../../i18n/index.ts';
import { moveStop, removeFromTrip, setVisitMinutes, tripPlan, tripState } from '../../state/trip-store.ts';
import { legLinks, placeLinks } from '../../trip/navigation-links.ts';
import { START_POSITION_ID, type PlannedStop } from '../../trip/plan-trip.ts';
import { formatTripTime } from '../../trip/schedule.ts';
import { TRAVEL_MODE_ASSUMPTIONS, TRAVEL_MODES } from '../../trip/travel-modes.ts';
import type { TripLeg } from '../../trip/trip-legs.ts';
import { MAXIMUM_VISIT_MINUTES, type TripState } from '../../trip/trip-state.ts';
import { encodeTrip } from '../../trip/trip-url-codec.ts';
import { searchWithTrip } from '../../state/trip-url.ts';
import { durationParts, formatDistance, placeName } from './trip-format.ts';
import { FILE_STOP_TEXT } from './file-stop-messages.ts';
import { TripRouteMap } from './TripRouteMap.tsx';

function isPlaceAt(stops: readonly PlannedStop[], order: number): boolean {
  return stops[order] !== undefined && stops[order].id !== START_POSITION_ID;
}

function Duration({ seconds }: { seconds: number }) {
  const { hours, minutes } = durationParts(seconds);
  return <>{messages.value.trip.hoursMinutes(hours, minutes)}</>;
}

function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <a class="external-link" href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function LegRow({ leg, stops }: { leg: TripLeg; stops: readonly PlannedStop[] }) {
  const text = messages.value.trip;
  const lang = language.value;
  const tag = messages.value.languageTag;
  const mode = tripPlan.value.mode;
  const from = stops[leg.fromIndex]!;
  const to = stops[leg.toIndex]!;
  // A schematic end has no position to navigate to: the links find it by name, as its own links do.
  const links = legLinks({
    from: { point: from.point, name: placeName(from, 'zh'), positionIsSchematic: from.positionIsSchematic },
    to: { point: to.point, name: placeName(to, 'zh'), positionIsSchematic: to.positionIsSchematic },
    mode,
  });
  return (
    <li class="trip-leg" data-from={from.id} data-to={to.id}>
      <span class="trip-leg__line" aria-hidden="true" />
      <div>
        {leg.toIndex === 0 ? <strong class="small">{text.returnLeg} · </strong> : null}
        <span class="trip-leg__distance">
          {text.straight} {formatDistance(leg.straightDistanceMetres, tag)} · {text.routeEstimate} ≈
          {formatDistance(leg.estimates[mode].routeDistanceMetres, tag)}
        </span>
        <ul class="trip-leg__modes">
          {TRAVEL_MODES.map((travelMode) => (
            <li key={travelMode} class={travelMode === mode ? 'is-current' : ''} data-mode={travelMode}>
              {TRAVEL_MODE_ASSUMPTIONS[travelMode].title[lang]} ≈
              <Duration seconds={leg.estimates[travelMode].durationSeconds} />
            </li>
          ))}
        </ul>
        <p class="trip-links no-print small">
          {text.nextLeg}: <ExternalLink href={links.amap}>{text.navigateAmap}</ExternalLink> ·{' '}
          <ExternalLink href={links.baidu}>{text.navigateBaidu}</ExternalLink>
          {links.by === 'name' ? <span class="muted"> ({text.searchByName})</span> : null}
        </p>
      </div>
    </li>
  );
}

function StopRow({
  stop,
  order,
  stateIndex,
  stopCount,
}: {
  stop: PlannedStop;
  order: number;
  stateIndex: number;
  stopCount: number;
}) {
  const text = messages.value.trip;
  const lang = language.value;
  const plan = tripPlan.value;
  const scheduled = plan.schedule.stops[order];
  // The first place is reached at the departure time itself; the schedule only times later arrivals.
  const arrival = scheduled?.arrival ?? (isPlaceAt(plan.stops, order) && order === 0 ? plan.schedule.start : undefined);
  const name = placeName(stop, lang);
  const isPlace = stop.id !== START_POSITION_ID;
  const links = isPlace
    ? placeLinks({ point: stop.point, name: placeName(stop, 'zh'), positionIsSchematic: stop.positionIsSchematic })
    : null;
  return (
    <li
      class="trip-stop"
      data-stop-id={stop.id}
      draggable={isPlace}
      onDragStart={(event) => {
        event.dataTransfer?.setData('text/plain', String(stateIndex));
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (isPlace) event.preventDefault();
      }}
      onDrop={(event) => {
        event.preventDefault();
        // The dragged row's index travels in the drag data, so a drop needs no shared state.
        const fromIndex = Number.parseInt(event.dataTransfer?.getData('text/plain') ?? '', 10);
        if (isPlace && Number.isInteger(fromIndex)) moveStop(fromIndex, stateIndex);
      }}
    >
      <span class="trip-stop__number" aria-hidden="true">
        {isPlace ? order + (plan.stops[0]?.id === START_POSITION_ID ? 0 : 1) : '◎'}
      </span>
      <div class="trip-stop__body">
        <div class="trip-stop__title">
          <strong class="trip-stop__name">
            {stop.approximate ? '≈' : ''}
            {name}
          </strong>
          {stop.positionIsSchematic ? (
            <span class="caveat small">{text.schematicPosition}</span>
          ) : stop.approximate ? (
            <span class="muted small">{text.approximatePosition}</span>
          ) : stop.fromFile ? (
            // Not this map's data: the name and position are the visitor's file's, unchecked.
            <span class="muted small trip-stop__from-file">{FILE_STOP_TEXT.fromFileBadge[language.value]}</span>
          ) : null}
        </div>
        <p class="trip-stop__times small">
          {arrival ? (
            <>
              {text.arrival} <time class="trip-stop__arrival">{formatTripTime(arrival)}</time>
              {' · '}
            </>
          ) : null}
          {text.departure}{' '}
          <time class="trip-stop__departure">{scheduled ? formatTripTime(scheduled.departure) : '–'}</time>
        </p>
        {isPlace ? (
          <p class="trip-stop__visit small">
            <label>
              <input
                type="number"
                min={0}
                max={MAXIMUM_VISIT_MINUTES}
                step={5}
                class="trip-stop__minutes"
                value={stop.visitMinutes}
                aria-label={text.visitMinutesLabel(name)}
                onChange={(event) => {
                  const value = Number(event.currentTarget.value);
                  // Out of range or not whole minutes: the trip keeps its value, and so does the box.
                  if (Number.isInteger(value) && value >= 0 && value <= MAXIMUM_VISIT_MINUTES)
                    setVisitMinutes(stop.id, value);
                  else event.currentTarget.value = String(stop.visitMinutes);
                }}
              />{' '}
              {text.minutesUnit} ({stop.visitMinutesIsEstimate ? text.minutesEstimate : text.minutesChosen})
            </label>
            {!stop.visitMinutesIsEstimate ? (
              <button type="button" class="text-button no-print" onClick={() => setVisitMinutes(stop.id, null)}>
                {text.resetMinutes}
              </button>
            ) : null}
          </p>
        ) : null}
        {links ? (
          <p class="trip-links no-print small">
            <ExternalLink href={links.amap}>{text.openAmap}</ExternalLink> ·{' '}
            <ExternalLink href={links.baidu}>{text.openBaidu}</ExternalLink>
            {links.by === 'name' ? <span class="muted"> ({text.searchByName})</span> : null}
          </p>
        ) : null}
      </div>
      {isPlace ? (
        <div class="trip-stop__actions no-print">
          <button
            type="button"
            class="icon-button"
            disabled={stateIndex === 0}
            aria-label={text.moveUp(name)}
            onClick={() => moveStop(stateIndex, stateIndex - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="icon-button"
            disabled={stateIndex === stopCount - 1}
            aria-label={text.moveDown(name)}
            onClick={() => moveStop(stateIndex, stateIndex + 1)}
          >
            ↓
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label={text.remove(name)}
            onClick={() => removeFromTrip(stop.id)}
          >
            ×
          </button>
        </div>
      ) : null}
    </li>
  );
}

const PRINT_QR_CAPTION = {
  zh: '用手机扫描二维码，打开这份行程。',
  en: 'Scan with a phone to open this trip.',
} as const;

/** The trip's own link: the page's address with this trip in `?trip=`, no open feature, no camera (it opens framed on the stops). */
function tripLink(trip: TripState): string {
  const url = new URL(window.location.href);
  url.hash = '';
  url.searchParams.delete('view');
  url.search = searchWithTrip(url.search, encodeTrip(trip));
  return url.href;
}

/** Shown only on paper (print stylesheet): the QR code of the trip's link. */
function TripLinkQrCode() {
  const trip = tripState.value;
  const canvas = useRef<HTMLCanvasElement>(null);
  const link = useMemo(() => tripLink(trip), [trip]);
  useEffect(() => {
    let current = true;
    import('../share/qr-canvas.ts')
      .then(({ drawQrCode }) => (current && canvas.current ? drawQrCode(canvas.current, link) : undefined))
      .catch((error: unknown) => console.warn('The trip QR code could not be drawn:', error));
    return () => {
      current = false;
    };
  }, [link]);
  const caption = PRINT_QR_CAPTION[language.value];
  return (
    <figure class="trip-print-only trip-print-qr" data-link={link}>
      <canvas ref={canvas} width={1} height={1} role="img" aria-label={caption} />
      <figcaption class="small">{caption}</figcaption>
    </figure>
  );
}

export function TripDayPlan() {
  const text = messages.value.trip;
  const plan = tripPlan.value;
  const stateStops = tripState.value.stops;
  const rows = [];
  for (let order = 0; order < plan.stops.length; order++) {
    const stop = plan.stops[order]!;
    const stateIndex = stateStops.findIndex((choice) => choice.id === stop.id);
    rows.push(
      <StopRow key={stop.id} stop={stop} order={order} stateIndex={stateIndex} stopCount={stateStops.length} />,
    );
    const leg = plan.legs.find((candidate) => candidate.fromIndex === order);
    if (leg) rows.push(<LegRow key={`leg-${order}`} leg={leg} stops={plan.stops} />);
  }
  return (
    <section class="trip-day-plan" aria-labelledby="trip-day-plan-heading">
      <h3 id="trip-day-plan-heading">{text.stopsHeading}</h3>
      <p class="muted small no-print">{text.reorderHint}</p>
      {plan.stops.length > 0 ? <TripRouteMap /> : null}
      <ol class="trip-stops">{rows}</ol>
      {plan.schedule.returnArrival ? (
        <p class="small trip-return">
          {text.returnLeg}
          {messages.value.colon}
          {text.arrival} <time>{formatTripTime(plan.schedule.returnArrival)}</time>
        </p>
      ) : null}
      {plan.stops.length > 0 ? <TripLinkQrCode /> : null}
    </section>
  );
}
