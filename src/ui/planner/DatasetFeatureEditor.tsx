/**
 * The in-place editor of one dataset feature (issue 11 §1), shown in the feature's panel: the live
 * measured area beside the stated figure, the properties form with the dataset contract's checks,
 * undo / redo (buttons, Ctrl/Cmd+Z, Ctrl+Shift+Z or Ctrl+Y), and Save / Cancel. The geometry is on
 * the map (src/map/dataset-feature-editor.ts); every number and check comes from
 * src/data/dataset-edit*.ts. Saving stores a dataset package like "use as …" does and reloads, so
 * every panel follows.
 */
import { effect, signal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { editedMeasure, statedSquareMetres } from '../../analysis/dataset-edit-measure.ts';
import { type EditSession, editProblems, keepEdit, startEdit } from '../../data/dataset-edit.ts';
import {
  canRedo,
  canUndo,
  currentSnapshot,
  type EditablePropertyKey,
  type EditHistory,
  recordPart,
  recordProperty,
  redo,
  undo,
} from '../../data/dataset-edit-history.ts';
import type { EditPart } from '../../data/dataset-edit-parts.ts';
import { editVerdict } from '../../data/dataset-edit-verdict.ts';
import { snapVertices } from '../../data/dataset-edit-snapping.ts';
import type { Dataset, FeatureReference } from '../../data/dataset-types.ts';
import { language, messages } from '../../i18n/index.ts';
import { editHasChanges, editingFeature } from '../../state/dataset-feature-editing.ts';
import { datasetOrigin } from '../../state/dataset-origin.ts';
import { sameFeature } from '../../state/feature-reference.ts';
import { plannerMap } from '../../state/planner-map.ts';
import { AreaFigures } from '../AreaFigures.tsx';
import { formatNumber, formatSignedPercent } from '../format.ts';
import { DatasetFeatureEditorForm } from './DatasetFeatureEditorForm.tsx';
import { storeOverLoadedDataset } from './store-loaded-dataset.ts';
import { datasetEditMessages } from './dataset-edit-messages.ts';
import './dataset-edit.css';

type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'failed'; problems: string[] };

/**
 * The contract's verdict on a state of the edit, once per state: a drag re-renders the panel on
 * every pointer move, and the check (≈ 0.5 ms for the zone) cannot change while only a vertex moves.
 */
const checkedStates = new WeakMap<EditHistory, string[]>();
function problemsOf(dataset: Dataset, session: EditSession): string[] {
  let problems = checkedStates.get(session.history);
  if (!problems) {
    problems = editProblems(dataset, session);
    checkedStates.set(session.history, problems);
  }
  return problems;
}

/**
 * The edit in progress, kept outside the component: a phone/desktop layout switch (a resize across
 * 700 px, a tablet turned) remounts the feature's panel, and the edit and its history must survive it.
 * Dropped as soon as the edit ends (saved, cancelled, another feature chosen).
 */
let keptEdit: { dataset: Dataset; session: EditSession } | null = null;
effect(() => {
  const editing = editingFeature.value;
  if (keptEdit && !sameFeature(editing, keptEdit.session.reference)) keptEdit = null;
});

function startOrResume(dataset: Dataset, reference: FeatureReference): ReturnType<typeof startEdit> {
  const kept = keptEdit;
  if (kept && kept.dataset === dataset && sameFeature(kept.session.reference, reference)) {
    return { ok: true, session: kept.session };
  }
  return startEdit(dataset, reference);
}

function isUndoKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z';
}

function isRedoKey(event: KeyboardEvent): boolean {
  const key = event.key.toLowerCase();
  return (event.ctrlKey || event.metaKey) && ((event.shiftKey && key === 'z') || (!event.shiftKey && key === 'y'));
}

