/** "Add to trip" in a feature's info panel, for features that are places a visitor can go to. */
import { messages } from '../../i18n/index.ts';
import { addToTrip, isVisitPlace, removeFromTrip, tripState } from '../../state/trip-store.ts';
import { MAXIMUM_TRIP_STOPS } from '../../trip/trip-state.ts';
import { TRIP_PANEL_HEADING_ID } from './trip-panel-anchor.ts';

/** The trip panel sits at the end of a long sidebar: bring it into view and give it the focus. */
function showTripPanel(): void {
  const heading = document.getElementById(TRIP_PANEL_HEADING_ID);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

export function AddToTripButton({ featureId }: { featureId: string }) {
  const text = messages.value.trip;
  const trip = tripState.value;
  if (!isVisitPlace(featureId)) return null;
  const inTrip = trip.stops.some((stop) => stop.id === featureId);
  const full = !inTrip && trip.stops.length >= MAXIMUM_TRIP_STOPS;
  return (
    <p class="add-to-trip">
      <button
        type="button"
        class="trip-button add-to-trip__button"
        aria-pressed={inTrip}
        disabled={full}
        onClick={() => (inTrip ? removeFromTrip(featureId) : addToTrip(featureId))}
      >
        {inTrip ? `✓ ${text.inTrip} · ${text.removeFromTrip}` : `+ ${text.addToTrip}`}
      </button>
      {inTrip ? (
        <button type="button" class="trip-button add-to-trip__show" onClick={showTripPanel}>
          {text.showTrip}
        </button>
      ) : null}
      {full ? <span class="muted small"> {text.tripFull}</span> : null}
    </p>
  );
}
