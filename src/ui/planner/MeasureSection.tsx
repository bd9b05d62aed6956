/**
 * "Measure": the drawing tools, the live readout while drawing, and each finished shape with its
 * area or length, green land and 绿地率, and overlap with the planning units. Every figure comes
 * from src/analysis (live: the store measures each pointer move; finished: the drawn-shape
 * worker); this component converts units and formats.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DrawnMeasurement } from '../../analysis/drawn-shape-measurement.ts';
import type { DrawnPolygonAnalysis, UnitOverlap } from '../../analysis/drawn-shape-analysis.ts';
import { GREEN_SPACE_RATIO_DEFINITION } from '../../analysis/green-space.ts';
import { measureDrawnGeometry } from '../../analysis/drawn-shape-measurement.ts';
import { language } from '../../i18n/index.ts';
import type { DrawingMode } from '../../map/measure-drawing.ts';
import {
  clearAllShapes,
  connectDrawnShapes,
  deleteShape,
  drawingMode,
  drawnShapeAnalyses,
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
import { touchPointer } from '../../state/touch-pointer.ts';
import {
  metresToKilometres,
  SQUARE_METRES_PER_HECTARE,
  SQUARE_METRES_PER_SQUARE_KILOMETRE,
  squareMetresToHectares,
  squareMetresToMu,
  squareMetresToSquareKilometres,
} from '../../geo/units.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { measureMessages, type MeasureMessages } from './measure-messages.ts';
import './measure.css';

function languageTag(): string {
  return language.value === 'zh' ? 'zh-CN' : 'en';
}

/** The area in the unit a planner reads at that size, then the others: "12.35 ha · 185 亩 · 123 456 m²". */
function formatAreaLine(squareMetres: number, text: MeasureMessages): string {
  const tag = languageTag();
  const squareMetresText = `${formatNumber(squareMetres, tag, 0)} ${text.units.m2}`;
  const hectaresText = `${formatNumber(squareMetresToHectares(squareMetres), tag, squareMetres < 1e6 ? 2 : 1)} ${text.units.ha}`;
  const kilometresText = `${formatNumber(squareMetresToSquareKilometres(squareMetres), tag, 3)} ${text.units.km2}`;
  const muText = `${formatNumber(squareMetresToMu(squareMetres), tag, squareMetres < 1e5 ? 1 : 0)} ${text.units.mu}`;
  if (squareMetres < SQUARE_METRES_PER_HECTARE) return [squareMetresText, muText, hectaresText].join(' · ');
  if (squareMetres < SQUARE_METRES_PER_SQUARE_KILOMETRE) return [hectaresText, muText, squareMetresText].join(' · ');
  return [kilometresText, hectaresText, muText].join(' · ');
}

function formatLength(metres: number, text: MeasureMessages): string {
  const tag = languageTag();
  return metres < 1000
    ? `${formatNumber(metres, tag, 1)} ${text.units.m}`
    : `${formatNumber(metresToKilometres(metres), tag, 3)} ${text.units.km}`;
}

function MeasurementFacts({ measurement, text }: { measurement: DrawnMeasurement; text: MeasureMessages }) {
  if (measurement.type === 'length') {
    return (
      <dl class="facts measure-facts">
        <dt>{text.length}</dt>
        <dd class="measure-length" data-length-m={String(measurement.lengthM)}>
          {formatLength(measurement.lengthM, text)}
        </dd>
      </dl>
    );
  }
  return (
    <dl class="facts measure-facts">
      <dt>{text.area}</dt>
      {measurement.type === 'area' ? (
        <dd class="measure-area" data-area-m2={String(measurement.areaM2)}>
          {formatAreaLine(measurement.areaM2, text)}
        </dd>
      ) : (
        <dd class="measure-area measure-area--none caveat">
          {measurement.problem === 'crosses-itself' ? text.crossesItself : text.tooFewPoints}
        </dd>
      )}
      <dt>{text.perimeter}</dt>
      <dd class="measure-perimeter" data-perimeter-m={String(measurement.perimeterM)}>
        {formatLength(measurement.perimeterM, text)}
      </dd>
    </dl>
  );
}

function unitName(unit: UnitOverlap): string {
  return language.value === 'zh' ? unit.name : unit.nameEn;
}