export function DatasetFeatureEditor({ dataset, reference }: { dataset: Dataset; reference: FeatureReference }) {
  const text = datasetEditMessages[language.value];
  const tag = messages.value.languageTag;
  const started = useMemo(() => startOrResume(dataset, reference), [dataset, reference.layerId, reference.featureId]);
  const session = useMemo(() => signal<EditSession | null>(started.ok ? started.session : null), [started]);
  const dragged = useMemo(() => signal<{ partIndex: number; part: EditPart } | null>(null), [started]);
  const [interrupted, setInterrupted] = useState(false);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const root = useRef<HTMLElement>(null);
  /** Set when Save reloads the page on purpose. */
  const leaving = useRef(false);
  const editor = plannerMap.value?.datasetEditor ?? null;

  const show = (next: EditSession) => {
    session.value = next;
    dragged.value = null;
    editor?.show(currentSnapshot(next.history).parts);
  };
  const step = (move: typeof undo) => {
    const current = session.peek();
    if (current) show({ ...current, history: move(current.history) });
  };

  useEffect(() => {
    const current = session.peek();
    if (!editor || !current) return;
    editor.start(currentSnapshot(current.history).parts, snapVertices(dataset, reference));
    const unsubscribe = editor.subscribe((event) => {
      const latest = session.peek();
      if (!latest) return;
      if (event.type === 'live') dragged.value = { partIndex: event.partIndex, part: event.part };
      else if (event.type === 'changed') {
        dragged.value = null;
        session.value = { ...latest, history: recordPart(latest.history, event.partIndex, event.part) };
      } else setInterrupted(true);
    });
    return () => {
      unsubscribe();
      editor.stop();
      // The edit itself goes on (keptEdit): it ends with the selection (DatasetFeatureEditorEntry.tsx).
    };
  }, [editor, session]);
  useEffect(
    () =>
      session.subscribe((current) => {
        if (current && editingFeature.peek()) keptEdit = { dataset, session: current };
      }),
    [session],
  );

  // Undo / redo from the keyboard while the editor or the map being edited has the focus (or nothing
  // has: a button that just disabled itself drops it); a text field keeps its own undo of typing.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inEditor = Boolean(target && root.current?.contains(target));
      const onMap = target instanceof HTMLCanvasElement && target.classList.contains('maplibregl-canvas');
      if (!inEditor && !onMap && target !== document.body) return;
      if (target instanceof HTMLInputElement && target.type === 'text') return;
      if (isUndoKey(event)) {
        event.preventDefault();
        step(undo);
      } else if (isRedoKey(event)) {
        event.preventDefault();
        step(redo);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [editor, session]);

  // Unsaved changes: leaving the page asks first (the browser's own dialog), and so does the panel's ×.
  const changedNow = session.value ? editVerdict(session.value).changed : false;
  useEffect(() => {
    editHasChanges.value = changedNow;
    if (!changedNow) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (!leaving.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [changedNow]);
  useEffect(
    () => () => {
      editHasChanges.value = false;
    },
    [],
  );

  const close = () => {
    editHasChanges.value = false;
    editingFeature.value = null;
  };

  if (!started.ok) {
    return (
      <section class="dataset-edit" ref={root}>
        <p class="data-warning" role="alert">
          {text.cannotEdit[started.reason]}
        </p>
        <button type="button" class="text-button" onClick={close}>
          {text.cancel}
        </button>
      </section>
    );
  }
  const current = session.value!;
  const snapshot = currentSnapshot(current.history);
  const measure = editedMeasure(current, dragged.value ?? undefined);
  const statedM2 = statedSquareMetres(snapshot.properties);
  const problems = problemsOf(dataset, current);
  const { changed, sizedToStated } = editVerdict(current);

  const setProperty = (key: EditablePropertyKey, value: string) => {
    const latest = session.peek()!;
    session.value = { ...latest, history: recordProperty(latest.history, key, value) };
  };

  const keep = async () => {
    setSave({ status: 'saving' });
    try {
      const origin = datasetOrigin.peek();
      const result = await keepEdit(
        dataset,
        session.peek()!,
        origin.kind === 'package' ? origin.changes : [],
        new Date(),
      );
      if (!result.ok) {
        setSave({ status: 'failed', problems: result.problems });
        return;
      }
      await storeOverLoadedDataset({
        format: 1,
        // The banner names the dataset in whichever language the page is read later.
        fileName:
          origin.kind === 'package'
            ? origin.fileName
            : `${datasetEditMessages.zh.packageName} / ${datasetEditMessages.en.packageName}`,
        storedAt: new Date().toISOString(),
        files: [...result.files],
      });
      // Only once the edit is kept may the reload that shows it skip asking about leaving it: a failed
      // write (quota, private mode) leaves the edit unsaved, and leaving must still ask.
      editHasChanges.value = false;
      leaving.current = true;
      window.location.reload();
    } catch (error) {
      setSave({ status: 'failed', problems: [error instanceof Error ? error.message : String(error)] });
    }
  };

  const resume = () => {
    setInterrupted(false);
    editor?.start(currentSnapshot(session.peek()!.history).parts, snapVertices(dataset, reference));
  };

  return (
    <section
      class="dataset-edit"
      ref={root}
      aria-labelledby="dataset-edit-heading"
      data-dataset-edit={reference.featureId}
    >
      <h3 id="dataset-edit-heading">{text.heading}</h3>
      {editor ? <p class="small muted">{text.help}</p> : <p class="data-warning">{text.noMap}</p>}
      {interrupted ? (
        <p class="data-warning dataset-edit__interrupted">
          {text.interrupted}{' '}
          <button type="button" class="text-button" onClick={resume}>
            {text.resume}
          </button>
        </p>
      ) : null}
      <dl class="facts dataset-edit__figures">
        {measure ? (
          <>
            <dt>{measure.kind === 'area' ? text.measuredArea : text.measuredLength}</dt>
            <dd class="dataset-edit__measured" data-measured={measure.value}>
              {measure.kind === 'area' ? (
                <AreaFigures squareMetres={measure.value} />
              ) : (
                `${formatNumber(measure.value / 1000, tag, 3)} km`
              )}
            </dd>
          </>
        ) : null}
        {measure?.kind === 'area' ? (
          <>
            <dt>{text.statedArea}</dt>
            <dd class="dataset-edit__stated">
              {statedM2 === null ? text.noStated : <AreaFigures squareMetres={statedM2} />}
            </dd>
            {statedM2 !== null ? (
              <>
                <dt>{text.difference}</dt>
                {/* Sized to its figure, the shape matches it by construction: a 0.0 % would pass for a check. */}
                <dd class="dataset-edit__difference">
                  {sizedToStated
                    ? messages.value.honesty.sizedToStated
                    : formatSignedPercent(measure.value / statedM2 - 1, tag)}
                </dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      <div class="dataset-edit__history" role="group">
        <button
          type="button"
          class="text-button dataset-edit__undo"
          disabled={!canUndo(current.history)}
          onClick={() => step(undo)}
          aria-keyshortcuts="Control+Z Meta+Z"
        >
          {text.undo}
        </button>
        <button
          type="button"
          class="text-button dataset-edit__redo"
          disabled={!canRedo(current.history)}
          onClick={() => step(redo)}
          aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
        >
          {text.redo}
        </button>
        <span class="small muted">{text.steps(current.history.index)}</span>
      </div>
      <DatasetFeatureEditorForm properties={snapshot.properties} text={text} onChange={setProperty} />
      {problems.length > 0 ? (
        <div class="data-warning dataset-edit__problems" role="alert">
          <p>{text.problemsHeading}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {save.status === 'failed' ? (
        <div class="data-warning" role="alert">
          <p>{text.saveFailed}</p>
          <ul>
            {save.problems.slice(0, 10).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="dataset-edit__actions">
        <button
          type="button"
          class="text-button dataset-edit__save"
          disabled={!changed || problems.length > 0 || save.status === 'saving'}
          onClick={() => void keep()}
        >
          {save.status === 'saving' ? text.saving : text.save}
        </button>
        <button type="button" class="text-button dataset-edit__cancel" onClick={close}>
          {text.cancel}
        </button>
        {changed ? null : <span class="small muted">{text.nothingChanged}</span>}
      </div>
    </section>
  );
}
