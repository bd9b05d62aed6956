/**
 * The list of places a visitor can add, grouped in dataset order, each with its category and an add
 * button; then the stations and the airport, each offered as where the trip starts or ends.
 */
import { language, messages } from '../../i18n/index.ts';
import { addToTrip, moveStop, startAtPlace, tripPlaces, tripState } from '../../state/trip-store.ts';
import { MAXIMUM_TRIP_STOPS } from '../../trip/trip-state.ts';
import { isTransportHub, PLACE_CATEGORIES, type VisitPlace } from '../../trip/visit-places.ts';
import { placeName } from './trip-format.ts';

/** "Arrive at 泸州东站": the station becomes the first stop, and the trip starts there. */
function startAtHub(place: VisitPlace): void {
  addToTrip(place.id);
  startAtPlace(place.id);
}

/** "Leave from 泸州东站": the station becomes the last stop. */
function endAtHub(place: VisitPlace): void {
  addToTrip(place.id);
  const stops = tripState.peek().stops;
  const index = stops.findIndex((stop) => stop.id === place.id);
  if (index >= 0 && index !== stops.length - 1) moveStop(index, stops.length - 1);
}

export function PlacePicker() {
  const text = messages.value.trip;
  const lang = language.value;
  const places = tripPlaces.value.filter((place) => !isTransportHub(place));
  const hubs = tripPlaces.value.filter(isTransportHub);
  const stops = tripState.value.stops;
  const inTrip = new Set(stops.map((stop) => stop.id));
  const full = stops.length >= MAXIMUM_TRIP_STOPS;
  return (
    <>
      <details class="trip-places no-print">
        <summary>{text.placesHeading(places.length)}</summary>
        <ul class="trip-places__list">
          {places.map((place) => {
            const name = placeName(place, lang);
            return (
              <li key={place.id} data-place-id={place.id}>
                <span>
                  {place.approximate ? '≈' : ''}
                  {name}
                  <span class="muted small"> · {PLACE_CATEGORIES[place.category].title[lang]}</span>
                  {place.positionIsSchematic ? <span class="caveat small">{text.schematicPosition}</span> : null}
                </span>
                <button
                  type="button"
                  class="icon-button"
                  disabled={inTrip.has(place.id) || full}
                  aria-label={text.add(name)}
                  title={inTrip.has(place.id) ? text.inTrip : text.add(name)}
                  onClick={() => addToTrip(place.id)}
                >
                  {inTrip.has(place.id) ? '✓' : '+'}
                </button>
              </li>
            );
          })}
        </ul>
      </details>
      {hubs.length > 0 ? (
        <details class="trip-hubs no-print">
          <summary>{text.hubsHeading(hubs.length)}</summary>
          <ul class="trip-places__list">
            {hubs.map((place) => {
              const name = placeName(place, lang);
              const isStart = stops[0]?.id === place.id && tripState.value.start.kind === 'first-stop';
              const isEnd = stops.length > 1 && stops.at(-1)?.id === place.id;
              const cannotAdd = full && !inTrip.has(place.id);
              return (
                <li key={place.id} data-place-id={place.id}>
                  <span>{name}</span>
                  <span class="trip-hubs__actions">
                    <button
                      type="button"
                      class="text-button"
                      disabled={isStart || cannotAdd}
                      aria-label={text.startAtHub(name)}
                      onClick={() => startAtHub(place)}
                    >
                      {text.startHere}
                    </button>
                    <button
                      type="button"
                      class="text-button"
                      disabled={isEnd || cannotAdd}
                      aria-label={text.endAtHub(name)}
                      onClick={() => endAtHub(place)}
                    >
                      {text.endHere}
                    </button>
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      ) : null}
    </>
  );
}
