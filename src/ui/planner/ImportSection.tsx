/**
 * "Load your data": a file picker (drag-and-drop onto the map goes to the same place), the
 * coordinate system the files are in, the running import with its progress and a cancel button,
 * the last failure, and the imported layers with what was measured of them (ImportedLayerItem.tsx).
 */
import { COORDINATE_SYSTEMS, isCoordinateSystem } from '../../data/coordinate-systems.ts';
import { mapStatus } from '../../state/app-state.ts';
import {
  cancelImport,
  clearImportedLayers,
  importFailure,
  importFiles,
  importJob,
  importedLayers,
} from '../../state/imported-layers-store.ts';
import { ImportedLayerItem } from './ImportedLayerItem.tsx';
import { PmtilesArchiveList } from './PmtilesArchiveList.tsx';
import { addPmtilesArchive, isPmtilesFile } from '../../state/pmtiles-archives.ts';
import { importMessages } from './import-messages.ts';
import { importCoordinateSystem } from './planner-preferences.ts';

export const IMPORT_ACCEPT =
  '.geojson,.json,.pmtiles,.kml,.kmz,.gpx,.zip,.gpkg,.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/geo+json,application/json,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz,application/gpx+xml,application/zip,application/geopackage+sqlite3';

function ImportProgress() {
  const text = importMessages();
  const job = importJob.value;
  if (!job) return null;
  const doing = job.kind === 'restore' ? text.restoring(job.fileName) : text.importing(job.fileName);
  return (
    <div class="import-progress" role="status">
      <p>
        {doing} · {text.stages[job.stage]}
      </p>
      <div class="import-progress__row">
        <progress max={1} value={job.fraction} aria-label={doing} />
        <span class="import-progress__percent">{Math.round(job.fraction * 100)} %</span>
        <button type="button" class="text-button" onClick={cancelImport}>
          {text.cancel}
        </button>
      </div>
    </div>
  );
}

function ImportFailureAlert() {
  const text = importMessages();
  const failure = importFailure.value;
  // The alert element is always there so a screen reader announces the text the moment it appears.
  return (
    <div class={failure ? 'data-error import-failure' : 'import-failure import-failure--empty'} role="alert">
      {failure ? (
        <>
          <p>{text.failed}</p>
          <p class="import-failure__message">{failure.message}</p>
          {failure.retry ? (
            <button
              type="button"
              class="text-button"
              onClick={() => {
                const { file, coordinateSystem, projection } = failure.retry!;
                void importFiles([file], coordinateSystem, { projection });
              }}
            >
              {text.readAsProjection(failure.retry.projection)}
            </button>
          ) : null}{' '}
          <button type="button" class="text-button" onClick={() => (importFailure.value = null)}>
            {text.dismiss}
          </button>
        </>
      ) : null}
    </div>
  );
}

export function ImportSection() {
  const text = importMessages();
  const layers = importedLayers.value;
  const busy = importJob.value !== null;
  return (
    <section class="planner-section import-section" aria-labelledby="import-heading">
      <h3 id="import-heading">{text.heading}</h3>
      <p class="small muted">{text.intro}</p>
      <p class="import-controls">
        <label class="text-button file-button">
          {text.chooseFiles}
          <input
            type="file"
            class="visually-hidden"
            data-import-input
            multiple
            accept={IMPORT_ACCEPT}
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const files = [...(input.files ?? [])];
              // Cleared so choosing the same file again (after fixing it) imports it again.
              input.value = '';
              // A .pmtiles archive is drawn straight from the file by the map, not imported.
              for (const file of files.filter(isPmtilesFile)) addPmtilesArchive(file);
              const imports = files.filter((file) => !isPmtilesFile(file));
              if (imports.length > 0) void importFiles(imports, importCoordinateSystem.value);
            }}
          />
        </label>
        <span class="small muted">{text.dropHint}</span>
      </p>
      <p class="import-controls">
        <label>
          {text.coordinateSystemLabel}{' '}
          <select
            class="import-coordinate-system"
            value={importCoordinateSystem.value}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isCoordinateSystem(value)) importCoordinateSystem.value = value;
            }}
          >
            {COORDINATE_SYSTEMS.map((system) => (
              <option key={system} value={system}>
                {text.coordinateSystems[system]}
              </option>
            ))}
          </select>
        </label>
      </p>
      <ImportProgress />
      <ImportFailureAlert />
      <PmtilesArchiveList />
      {mapStatus.value === 'unavailable' && layers.length > 0 ? <p class="small muted">{text.mapNeeded}</p> : null}
      <h4>{text.layersHeading(layers.length)}</h4>
      {layers.length === 0 ? (
        <p class="small muted">{text.noLayers}</p>
      ) : (
        <>
          <ul class="imported-layers">
            {layers.map((layer, index) => (
              <ImportedLayerItem key={layer.id} layer={layer} index={index} />
            ))}
          </ul>
          <button
            type="button"
            class="text-button"
            onClick={() => {
              if (window.confirm(text.confirmClearAll(layers.length))) void clearImportedLayers();
            }}
          >
            {text.clearAll}
          </button>
        </>
      )}
    </section>
  );
}
