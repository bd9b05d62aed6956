/**
 * "Load your data": a file picker (drag-and-drop onto the map goes to the same place), the
 * coordinate system the files are in, the running import with its progress and a cancel button,
 * the last failure, and the imported layers with what was measured of them.
 */
import { useState } from 'preact/hooks';
import type { CoordinateSystem } from '../../data/coordinate-systems.ts';
import { COORDINATE_SYSTEMS, isCoordinateSystem } from '../../data/coordinate-systems.ts';
import {
  isTextEncoding,
  TEXT_ENCODING_NAMES,
  TEXT_ENCODINGS,
  type TextEncoding,
} from '../../data/import/text-encodings.ts';
import { language, messages } from '../../i18n/index.ts';
import { mapStatus } from '../../state/app-state.ts';
import { importedFrameRequest, importedLayerColour } from '../../state/imported-layer-display.ts';
import {
  cancelImport,
  clearImportedLayers,
  importFailure,
  importFiles,
  importJob,
  importedLayers,
  reinterpretLayer,
  removeImportedLayer,
  rereadLayerColumns,
  rereadLayerTable,
  rereadLayerText,
  setImportedLayerVisible,
  type ImportedLayer,
} from '../../state/imported-layers-store.ts';
import { AreaFigures } from '../AreaFigures.tsx';
import { LazyAddImportedLayerPointsButton } from '../trip/lazy-trip.tsx';
import { loadImportedLayerCollection } from './imported-layer-points.ts';
import { formatNumber } from '../format.ts';
import { COORDINATE_SYSTEM_SHORT_NAMES, importMessages } from './import-messages.ts';
import { importCoordinateSystem } from './planner-preferences.ts';

export const IMPORT_ACCEPT =
  '.geojson,.json,.kml,.kmz,.gpx,.zip,.gpkg,.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/geo+json,application/json,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz,application/gpx+xml,application/zip,application/geopackage+sqlite3';

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

function CoordinateSystemSuggestion({ layer }: { layer: ImportedLayer }) {
  const text = importMessages();
  const suggestion = layer.coordinateSystemSuggestion;
  const [dismissed, setDismissed] = useState(false);
  if (!suggestion || dismissed || layer.coordinateSystem !== 'wgs84') return null;
  const system = COORDINATE_SYSTEM_SHORT_NAMES[suggestion.coordinateSystem];
  return (
    <div class="data-warning import-suggestion" role="status">
      <p>{text.suggestion(system, suggestion.medianOffsetBeforeM, suggestion.medianOffsetAfterM)}</p>
      <button
        type="button"
        class="text-button"
        onClick={() => void reinterpretLayer(layer.id, suggestion.coordinateSystem)}
      >
        {text.convert(system)}
      </button>{' '}
      <button type="button" class="text-button" onClick={() => setDismissed(true)}>
        {text.keepAsIs}
      </button>
    </div>
  );
}

