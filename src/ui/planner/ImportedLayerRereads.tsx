/**
 * Reading an imported layer again another way, without choosing the file again: in another
 * coordinate system (suggested when the shapes land where a GCJ-02/BD-09 reading fits better),
 * a Shapefile's table in another text encoding, a GeoPackage's other table, or a point table's
 * other coordinate columns.
 */
import { useState } from 'preact/hooks';
import { COORDINATE_SYSTEMS, isCoordinateSystem, type CoordinateSystem } from '../../data/coordinate-systems.ts';
import {
  isTextEncoding,
  TEXT_ENCODING_NAMES,
  TEXT_ENCODINGS,
  type TextEncoding,
} from '../../data/import/text-encodings.ts';
import {
  reinterpretLayer,
  rereadLayerColumns,
  rereadLayerTable,
  rereadLayerText,
  type ImportedLayer,
} from '../../state/imported-layers-store.ts';
import { COORDINATE_SYSTEM_SHORT_NAMES, importMessages } from './import-messages.ts';

export function CoordinateSystemSuggestion({ layer }: { layer: ImportedLayer }) {
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
export function TextEncodingChoice({ layer }: { layer: ImportedLayer }) {
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
export function PointColumnsChoice({ layer }: { layer: ImportedLayer }) {
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
export function GeoPackageTableChoice({ layer }: { layer: ImportedLayer }) {
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

/** The whole layer read again as if its coordinates were in another system. */
export function CoordinateSystemChoice({ layer }: { layer: ImportedLayer }) {
  const text = importMessages();
  const [reinterpretAs, setReinterpretAs] = useState<CoordinateSystem>(layer.coordinateSystem);
  return (
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
  );
}