function AnalysisView({ analysis, text }: { analysis: DrawnPolygonAnalysis; text: MeasureMessages }) {
  const tag = languageTag();
  const touching = analysis.overlaps.filter((unit) => unit.overlapAreaM2 > 0);
  const lang = language.value;
  return (
    <div class="measure-analysis">
      <dl class="facts measure-facts">
        <dt>{text.greenLand}</dt>
        <dd
          class="measure-green-area"
          data-green-area-m2={analysis.greenAreaM2 === null ? '' : String(analysis.greenAreaM2)}
        >
          {analysis.greenAreaM2 === null ? '—' : formatAreaLine(analysis.greenAreaM2, text)}
        </dd>
        <dt>{text.greenSpaceRatio}</dt>
        <dd
          class="measure-green-ratio"
          data-green-space-ratio={analysis.greenSpaceRatio === null ? '' : String(analysis.greenSpaceRatio)}
        >
          {analysis.greenSpaceRatio === null ? '—' : formatPercent(analysis.greenSpaceRatio, tag)}
        </dd>
      </dl>
      <details class="measure-definition small">
        <summary>{text.definition}</summary>
        <p>{GREEN_SPACE_RATIO_DEFINITION[lang]}</p>
      </details>
      {analysis.greenNotCounted.length > 0 ? (
        <p class="caveat small">
          {text.greenNotCounted(
            analysis.greenNotCounted
              .map((item) => (lang === 'zh' ? item.name : item.nameEn))
              .join(lang === 'zh' ? '、' : ', '),
          )}
        </p>
      ) : null}
      <h5 class="measure-subheading">{text.overlapHeading}</h5>
      {touching.length === 0 ? (
        <p class="small muted measure-no-overlap">{text.noOverlap}</p>
      ) : (
        <div class="table-scroll">
          <table class="measure-overlaps">
            <thead>
              <tr>
                <th scope="col">{text.overlapUnit}</th>
                <th scope="col">{text.overlapArea}</th>
                <th scope="col">{text.overlapShare}</th>
              </tr>
            </thead>
            <tbody>
              {touching.map((unit) => (
                <tr key={unit.id} data-unit-id={unit.id} data-overlap-m2={String(unit.overlapAreaM2)}>
                  <th scope="row">
                    {unitName(unit)} <span class="muted small">{text.roles[unit.role] ?? unit.role}</span>
                    {unit.approximate ? <span class="muted small"> {text.approximate}</span> : null}
                  </th>
                  <td>{formatAreaLine(unit.overlapAreaM2, text).split(' · ').slice(0, 2).join(' · ')}</td>
                  <td>{formatPercent(unit.shareOfShape, tag)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {analysis.problems.length > 0 ? (
        <div class="data-warning" role="alert">
          {text.problems}
          <ul>
            {analysis.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function ShapeAnalysis({ shape, text }: { shape: DrawnShape; text: MeasureMessages }) {
  if (shape.geometry.type !== 'Polygon') return null;
  const state = drawnShapeAnalyses.value[shape.id];
  if (!state || state.status === 'pending') {
    return (
      <p class="small muted measure-pending" role="status">
        {text.analysing}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p class="caveat small" role="alert">
        {text.analysisFailed(state.reason)}
      </p>
    );
  }
  // A refused outline is already explained by the area line above.
  if (!state.result.ok) return null;
  return <AnalysisView analysis={state.result.analysis} text={text} />;
}

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

const TOOLS: { mode: DrawingMode; label: (text: MeasureMessages) => string }[] = [
  { mode: 'polygon', label: (text) => text.polygon },
  { mode: 'rectangle', label: (text) => text.rectangle },
  { mode: 'line', label: (text) => text.line },
  { mode: 'select', label: (text) => text.select },
];

export function MeasureSection() {
  const text = measureMessages[language.value];
  const controller = plannerMap.value?.drawing ?? null;
  const mode = drawingMode.value;
  const shapes = drawnShapes.value;
  const live = liveDrawing.value;
  const [confirmingClear, setConfirmingClear] = useState(false);

  // Idempotent: restoring the stored shapes must not wait on anyone else remembering to ask.
  useEffect(() => {
    connectDrawnShapes();
  }, []);

  useEffect(() => {
    if (!controller) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || controller.mode() === 'off') return;
      // First Escape drops the shape in progress; with nothing in progress it leaves the tool.
      if (liveDrawing.peek() && liveDrawing.peek()!.editingId === null) controller.cancel();
      else controller.setMode('off');
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [controller]);

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
        <>
          <div class="measure-tools" role="group" aria-label={text.toolsLabel}>
            {TOOLS.map((tool) => (
              <button
                key={tool.mode}
                type="button"
                class="text-button measure-tool"
                data-tool={tool.mode}
                aria-pressed={mode === tool.mode ? 'true' : 'false'}
                onClick={() => controller.setMode(mode === tool.mode ? 'off' : tool.mode)}
              >
                {tool.label(text)}
              </button>
            ))}
            {mode !== 'off' ? (
              <button type="button" class="text-button measure-stop" onClick={() => controller.setMode('off')}>
                {text.stop}
              </button>
            ) : null}
          </div>
          <p class="small muted measure-hint">{(touchPointer.value ? text.touchHints : text.hints)[mode]}</p>
          {/* The figures follow the pointer; a screen reader hears only the finished shape's (below). */}
          <div class="measure-live" aria-live="off">
            {live && live.editingId === null ? (
              <>
                <h4 class="measure-subheading">
                  {text.liveHeading} · {text.shapeKind[live.tool]}
                </h4>
                <MeasurementFacts measurement={live.measurement} text={text} />
              </>
            ) : null}
          </div>
        </>
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
        </>
      )}
      <p class="small muted">{text.method}</p>
    </section>
  );
}
