/**
 * "Use as a dataset layer…" (issue 11 §1): the form that turns features into one of the dataset's
 * layers, whatever they came from. It asks which layer to replace, the source (required) and the
 * confidence; the caller's fields say how the features are named (an imported file's columns,
 * ImportedLayerReplaceForm.tsx; drawn shapes' names, DrawnShapesReplaceForm.tsx) and hand over the
 * features with their mapping. The mapping and the checks are src/data/replace-layer.ts; a valid
 * replacement is kept like a loaded dataset package (IndexedDB) and the page reloads with it, so
 * every panel and number follows.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { FeatureCollection } from 'geojson';
import { CONFIDENCE_LEVELS, type Confidence, type LocalizedText } from '../../data/dataset-types.ts';
import { type ColumnMapping, replaceLayer } from '../../data/replace-layer.ts';
import { language } from '../../i18n/index.ts';
import { datasetState } from '../../state/app-state.ts';
import { datasetOrigin } from '../../state/dataset-origin.ts';
import { storeOverLoadedDataset } from './store-loaded-dataset.ts';
import { datasetMessages } from './dataset-messages.ts';

type FormState = { status: 'idle' } | { status: 'working' } | { status: 'failed'; problems: string[] };

const SHOWN_PROBLEMS = 20;

/** The layer being replaced, as the caller's fields need it. */
export interface ReplaceTarget {
  id: string;
  /** The kind every feature gets unless a column says otherwise: that of the layer's first feature. */
  kindValue: string;
}

/** What is replacing the layer: features and how they map onto the contract. */
export interface ReplacementFeatures {
  collection: FeatureCollection;
  mapping: ColumnMapping;
}

export interface ReplaceLayerFormProps {
  /** `data-replace-layer` of the form, naming what it replaces from. */
  formKey: string;
  /** The change list's "from file", and the name the dataset banner shows (without an `origin`). */
  fileName: string;
  /** Where the features come from, in the layer's new description; by default the file `fileName`. */
  origin?: LocalizedText;
  /** What the form does with these features; by default, with a file's columns. */
  intro?: string;
  /** The fields that say how the features are named, for the chosen layer. */
  fields: (target: ReplaceTarget) => ComponentChildren;
  /** The features and their mapping, read when the planner submits. */
  features: (target: ReplaceTarget) => Promise<ReplacementFeatures>;
  /** The confidence offered first; the planner can choose another. */
  defaultConfidence?: Confidence;
}

export function ReplaceLayerForm({
  formKey,
  fileName,
  origin,
  intro,
  fields,
  features,
  defaultConfidence = 'high',
}: ReplaceLayerFormProps) {
  const text = datasetMessages[language.value].replace;
  const state = datasetState.value;
  const [form, setForm] = useState<FormState>({ status: 'idle' });
  const targets =
    state.status === 'ready' ? state.dataset.layers.filter((candidate) => candidate.definition.role !== 'context') : [];
  const [targetId, setTargetId] = useState(
    targets.find((target) => target.definition.role === 'green')?.definition.id ?? targets[0]?.definition.id ?? '',
  );
  const [source, setSource] = useState('');
  const [confidence, setConfidence] = useState<Confidence>(defaultConfidence);
  if (state.status !== 'ready' || targets.length === 0) return null;
  const layer = targets.find((candidate) => candidate.definition.id === targetId) ?? targets[0]!;
  const target: ReplaceTarget = {
    id: layer.definition.id,
    kindValue: layer.features.features[0]?.properties.kind ?? layer.definition.role,
  };

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setForm({ status: 'working' });
    try {
      const replacement = await features(target);
      const current = datasetOrigin.peek();
      const result = await replaceLayer(
        state.dataset,
        target.id,
        replacement.collection,
        replacement.mapping,
        { source, confidence, fileName, ...(origin ? { origin } : {}) },
        current.kind === 'package' ? current.changes : [],
        new Date(),
      );
      if (!result.ok) {
        setForm({ status: 'failed', problems: result.problems });
        return;
      }
      await storeOverLoadedDataset({
        format: 1,
        // The banner names the dataset in whichever language the page is read later.
        fileName: origin ? `${origin.zh} / ${origin.en}` : fileName,
        storedAt: new Date().toISOString(),
        files: [...result.files],
      });
      window.location.reload();
    } catch (error) {
      setForm({ status: 'failed', problems: [error instanceof Error ? error.message : String(error)] });
    }
  };

  return (
    <details class="replace-layer" data-replace-layer={formKey}>
      <summary>{text.summary}</summary>
      <p class="small muted">{intro ?? text.intro}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label class="replace-layer__field">
          <span>{text.targetLayer}</span>
          <select name="target" value={target.id} onChange={(event) => setTargetId(event.currentTarget.value)}>
            {targets.map((candidate) => (
              <option key={candidate.definition.id} value={candidate.definition.id}>
                {candidate.definition.title[language.value]}
              </option>
            ))}
          </select>
        </label>
        {fields(target)}
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
