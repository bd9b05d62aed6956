/**
 * Keeps a dataset package built from the dataset this page loaded ("use as …", edit in place), but
 * never over a save another tab made since: that tab's work would vanish without a word. The
 * planner is told to reload instead, and the edit on screen stays until they leave.
 */
import {
  DatasetChangedElsewhere,
  type StoredDataset,
  storeDatasetReplacing,
} from '../../data/storage/dataset-override.ts';
import { language } from '../../i18n/index.ts';
import { datasetOrigin } from '../../state/dataset-origin.ts';

const CHANGED_ELSEWHERE = {
  zh: '数据集已在另一个标签页中修改——请重新加载以查看；在离开本页之前，你的修改仍保留在这里。',
  en: 'The dataset was changed in another tab — reload to see it; your edit is kept until you leave.',
} as const;

/** Stores the package, or rejects with a message for the planner (another tab's save, quota, …). */
export async function storeOverLoadedDataset(dataset: StoredDataset): Promise<void> {
  const origin = datasetOrigin.peek();
  // An unusable stored record is replaced without a check: there is nothing of the planner's in it.
  const loadedStoredAt = origin.kind === 'package' ? origin.storedAt : origin.kind === 'shipped' ? null : undefined;
  try {
    await storeDatasetReplacing(dataset, loadedStoredAt);
  } catch (error) {
    if (error instanceof DatasetChangedElsewhere) throw new Error(CHANGED_ELSEWHERE[language.peek()]);
    throw error;
  }
}
