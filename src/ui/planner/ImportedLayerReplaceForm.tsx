/**
 * "Use as a dataset layer…" on an imported layer: the file's columns mapped onto the dataset
 * contract (names, kind, id, stated area and its unit), inside the shared form (ReplaceLayerForm.tsx).
 */
import { useState } from 'preact/hooks';
import type { AreaUnit } from '../../geo/units.ts';
import { language } from '../../i18n/index.ts';
import type { ImportedLayer } from '../../state/imported-layers-store.ts';
import { datasetMessages } from './dataset-messages.ts';
import { loadImportedLayerCollection } from './imported-layer-points.ts';
import { ReplaceLayerForm, type ReplaceTarget } from './ReplaceLayerForm.tsx';
import { AREA_UNITS } from './statistics-area-format.ts';

function ColumnSelect(props: {
  label: string;
  columns: readonly string[];
  value: string;
  emptyLabel?: string;
  onChange: (value: string) => void;
  name: string;
}) {
  return (
    <label class="replace-layer__field">
      <span>{props.label}</span>
      <select name={props.name} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.columns.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ImportedLayerReplaceForm({ layer }: { layer: ImportedLayer }) {
  const text = datasetMessages[language.value].replace;
  const columns = layer.propertyNames;
  const [nameZh, setNameZh] = useState(columns[0] ?? '');
  const [nameEn, setNameEn] = useState('');
  const [kind, setKind] = useState('');
  const [id, setId] = useState('');
  const [statedArea, setStatedArea] = useState('');
  const [unit, setUnit] = useState<AreaUnit>('km2');

  const fields = (target: ReplaceTarget) => (
    <>
      <ColumnSelect name="name_zh" label={text.nameZh} columns={columns} value={nameZh} onChange={setNameZh} />
      <ColumnSelect
        name="name_en"
        label={text.nameEn}
        columns={columns}
        value={nameEn}
        emptyLabel={text.nameEnFallback}
        onChange={setNameEn}
      />
      <ColumnSelect
        name="kind"
        label={text.kind}
        columns={columns}
        value={kind}
        emptyLabel={text.kindFixed(target.kindValue)}
        onChange={setKind}
      />
      <ColumnSelect
        name="id"
        label={text.id}
        columns={columns}
        value={id}
        emptyLabel={text.idGenerated}
        onChange={setId}
      />
      <ColumnSelect
        name="stated_area"
        label={text.statedArea}
        columns={columns}
        value={statedArea}
        emptyLabel={text.none}
        onChange={setStatedArea}
      />
      {statedArea ? (
        <label class="replace-layer__field">
          <span>{text.unit}</span>
          <select name="unit" value={unit} onChange={(event) => setUnit(event.currentTarget.value as AreaUnit)}>
            {AREA_UNITS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {candidate}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </>
  );

  return (
    <ReplaceLayerForm
      formKey={layer.id}
      fileName={layer.fileName}
      fields={fields}
      features={async (target) => ({
        collection: await loadImportedLayerCollection(layer.id),
        mapping: {
          nameZh,
          kindValue: target.kindValue,
          ...(nameEn ? { nameEn } : {}),
          ...(kind ? { kind } : {}),
          ...(id ? { id } : {}),
          ...(statedArea ? { statedArea, statedAreaUnit: unit } : {}),
        },
      })}
    />
  );
}
