/**
 * Says, above everything, when the map shows a dataset other than the shipped one (issue 11), with
 * the way back; after going back, offers to undo until the page is left. A stored package that can
 * no longer be used is named with its problems and can be removed.
 */
import {
  discardStoredDataset,
  restoreSetAsideDataset,
  setStoredDatasetAside,
} from '../data/storage/dataset-override.ts';
import { language } from '../i18n/index.ts';
import { datasetOrigin } from '../state/dataset-origin.ts';
import { datasetMessages } from './planner/dataset-messages.ts';
import './dataset-banner.css';

const reload = () => window.location.reload();

export function DatasetBanner() {
  const origin = datasetOrigin.value;
  const text = datasetMessages[language.value];
  if (origin.kind === 'shipped' && !origin.canUndoReset) return null;
  return (
    <div class="dataset-banner" role="status" data-dataset-banner={origin.kind}>
      {origin.kind === 'package' ? (
        <>
          <span>{text.bannerPackage(origin.fileName, origin.changes.length)}</span>{' '}
          <button
            type="button"
            class="text-button"
            onClick={() => {
              if (window.confirm(text.confirmBackToShipped)) void setStoredDatasetAside().then(reload);
            }}
          >
            {text.backToShipped}
          </button>
        </>
      ) : origin.kind === 'unusable-package' ? (
        <>
          <span>{text.bannerUnusable}</span>
          <ul>
            {origin.problems.slice(0, 5).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <button type="button" class="text-button" onClick={() => void discardStoredDataset().then(reload)}>
            {text.discardUnusable}
          </button>
        </>
      ) : (
        <>
          <span>{text.bannerUndo}</span>{' '}
          <button
            type="button"
            class="text-button"
            onClick={() => void restoreSetAsideDataset().then((restored) => restored && reload())}
          >
            {text.undoReset}
          </button>
        </>
      )}
    </div>
  );
}
