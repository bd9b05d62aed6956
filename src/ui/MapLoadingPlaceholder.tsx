/**
 * What the map area says while the map loads: that it is loading, and how far it has come (the
 * engine's code, the dataset files, the drawing). On a slow connection this is most of what a
 * visitor sees for the first seconds; index.html paints the same box before any script has run.
 */
import { messages } from '../i18n/index.ts';
import { mapLoading, mapLoadingSteps } from '../state/map-loading.ts';
import './map-loading.css';

export function MapLoadingPlaceholder() {
  const text = messages.value.explorer.mapLoading;
  const state = mapLoading.value;
  const { done, total } = mapLoadingSteps(state);
  return (
    <div class="map-loading" role="status">
      <p class="map-loading__heading">{text.heading}</p>
      {/* Without a value a progress bar shows "busy" without pretending to know how far. */}
      {total === null ? (
        <progress class="map-loading__progress" aria-label={text.progressLabel} />
      ) : (
        <progress class="map-loading__progress" aria-label={text.progressLabel} max={total} value={done} />
      )}
      <ul class="map-loading__steps">
        <li data-done={state.engineLoaded}>{text.engine(state.engineLoaded)}</li>
        <li data-done={state.dataFilesTotal !== null && state.dataFilesLoaded >= state.dataFilesTotal}>
          {text.data(state.dataFilesLoaded, state.dataFilesTotal)}
        </li>
        {state.drawing ? <li>{text.drawing}</li> : null}
      </ul>
    </div>
  );
}
