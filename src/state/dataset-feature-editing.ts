/**
 * Which dataset feature is being edited in place (issue 11 §1), if any: the feature's panel shows
 * the editor instead of its facts while this names it. Kept apart from the editor, which loads
 * with the planner's code, so the first-load panel can ask without loading it.
 */
import { signal } from '@preact/signals';
import type { FeatureReference } from './feature-reference.ts';

export const editingFeature = signal<FeatureReference | null>(null);

/** The edit on screen differs from the dataset: leaving it should ask first. */
export const editHasChanges = signal(false);

export function isEditing(reference: FeatureReference): boolean {
  const editing = editingFeature.value;
  return editing !== null && editing.layerId === reference.layerId && editing.featureId === reference.featureId;
}
