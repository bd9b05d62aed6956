/** The list of places a visitor can add, grouped in dataset order, each with its category and an add button. */
import { language, messages } from '../../i18n/index.ts';
import { addToTrip, tripPlaces, tripState } from '../../state/trip-store.ts';
import { MAXIMUM_TRIP_STOPS } from '../../trip/trip-state.ts';
import { PLACE_CATEGORIES } from '../../trip/visit-places.ts';
import { placeName } from './trip-format.ts';

export function PlacePicker() {
  const text = messages.value.trip;
  const lang = language.value;
  const places = tripPlaces.value;
  const inTrip = new Set(tripState.value.stops.map((stop) => stop.id));
  const full = tripState.value.stops.length >= MAXIMUM_TRIP_STOPS;
  return (
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
  );
}
