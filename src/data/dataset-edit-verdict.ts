/**
 * What the in-place editor shows about a state of the edit — whether it differs from the feature as
 * it was, whether the shape is still the one sized to its stated figure — worked out once per step
 * of the history. A drag re-renders the editor on every pointer move, and comparing every part of
 * a large outline each time cost more than the move itself; neither answer can change until a step
 * is recorded (a moved vertex is a new history).
 */
import { stillSizedToStated, type EditSession } from './dataset-edit.ts';
import { type EditHistory, hasChanges } from './dataset-edit-history.ts';

export interface EditVerdict {
  /** The edit differs from the feature as it was: leaving it should ask. */
  changed: boolean;
  /** The shape is still the one the build sized to its stated figure (no real check yet). */
  sizedToStated: boolean;
}

const verdicts = new WeakMap<EditHistory, EditVerdict>();

export function editVerdict(session: EditSession): EditVerdict {
  let verdict = verdicts.get(session.history);
  if (!verdict) {
    verdict = { changed: hasChanges(session.history), sizedToStated: stillSizedToStated(session) };
    verdicts.set(session.history, verdict);
  }
  return verdict;
}
