/**
 * "Use as a dataset layer…" on an imported layer (issue 11 §1): the form that maps the file's
 * columns onto the dataset contract and states its source and confidence. The mapping and the
 * checks are src/data/replace-layer.ts; a valid replacement is kept like a loaded dataset package
 * (IndexedDB) and the page reloads with it, so every panel and number follows.
 */
import { useState } from 'preact/hooks';
import { CONFIDENCE_LEVELS, type Confidence } from '../../data/dataset-types.ts';
import { replaceLayer } from '../../data/replace-layer.ts';
import { storeDataset } from '../../data/storage/dataset-override.ts';
import type { AreaUnit } from '../../geo/units.ts';
import { AREA_UNITS } from './statistics-area-format.ts';
import { language } from '../../i18n/index.ts';
import { datasetState } from '../../state/app-state.ts';
import { datasetOrigin } from '../../state/dataset-origin.ts';
import type { ImportedLayer } from '../../state/imported-layers-store.ts';
import { datasetMessages } from './dataset-messages.ts';
import { loadImportedLayerCollection } from './imported-layer-points.ts';

type FormState = { status: 'idle' } | { status: 'working' } | { status: 'failed'; problems: string[] };

const SHOWN_PROBLEMS = 20;

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

export function ReplaceLayerForm({ layer }: { layer: ImportedLayer }) {
  const text = datasetMessages[language.value].replace;
  const state = datasetState.value;
  const [form, setForm] = useState<FormState>({ status: 'idle' });
  const columns = layer.propertyNames;
  const targets =
    state.status === 'ready' ? state.dataset.layers.filter((candidate) => candidate.definition.role !== 'context') : [];
  const [targetId, setTargetId] = useState(
    targets.find((target) => target.definition.role === 'green')?.definition.id ?? targets[0]?.definition.id ?? '',
  );
  const [nameZh, setNameZh] = useState(columns[0] ?? '');
  const [nameEn, setNameEn] = useState('');
  const [kind, setKind] = useState('');
  const [id, setId] = useState('');
  const [statedArea, setStatedArea] = useState('');
  const [unit, setUnit] = useState<AreaUnit>('km2');
  const [source, setSource] = useState('');
  const [confidence, setConfidence] = useState<Confidence>('high');
  if (state.status !== 'ready' || targets.length === 0) return null;
  const target = targets.find((candidate) => candidate.definition.id === targetId) ?? targets[0]!;
  const kindValue = target.features.features[0]?.properties.kind ?? target.definition.role;

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setForm({ status: 'working' });
    try {
      const collection = await loadImportedLayerCollection(layer.id);
      const origin = datasetOrigin.peek();
      const result = await replaceLayer(
        state.dataset,
        target.definition.id,
        collection,
        {
          nameZh,
          kindValue,
          ...(nameEn ? { nameEn } : {}),
          ...(kind ? { kind } : {}),
          ...(id ? { id } : {}),
          ...(statedArea ? { statedArea, statedAreaUnit: unit } : {}),
        },
        { source, confidence, fileName: layer.fileName },
        origin.kind === 'package' ? origin.changes : [],
        new Date(),
      );
      if (!result.ok) {
        setForm({ status: 'failed', problems: result.problems });
        return;
      }
      await storeDataset({
        format: 1,
        fileName: layer.fileName,
        storedAt: new Date().toISOString(),
        files: [...result.files],
      });
      window.location.reload();
    } catch (error) {
      setForm({ status: 'failed', problems: [error instanceof Error ? error.message : String(error)] });
    }
  };

  return (
    <details class="replace-layer" data-replace-layer={layer.id}>
      <summary>{text.summary}</summary>
      <p class="small muted">{text.intro}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label class="replace-layer__field">
          <span>{text.targetLayer}</span>
          <select
            name="target"
            value={target.definition.id}
            onChange={(event) => setTargetId(event.currentTarget.value)}
          >
            {targets.map((candidate) => (
              <option key={candidate.definition.id} value={candidate.definition.id}>
                {candidate.definition.title[language.value]}
              </option>
            ))}
          </select>
        </label>
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
          emptyLabel={text.kindFixed(kindValue)}
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
        <label class="replace-layer__field">
          <span>{text.source}</span>
          <input
            name="source"
            type="text"
            required
            value={source}
            onInput={(event) => setSource(event.currentTarget.value)}
          />
        </label>
        <label class="replace-layer__field">
          <span>{text.confidence}</span>
          <select
            name="confidence"
            value={confidence}
            onChange={(event) => setConfidence(event.currentTarget.value as Confidence)}
          >
            {CONFIDENCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {text.confidenceLevels[level]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="text-button" disabled={form.status === 'working'}>
          {form.status === 'working' ? text.working : text.submit}
        </button>
      </form>
      {form.status === 'failed' ? (
        <div class="data-warning" role="alert">
          <p>{text.failed(form.problems.length)}</p>
          <ul>
            {form.problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          {form.problems.length > SHOWN_PROBLEMS ? <p>{text.more(form.problems.length - SHOWN_PROBLEMS)}</p> : null}
        </div>
      ) : null}
    </details>
  );
}
