/**
 * "Measure": the drawing tools, the live readout while drawing, and each finished shape with its
 * area or length, green land and 绿地率, and overlap with the planning units. Every figure comes
 * from src/analysis (live: the store measures each pointer move; finished: the drawn-shape
 * worker); this component lists the shapes. The drawing controls (MeasureDrawingControls.tsx),
 * the analysis view (MeasureAnalysis.tsx) and the figures' formats (MeasureFigures.tsx) live apart;
 * the drawn polygons can become a dataset layer (DrawnShapesReplaceForm.tsx).
 */
import { useEffect, useState } from 'preact/hooks';
import { measureDrawnGeometry } from '../../analysis/drawn-shape-measurement.ts';
import { language } from '../../i18n/index.ts';
import {
  clearAllShapes,
  connectDrawnShapes,
  deleteShape,
  drawingMode,
  drawnShapes,
  drawnShapesNotice,
  exportDrawnShapes,
  lastFinishedShapeId,
  liveDrawing,
  renameShape,
  selectedShapeId,
  type DrawnShape,
} from '../../state/drawn-shapes-store.ts';
import { plannerMap } from '../../state/planner-map.ts';
import { DrawnShapesReplaceForm } from './DrawnShapesReplaceForm.tsx';
import { ShapeAnalysis } from './MeasureAnalysis.tsx';
import { MeasureDrawingControls } from './MeasureDrawingControls.tsx';
import { formatAreaLine, formatLength, MeasurementFacts } from './MeasureFigures.tsx';
import { measureMessages, type MeasureMessages } from './measure-messages.ts';
import './measure.css';

function displayName(shape: DrawnShape, index: number, text: MeasureMessages): string {
  return shape.name.trim() || text.unnamed(text.shapeKind[shape.tool], index + 1);
}

function ShapeItem({
  shape,
  index,
  text,
  canEdit,
}: {
  shape: DrawnShape;
  index: number;
  text: MeasureMessages;
  canEdit: boolean;
}) {
  const selected = selectedShapeId.value === shape.id;
  const name = displayName(shape, index, text);
  const inputId = `measure-name-${shape.id}`;
  const live = liveDrawing.value;
  // While a vertex is dragged, the figures follow the pointer; the store keeps the last finished shape.
  const measurement = live && live.editingId === shape.id ? live.measurement : measureDrawnGeometry(shape.geometry);
  return (
    <li
      class={selected ? 'measure-shape measure-shape--selected' : 'measure-shape'}
      data-shape-id={shape.id}
      data-shape-tool={shape.tool}
    >
      <div class="measure-shape__header">
        <strong class="measure-shape__title">{name}</strong>
        {selected ? <span class="badge">{text.selected}</span> : null}
      </div>
      <p class="measure-name-field">
        <label for={inputId}>{text.nameLabel}</label>{' '}
        <input
          id={inputId}
          type="text"
          class="measure-name"
          maxLength={200}
          value={shape.name}
          placeholder={text.unnamed(text.shapeKind[shape.tool], index + 1)}
          onChange={(event) => renameShape(shape.id, event.currentTarget.value)}
        />
      </p>
      <MeasurementFacts measurement={measurement} text={text} />
      <ShapeAnalysis shape={shape} text={text} />
      <p class="measure-shape__actions">
        {canEdit ? (
          <button
            type="button"
            class="text-button measure-edit"
            aria-label={text.edit(name)}
            onClick={() => plannerMap.value?.drawing.select(shape.id)}
          >
            {text.select}
          </button>
        ) : null}
        <button
          type="button"
          class="text-button measure-delete"
          aria-label={text.remove(name)}
          onClick={() => deleteShape(shape.id)}
        >
          {text.deleteOne}
        </button>
      </p>
    </li>
  );
}

