/**
 * The drawing controls: the tools (polygon, rectangle, line, select) and stop, the hint for the
 * tool in use (touch or mouse), the live figures while a shape is drawn, and Escape to leave.
 * Shown only once the map's drawing controller exists.
 */
import { useEffect } from 'preact/hooks';
import type { DrawingMode, MeasureDrawingController } from '../../map/measure-drawing.ts';
import { drawingMode, liveDrawing } from '../../state/drawn-shapes-store.ts';
import { touchPointer } from '../../state/touch-pointer.ts';
import { MeasurementFacts } from './MeasureFigures.tsx';
import type { MeasureMessages } from './measure-messages.ts';

const TOOLS: { mode: DrawingMode; label: (text: MeasureMessages) => string }[] = [
  { mode: 'polygon', label: (text) => text.polygon },
  { mode: 'rectangle', label: (text) => text.rectangle },
  { mode: 'line', label: (text) => text.line },
  { mode: 'select', label: (text) => text.select },
];

interface MeasureDrawingControlsProps {
  controller: MeasureDrawingController;
  text: MeasureMessages;
}

export function MeasureDrawingControls({ controller, text }: MeasureDrawingControlsProps) {
  const mode = drawingMode.value;
  const live = liveDrawing.value;

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

  return (
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
  );
}
