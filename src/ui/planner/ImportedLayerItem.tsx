/**
 * One imported layer in the list: shown or hidden with its colour, what was measured of it and
 * what was skipped, the coordinate system it was taken in, the importer's notes, and its actions
 * (zoom to, remove, add its points to the trip), then the ways to read it again.
 */
import { language, messages } from '../../i18n/index.ts';
import { mapStatus } from '../../state/app-state.ts';
import { importedFrameRequest, importedLayerColour } from '../../state/imported-layer-display.ts';
import { removeImportedLayer, setImportedLayerVisible, type ImportedLayer } from '../../state/imported-layers-store.ts';
import { AreaFigures } from '../AreaFigures.tsx';
import { formatNumber } from '../format.ts';
import { LazyAddImportedLayerPointsButton } from '../trip/lazy-trip.tsx';
import {
  CoordinateSystemChoice,
  CoordinateSystemSuggestion,
  GeoPackageTableChoice,
  PointColumnsChoice,
  TextEncodingChoice,
} from './ImportedLayerRereads.tsx';
import { COORDINATE_SYSTEM_SHORT_NAMES, importMessages } from './import-messages.ts';
import { loadImportedLayerCollection } from './imported-layer-points.ts';
import { ImportedLayerReplaceForm } from './ImportedLayerReplaceForm.tsx';

export function ImportedLayerItem({ layer, index }: { layer: ImportedLayer; index: number }) {
  const text = importMessages();
  const lang = language.value;
  const tag = messages.value.languageTag;
  const measurement = layer.measurement;
  const skipped = measurement.skipped;
  const hasSkipped = skipped.points + skipped.lines + skipped.nullGeometries > 0;
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
      <CoordinateSystemChoice layer={layer} />
      {layer.measurement.featureCount > 0 ? <ImportedLayerReplaceForm layer={layer} /> : null}
    </li>
  );
}
