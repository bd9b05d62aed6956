/**
 * Where the in-place feature editor (issue 11 §1) enters the feature's panel: the "编辑形状" button
 * and the editor itself, whose code loads the first time a planner asks for it. Small on purpose:
 * the feature's panel is part of the first load.
 */
import { language } from '../../i18n/index.ts';
import { effect } from '@preact/signals';
import { guardSelection, selectedFeature } from '../../state/app-state.ts';
import { editHasChanges, editingFeature } from '../../state/dataset-feature-editing.ts';
import { type FeatureReference, sameFeature } from '../../state/feature-reference.ts';
import { plannerMap } from '../../state/planner-map.ts';
import { lazyComponent, lazyModule } from '../lazy-module.tsx';

const editorModule = lazyModule(() => import('./DatasetFeatureEditor.tsx'));

export const LazyDatasetFeatureEditor = lazyComponent(editorModule, (module) => module.DatasetFeatureEditor);

const LABEL = { zh: '编辑形状', en: 'Edit shape' } as const;
const CONFIRM_DISCARD = {
  zh: '放弃对此要素未保存的修改？',
  en: 'Discard the unsaved changes to this feature?',
} as const;

/** Whether the panel may close: an edit with unsaved changes asks first. */
export function mayLeaveEdit(): boolean {
  if (!editingFeature.peek() || !editHasChanges.peek()) return true;
  if (!window.confirm(CONFIRM_DISCARD[language.peek()])) return false;
  // Agreed once: the selection guard that the panel's × goes through next does not ask again.
  editHasChanges.value = false;
  return true;
}

// A search result, a list row or a link choosing another feature asks too, not only the panel's ×.
guardSelection(() => mayLeaveEdit());

// The edit ends when its feature is no longer the selected one (the guard above has agreed), not
// when the editor unmounts: a phone/desktop layout switch remounts the panel mid-edit.
effect(() => {
  const selected = selectedFeature.value;
  const editing = editingFeature.peek();
  if (editing && !sameFeature(editing, selected)) editingFeature.value = null;
});

/** Shown once the planner's map tools have loaded: editing happens on the map. */
export function EditShapeButton({ reference }: { reference: FeatureReference }) {
  if (!plannerMap.value) return null;
  return (
    <button
      type="button"
      class="text-button edit-shape-button"
      onClick={() => {
        void editorModule.load();
        editingFeature.value = { layerId: reference.layerId, featureId: reference.featureId };
      }}
    >
      {LABEL[language.value]}
    </button>
  );
}
