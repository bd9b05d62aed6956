/**
 * Files dropped anywhere on the page are imported like chosen ones. While something is dragged
 * over the page `fileDragActive` is true, so the map can say where to let go.
 */
import { signal } from '@preact/signals';
import { importFiles, prepareImports } from '../../state/imported-layers-store.ts';
import { importMessages } from './import-messages.ts';
import { importCoordinateSystem } from './planner-preferences.ts';
import { plannerOpen } from './PlannerPanel.tsx';

export const fileDragActive = signal(false);

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** Listens on the document; returns the function that stops listening. */
export function connectFileDrop(target: Document = document): () => void {
  // dragenter/dragleave fire for every child element crossed: count them instead of trusting one.
  let depth = 0;
  const onDragEnter = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    depth += 1;
    fileDragActive.value = true;
    // A file on its way in is the clearest intent there is: the worker loads while it is dragged.
    prepareImports();
  };
  const onDragLeave = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) fileDragActive.value = false;
  };
  const onDragOver = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    // Without this the browser opens the file in the tab and the planner's page is gone.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent): void => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth = 0;
    fileDragActive.value = false;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    plannerOpen.value = true;
    void importFiles(files, importCoordinateSystem.value);
  };
  target.addEventListener('dragenter', onDragEnter);
  target.addEventListener('dragleave', onDragLeave);
  target.addEventListener('dragover', onDragOver);
  target.addEventListener('drop', onDrop);
  return () => {
    target.removeEventListener('dragenter', onDragEnter);
    target.removeEventListener('dragleave', onDragLeave);
    target.removeEventListener('dragover', onDragOver);
    target.removeEventListener('drop', onDrop);
  };
}

export function FileDropOverlay() {
  if (!fileDragActive.value) return null;
  return (
    <div class="file-drop-overlay" aria-hidden="true">
      <p>{importMessages().dropHere}</p>
    </div>
  );
}
