/**
 * The dataset as files (issue 11 §2): export the current dataset as a package laid out like
 * `geodata/`, or load such a package to replace the shipped dataset. A package is validated like
 * `geodata/` before anything is replaced; a valid one is kept in IndexedDB and the page reloads
 * with it, so every panel, the map and the statistics follow from one load.
 */
import { useState } from 'preact/hooks';
import { datasetPackageFiles, readDatasetPackage, writeDatasetPackage } from '../../data/dataset-package.ts';
import { storeDataset } from '../../data/storage/dataset-override.ts';
import { language } from '../../i18n/index.ts';
import { datasetState } from '../../state/app-state.ts';
import { datasetOrigin } from '../../state/dataset-origin.ts';
import { datasetMessages } from './dataset-messages.ts';
import { download } from './download.ts';

type LoadState = { status: 'idle' } | { status: 'loading' } | { status: 'failed'; problems: string[] };

async function loadPackage(file: File): Promise<string[] | null> {
  const text = datasetMessages[language.value];
  const read = await readDatasetPackage(new Uint8Array(await file.arrayBuffer()), file.name);
  if (!read.ok) return read.problems;
  try {
    await storeDataset({ format: 1, fileName: file.name, storedAt: new Date().toISOString(), files: [...read.files] });
  } catch (error) {
    return [text.storeFailed(error instanceof Error ? error.message : String(error))];
  }
  window.location.reload();
  return null;
}

export function DatasetSection() {
  const text = datasetMessages[language.value];
  const [load, setLoad] = useState<LoadState>({ status: 'idle' });
  const state = datasetState.value;
  const origin = datasetOrigin.value;
  const exportDataset = (): void => {
    if (state.status !== 'ready') return;
    const changes = origin.kind === 'package' ? origin.changes : [];
    const zip = writeDatasetPackage(datasetPackageFiles(state.dataset, changes));
    download(new Blob([zip as BlobPart], { type: 'application/zip' }), 'luzhou-hitech-zone-dataset.zip');
  };
  return (
    <section class="planner-section dataset-section" aria-labelledby="dataset-heading">
      <h3 id="dataset-heading">{text.heading}</h3>
      <p class="small muted">{text.intro}</p>
      <p class="import-controls">
        <button
          type="button"
          class="text-button"
          data-dataset-export
          disabled={state.status !== 'ready'}
          onClick={exportDataset}
        >
          {text.exportButton}
        </button>
        <label class="text-button file-button">
          {text.loadButton}
          <input
            type="file"
            class="visually-hidden"
            data-dataset-input
            accept=".zip,application/zip"
            disabled={load.status === 'loading'}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              input.value = '';
              if (!file) return;
              setLoad({ status: 'loading' });
              loadPackage(file).then(
                (problems) => setLoad(problems ? { status: 'failed', problems } : { status: 'loading' }),
                (error: unknown) => setLoad({ status: 'failed', problems: [String(error)] }),
              );
            }}
          />
        </label>
      </p>
      <p class="small muted">{text.exportNote}</p>
      {origin.kind === 'package' && origin.changes.length > 0 ? (
        <details class="dataset-changes" data-dataset-changes>
          <summary>{text.changesHeading(origin.changes.length)}</summary>
          <ol class="small">
            {origin.changes.map((change, index) => (
              <li key={index}>
                <time dateTime={change.at}>{change.at.slice(0, 16).replace('T', ' ')}</time> · {change.layerId}
                {change.featureId ? ` / ${change.featureId}` : ''} · {change.what}
                {change.fromFile ? ` · ${change.fromFile}` : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {load.status === 'loading' ? (
        <p class="small muted" role="status">
          {text.loading}
        </p>
      ) : null}
      {load.status === 'failed' ? (
        <div class="data-warning" role="alert">
          <p>{text.loadFailed}</p>
          <ul>
            {load.problems.slice(0, 20).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
