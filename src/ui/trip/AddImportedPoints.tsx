/**
 * Buttons that put points of an imported layer into the trip: one point from its feature panel, or
 * every point of the layer from its row. The features live in the import worker, so the caller
 * passes `load`, which reads the layer (as exported GeoJSON, WGS84) only when a button is pressed.
 */
import type { FeatureCollection } from 'geojson';
import { useState } from 'preact/hooks';
import type { LocalizedText } from '../../data/dataset-types.ts';
import { language } from '../../i18n/index.ts';
import { addFileStopsToTrip, removeFromTrip, tripState } from '../../state/trip-store.ts';
import { importedPointStop, importedPointStops } from '../../trip/imported-points.ts';
import { FILE_STOP_TEXT } from './file-stop-messages.ts';

export type LoadImportedLayer = () => Promise<FeatureCollection>;

function useStatus() {
  const [status, setStatus] = useState<LocalizedText[] | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<LocalizedText[]>) => {
    setBusy(true);
    try {
      setStatus(await work());
    } catch {
      setStatus([FILE_STOP_TEXT.readFailed]);
    } finally {
      setBusy(false);
    }
  };
  return { status, busy, run };
}

function Status({ status }: { status: LocalizedText[] | null }) {
  const lang = language.value;
  return (
    <span class="small muted file-stop-status" role="status">
      {status ? ` ${status.map((line) => line[lang]).join(' ')}` : ''}
    </span>
  );
}

/** "Add to trip" for one feature of an imported layer; it says so when the feature is not a point. */
export function AddImportedPointButton({ load, featureIndex }: { load: LoadImportedLayer; featureIndex: number }) {
  const lang = language.value;
  const { status, busy, run } = useStatus();
  const [stopId, setStopId] = useState<string | null>(null);
  const inTrip = stopId !== null && tripState.value.stops.some((stop) => stop.id === stopId);
  return (
    <p class="add-to-trip add-imported-point">
      <button
        type="button"
        class="trip-button add-to-trip__button"
        aria-pressed={inTrip}
        disabled={busy}
        onClick={() =>
          inTrip
            ? removeFromTrip(stopId!)
            : void run(async () => {
                const stop = importedPointStop((await load()).features[featureIndex], featureIndex);
                if (!stop) return [FILE_STOP_TEXT.notAPoint];
                setStopId(stop.id);
                const added = addFileStopsToTrip([stop]);
                return added === 0 && !tripState.peek().stops.some((existing) => existing.id === stop.id)
                  ? [FILE_STOP_TEXT.added(0, 1)]
                  : [];
              })
        }
      >
        {busy
          ? FILE_STOP_TEXT.reading[lang]
          : inTrip
            ? FILE_STOP_TEXT.inTrip[lang]
            : `+ ${FILE_STOP_TEXT.addPoint[lang]}`}
      </button>
      <Status status={status} />
    </p>
  );
}

/** One click for every point of an imported layer (a visitor's list of places). */
export function AddImportedLayerPointsButton({ load, pointCount }: { load: LoadImportedLayer; pointCount: number }) {
  const lang = language.value;
  const { status, busy, run } = useStatus();
  return (
    <span class="add-imported-points">
      <button
        type="button"
        class="text-button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const { stops, skipped } = importedPointStops(await load());
            const added = addFileStopsToTrip(stops);
            return [
              FILE_STOP_TEXT.added(added, stops.length),
              ...(skipped > 0 ? [FILE_STOP_TEXT.skipped(skipped)] : []),
            ];
          })
        }
      >
        {busy ? FILE_STOP_TEXT.reading[lang] : FILE_STOP_TEXT.addAllPoints(pointCount)[lang]}
      </button>
      <Status status={status} />
    </span>
  );
}
