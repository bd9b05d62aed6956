/**
 * Where the dataset on screen came from: the shipped `geodata/`, or a dataset package the planner
 * loaded (issue 11). While it is not the shipped one, a banner says so and offers the way back.
 */
import { signal } from '@preact/signals';
import { CHANGES_FILE, type DatasetChange, readDatasetChanges } from '../data/dataset-changes.ts';
import { type DatasetFiles, recordingReader } from '../data/dataset-fingerprint.ts';
import { type DatasetResult, loadDataset } from '../data/load-dataset.ts';
import { canUndoReset, readStoredDataset } from '../data/storage/dataset-override.ts';

export type DatasetOrigin =
  | { kind: 'shipped'; canUndoReset: boolean }
  | { kind: 'package'; fileName: string; storedAt: string; changes: DatasetChange[] }
  /** A stored package exists but could not be used: the shipped data is shown instead. */
  | { kind: 'unusable-package'; problems: string[] };

export const datasetOrigin = signal<DatasetOrigin>({ kind: 'shipped', canUndoReset: false });

/**
 * The dataset package the planner loaded (kept in IndexedDB), when there is one and it still loads;
 * otherwise the shipped `geodata/`, with the reason the package was not used on the banner.
 */
export async function loadCurrentDataset(
  readGeodataFile: (relativePath: string) => Promise<string>,
): Promise<{ result: DatasetResult; files: DatasetFiles }> {
  const stored = await readStoredDataset();
  if (stored.kind === 'stored') {
    const files = new Map(stored.dataset.files);
    const reader = recordingReader(async (path) => {
      const text = files.get(path);
      if (text === undefined) throw new Error('missing from the stored dataset');
      return text;
    });
    const result = await loadDataset(reader.readText);
    if (result.ok) {
      datasetOrigin.value = {
        kind: 'package',
        fileName: stored.dataset.fileName,
        storedAt: stored.dataset.storedAt,
        changes: readDatasetChanges(files.get(CHANGES_FILE)),
      };
      return { result, files: reader.files };
    }
    datasetOrigin.value = { kind: 'unusable-package', problems: result.problems };
  } else if (stored.kind === 'unreadable') {
    datasetOrigin.value = { kind: 'unusable-package', problems: [stored.reason] };
  } else {
    datasetOrigin.value = { kind: 'shipped', canUndoReset: canUndoReset() };
  }
  const reader = recordingReader(readGeodataFile);
  return { result: await loadDataset(reader.readText), files: reader.files };
}