function Notice({ text }: { text: MeasureMessages }) {
  const notice = drawnShapesNotice.value;
  if (!notice) return null;
  const failure = notice.kind === 'storage-failed' || notice.kind === 'stored-value-unreadable';
  const message =
    notice.kind === 'restored-with-losses'
      ? text.notices.restoredWithLosses(notice.kept, notice.dropped)
      : notice.kind === 'stored-value-unreadable'
        ? text.notices.storedValueUnreadable
        : notice.kind === 'storage-failed'
          ? text.notices.storageFailed
          : text.notices.mapRefused(notice.count);
  return (
    <div class="data-warning measure-notice" role={failure ? 'alert' : 'status'}>
      {message}{' '}
      <button type="button" class="text-button" onClick={() => (drawnShapesNotice.value = null)}>
        {text.dismiss}
      </button>
    </div>
  );
}

function downloadShapes(): void {
  const url = URL.createObjectURL(exportDrawnShapes());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'drawn-shapes.geojson';
  link.click();
  // The click has started the download; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function MeasureSection() {
  const text = measureMessages[language.value];
  const controller = plannerMap.value?.drawing ?? null;
  const mode = drawingMode.value;
  const shapes = drawnShapes.value;
  const [confirmingClear, setConfirmingClear] = useState(false);

  // Idempotent: restoring the stored shapes must not wait on anyone else remembering to ask.
  useEffect(() => {
    connectDrawnShapes();
  }, []);

  const finishedIndex = shapes.findIndex((shape) => shape.id === lastFinishedShapeId.value);
  const finished = finishedIndex >= 0 ? shapes[finishedIndex]! : null;
  const finishedMeasurement = finished ? measureDrawnGeometry(finished.geometry) : null;
  const announcement =
    finished && finishedMeasurement
      ? `${displayName(finished, finishedIndex, text)}: ${
          finishedMeasurement.type === 'length'
            ? `${text.length} ${formatLength(finishedMeasurement.lengthM, text)}`
            : finishedMeasurement.type === 'area'
              ? `${text.area} ${formatAreaLine(finishedMeasurement.areaM2, text)}`
              : text.crossesItself
        }`
      : '';

  const selected = selectedShapeId.value;
  const selectedIndex = shapes.findIndex((shape) => shape.id === selected);

  return (
    <section class="panel measure-section" aria-labelledby="measure-heading" data-drawing-mode={mode}>
      <h3 id="measure-heading">{text.heading}</h3>
      <p class="small muted">{text.intro}</p>
      <Notice text={text} />
      {controller ? (
        <MeasureDrawingControls controller={controller} text={text} />
      ) : (
        <p class="data-warning measure-needs-map">{text.needsMap}</p>
      )}
      <p class="visually-hidden measure-announcement" role="status">
        {announcement}
      </p>
      <h4 class="measure-subheading">{text.shapesHeading(shapes.length)}</h4>
      {shapes.length === 0 ? (
        <p class="small muted">{text.noShapes}</p>
      ) : (
        <>
          <ol class="measure-shapes">
            {shapes.map((shape, index) => (
              <ShapeItem key={shape.id} shape={shape} index={index} text={text} canEdit={controller !== null} />
            ))}
          </ol>
          <p class="measure-list-actions">
            <button
              type="button"
              class="text-button measure-delete-selected"
              disabled={selectedIndex < 0}
              onClick={() => selected && deleteShape(selected)}
            >
              {text.deleteSelected}
            </button>
            <button type="button" class="text-button measure-export" onClick={downloadShapes}>
              {text.exportGeoJson}
            </button>
            {confirmingClear ? null : (
              <button type="button" class="text-button measure-clear" onClick={() => setConfirmingClear(true)}>
                {text.clearAll}
              </button>
            )}
          </p>
          {confirmingClear ? (
            <div class="measure-confirm" role="alertdialog" aria-labelledby="measure-confirm-text">
              <p id="measure-confirm-text">{text.confirmClearAll(shapes.length)}</p>
              <button
                type="button"
                class="text-button measure-clear-confirm"
                onClick={() => {
                  setConfirmingClear(false);
                  void clearAllShapes();
                }}
              >
                {text.confirmClearYes}
              </button>{' '}
              <button
                type="button"
                class="text-button"
                ref={(element) => element?.focus()}
                onClick={() => setConfirmingClear(false)}
              >
                {text.confirmClearNo}
              </button>
            </div>
          ) : null}
          <DrawnShapesReplaceForm shapes={shapes} />
        </>
      )}
      <p class="small muted">{text.method}</p>
    </section>
  );
}
