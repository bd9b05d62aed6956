/**
 * Take the trip away: GPX and GeoJSON as downloads made in the page (Blob + object URL, nothing is
 * sent anywhere) and the browser's print dialog, whose print stylesheet shows only the day plan.
 * The GPX's planned times are for today in 泸州 (the plan has clock times, no date of its own).
 */
import { useEffect, useMemo } from 'preact/hooks';
import { messages } from '../../i18n/index.ts';
import { tripGeoJson, tripPlan } from '../../state/trip-store.ts';
import { tripToGpx, zoneDateOf } from '../../trip/gpx.ts';
import { exportFileName } from './trip-format.ts';
import { ShareControl } from '../share/ShareControl.tsx';

export function TripExport() {
  const text = messages.value.trip;
  const plan = tripPlan.value;
  const geoJson = tripGeoJson.value;
  const appTitle = messages.value.appTitle;
  const urls = useMemo(
    () => ({
      gpx: URL.createObjectURL(
        new Blob([tripToGpx(plan, { name: `${appTitle} · ${text.heading}`, date: zoneDateOf(new Date()) })], {
          type: 'application/gpx+xml',
        }),
      ),
      geoJson: URL.createObjectURL(new Blob([JSON.stringify(geoJson, null, 1)], { type: 'application/geo+json' })),
    }),
    [plan, geoJson, appTitle, text.heading],
  );
  useEffect(
    () => () => {
      URL.revokeObjectURL(urls.gpx);
      URL.revokeObjectURL(urls.geoJson);
    },
    [urls],
  );
  const placeCount = plan.stops.length;
  return (
    <section class="trip-export no-print" aria-labelledby="trip-export-heading">
      <h3 id="trip-export-heading">{text.exportHeading}</h3>
      <p class="trip-export__actions">
        <a class="text-button" href={urls.gpx} download={exportFileName(placeCount, 'gpx')} data-export="gpx">
          {text.exportGpx}
        </a>
        <a
          class="text-button"
          href={urls.geoJson}
          download={exportFileName(placeCount, 'geojson')}
          data-export="geojson"
        >
          {text.exportGeoJson}
        </a>
        <button type="button" class="text-button" onClick={() => window.print()}>
          {text.print}
        </button>
      </p>
      <ShareControl subject="trip" />
      <p class="muted small">{text.shareNote}</p>
    </section>
  );
}