/** A Shapefile's table in another encoding: the way out when the file says nothing, or says it wrongly. */
function TextEncodingChoice({ layer }: { layer: ImportedLayer }) {
  const text = importMessages();
  const current = layer.textEncoding!.encoding;
  const [rereadAs, setRereadAs] = useState<TextEncoding>(current);
  return (
    <details class="imported-layer__reinterpret imported-layer__text-encoding">
      <summary class="small">{text.textEncoding(TEXT_ENCODING_NAMES[current])}</summary>
      <label class="small">
        {text.rereadTextAs}{' '}
        <select
          value={rereadAs}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isTextEncoding(value)) setRereadAs(value);
          }}
        >
          {TEXT_ENCODINGS.map((encoding) => (
            <option key={encoding} value={encoding}>
              {TEXT_ENCODING_NAMES[encoding]}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        class="text-button"
        disabled={rereadAs === current}
        onClick={() => void rereadLayerText(layer.id, rereadAs)}
      >
        {text.apply}
      </button>
    </details>
  );
}

/** A point table's coordinate columns: found by name, confirmed or changed here. */
function PointColumnsChoice({ layer }: { layer: ImportedLayer }) {
  const text = importMessages();
  const { headers, longitude, latitude } = layer.pointColumns!;
  const [chosen, setChosen] = useState({ longitude, latitude });
  const select = (which: 'longitude' | 'latitude', label: string) => (
    <label class="small">
      {label}{' '}
      <select value={chosen[which]} onChange={(event) => setChosen({ ...chosen, [which]: event.currentTarget.value })}>
        {headers.map((header) => (
          <option key={header} value={header}>
            {header}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <details class="imported-layer__reinterpret imported-layer__point-columns">
      <summary class="small">{text.pointColumns(longitude, latitude)}</summary>
      {select('longitude', text.longitudeColumn)} {select('latitude', text.latitudeColumn)}{' '}
      <button
        type="button"
        class="text-button"
        disabled={
          (chosen.longitude === longitude && chosen.latitude === latitude) || chosen.longitude === chosen.latitude
        }
        onClick={() => void rereadLayerColumns(layer.id, chosen)}
      >
        {text.apply}
      </button>
    </details>
  );
}

/** A GeoPackage's other feature tables, read in this layer's place. */
function GeoPackageTableChoice({ layer }: { layer: ImportedLayer }) {
  const text = importMessages();
  const { tables, table } = layer.geoPackageTables!;
  const [chosen, setChosen] = useState(table);
  return (
    <details class="imported-layer__reinterpret imported-layer__table" open>
      <summary class="small">{text.geoPackageTable(table, tables.length)}</summary>
      <label class="small">
        {text.readTable}{' '}
        <select value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
          {tables.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        class="text-button"
        disabled={chosen === table}
        onClick={() => void rereadLayerTable(layer.id, chosen)}
      >
        {text.apply}
      </button>
    </details>
  );
}

function ImportedLayerItem({ layer, index }: { layer: ImportedLayer; index: number }) {
  const text = importMessages();
  const lang = language.value;
  const tag = messages.value.languageTag;
  const measurement = layer.measurement;
  const skipped = measurement.skipped;
  const hasSkipped = skipped.points + skipped.lines + skipped.nullGeometries > 0;
  const [reinterpretAs, setReinterpretAs] = useState<CoordinateSystem>(layer.coordinateSystem);
  return (
    <li class="imported-layer" data-imported-layer={layer.id}>
      <div class="imported-layer__title">
        <label class="imported-layer__toggle">
          <input
            type="checkbox"
            checked={layer.visible}
            onChange={() => setImportedLayerVisible(layer.id, !layer.visible)}
          />
          <span
            class="swatch"
            style={{ borderColor: importedLayerColour(index), background: `${importedLayerColour(index)}55` }}
            aria-hidden="true"
          />
          <span class="imported-layer__name">{layer.fileName}</span>
        </label>
        <span class="muted small">{text.formats[layer.format]}</span>
      </div>
      <p class="small">{text.counts(measurement.featureCount, measurement.measuredCount)}</p>
      {hasSkipped ? (
        <p class="small muted">{text.skipped(skipped.points, skipped.lines, skipped.nullGeometries)}</p>
      ) : null}
      {measurement.measuredCount > 0 ? (
        <p class="small imported-layer__area" data-area-m2={measurement.totalAreaM2}>
          {text.totalArea}: <AreaFigures squareMetres={measurement.totalAreaM2} />
        </p>
      ) : null}
      {layer.totalLengthM > 0 ? (
        <p class="small">
          {text.totalLength}: {formatNumber(layer.totalLengthM / 1000, tag, 3)} km
        </p>
      ) : null}
      {measurement.measuredCount > 1 ? <p class="small muted">{text.overlapNote}</p> : null}
      <p class="small muted">
        {layer.coordinateSystem === 'wgs84'
          ? text.takenAsWgs84
          : text.convertedFrom(COORDINATE_SYSTEM_SHORT_NAMES[layer.coordinateSystem])}
      </p>
      {layer.notes.length > 0 ? (
        <ul class="small imported-layer__notes">
          {layer.notes.map((note, noteIndex) => (
            <li key={noteIndex}>{note[lang]}</li>
          ))}
        </ul>
      ) : null}
      <CoordinateSystemSuggestion layer={layer} />
      <div class="imported-layer__actions">
        {layer.bbox ? (
          <button
            type="button"
            class="text-button"
            onClick={() => (importedFrameRequest.value = { bounds: layer.bbox! })}
            disabled={mapStatus.value !== 'ready'}
          >
            {text.zoomTo}
          </button>
        ) : null}
        <button
          type="button"
          class="text-button"
          onClick={() => {
            if (window.confirm(text.confirmRemove(layer.fileName))) void removeImportedLayer(layer.id);
          }}
        >
          {text.remove}
        </button>
        {skipped.points > 0 ? (
          <LazyAddImportedLayerPointsButton
            load={() => loadImportedLayerCollection(layer.id)}
            pointCount={skipped.points}
          />
        ) : null}
      </div>
      {layer.textEncoding ? <TextEncodingChoice layer={layer} /> : null}
      {layer.geoPackageTables && layer.geoPackageTables.tables.length > 1 ? (
        <GeoPackageTableChoice layer={layer} />
      ) : null}
      {layer.pointColumns ? <PointColumnsChoice layer={layer} /> : null}
      <details class="imported-layer__reinterpret">
        <summary class="small">{text.reinterpretAs}</summary>
        <select
          value={reinterpretAs}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isCoordinateSystem(value)) setReinterpretAs(value);
          }}
        >
          {COORDINATE_SYSTEMS.map((system) => (
            <option key={system} value={system}>
              {text.coordinateSystems[system]}
            </option>
          ))}
        </select>{' '}
        <button
          type="button"
          class="text-button"
          disabled={reinterpretAs === layer.coordinateSystem}
          onClick={() => void reinterpretLayer(layer.id, reinterpretAs)}
        >
          {text.apply}
        </button>
      </details>
    </li>
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
              if (files.length > 0) void importFiles(files, importCoordinateSystem.value);
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
