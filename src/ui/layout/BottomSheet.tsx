/**
 * On a phone the sidebar's panels live in a sheet over the bottom of a full-height map. The user
 * drags its handle between three heights (peek: only the tabs; half; full) or taps it, as a
 * button, to step through them; arrow keys move it one step. On a desktop the same element is a
 * plain part of the sidebar and the handle is not shown.
 *
 * The map underneath never changes size, so MapLibre needs no resize; what changes is how much of
 * it the sheet hides. `.sheet-cover` has the sheet's resting height at once (no animation), so
 * whoever frames something on the map (MapView's panel cover) can leave that part out.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { layoutMessages } from './layout-messages.ts';
import { SHEET_SNAPS, type SheetSnap, nextSnap, sheetSnap, snapAfterDrag } from './layout-state.ts';

/** The height of the sheet at peek: the handle and the tabs. The CSS has it as --sheet-peek (app.css). */
const SHEET_PEEK_PX = 100;
const SHEET_CONTENT_ID = 'bottom-sheet-content';

/** A pointer that moved less than this far was a tap. */
const TAP_SLOP_PX = 8;

interface Drag {
  pointerId: number;
  startY: number;
  startVisible: number;
  frameHeight: number;
  lastY: number;
  lastTime: number;
  velocityUp: number;
  moved: boolean;
}

function snapHeights(frameHeight: number): Record<SheetSnap, number> {
  return {
    peek: Math.min(SHEET_PEEK_PX, frameHeight),
    half: Math.min(frameHeight, Math.max(SHEET_PEEK_PX, window.innerHeight / 2)),
    full: frameHeight,
  };
}

export function BottomSheet({ children }: { children: ComponentChildren }) {
  const text = layoutMessages();
  const snap = sheetSnap.value;
  const frame = useRef<HTMLDivElement>(null);
  const sheet = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const dragEndedAsDrag = useRef(false);

  const placeSheet = (visible: number | null): void => {
    const element = sheet.current;
    if (!element) return;
    if (visible === null) {
      element.style.removeProperty('transform');
      element.classList.remove('bottom-sheet--dragging');
      return;
    }
    element.classList.add('bottom-sheet--dragging');
    element.style.transform = `translateY(${(drag.current?.frameHeight ?? 0) - visible}px)`;
  };

  const onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 || !frame.current || !sheet.current) return;
    const frameBox = frame.current.getBoundingClientRect();
    const sheetBox = sheet.current.getBoundingClientRect();
    drag.current = {
      pointerId: event.pointerId,
      startY: event.clientY,
      startVisible: frameBox.bottom - sheetBox.top,
      frameHeight: frameBox.height,
      lastY: event.clientY,
      lastTime: event.timeStamp,
      velocityUp: 0,
      moved: false,
    };
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
  };

  const onPointerMove = (event: PointerEvent): void => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    if (!current.moved && Math.abs(event.clientY - current.startY) < TAP_SLOP_PX) return;
    current.moved = true;
    const elapsed = event.timeStamp - current.lastTime;
    if (elapsed > 0) current.velocityUp = (current.lastY - event.clientY) / elapsed;
    current.lastY = event.clientY;
    current.lastTime = event.timeStamp;
    const heights = snapHeights(current.frameHeight);
    const visible = Math.max(
      heights.peek,
      Math.min(heights.full, current.startVisible + current.startY - event.clientY),
    );
    placeSheet(visible);
  };

  const endDrag = (event: PointerEvent, cancelled: boolean): void => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    dragEndedAsDrag.current = current.moved;
    if (!current.moved) return; // a tap: the click that follows steps the sheet
    const heights = snapHeights(current.frameHeight);
    const visible = current.startVisible + current.startY - event.clientY;
    placeSheet(null);
    if (!cancelled) sheetSnap.value = snapAfterDrag(visible, heights, current.velocityUp);
  };

  const onClick = (): void => {
    if (dragEndedAsDrag.current) {
      dragEndedAsDrag.current = false;
      return;
    }
    sheetSnap.value = nextSnap(sheetSnap.peek());
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const index = SHEET_SNAPS.indexOf(sheetSnap.peek());
    const step = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    sheetSnap.value = SHEET_SNAPS[Math.max(0, Math.min(SHEET_SNAPS.length - 1, index + step))]!;
  };

  // Keyboard focus moving into the content of a lowered sheet brings it up, so what has the focus shows.
  const onFocusIn = (event: FocusEvent): void => {
    const target = event.target instanceof Element ? event.target : null;
    if (sheetSnap.peek() === 'peek' && target && !target.closest('[role="tablist"]')) sheetSnap.value = 'half';
  };

  return (
    <div ref={frame} class="sheet-frame" data-snap={snap}>
      <div class="sheet-cover" data-covers-map="bottom" aria-hidden="true" />
      <div ref={sheet} class="bottom-sheet" data-snap={snap}>
        <button
          type="button"
          class="sheet-handle"
          aria-controls={SHEET_CONTENT_ID}
          aria-expanded={snap !== 'peek'}
          aria-label={text.handle[snap]}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={(event) => endDrag(event, false)}
          onPointerCancel={(event) => endDrag(event, true)}
          onClick={onClick}
          onKeyDown={onKeyDown}
        >
          <span class="sheet-handle__grip" aria-hidden="true" />
        </button>
        <div id={SHEET_CONTENT_ID} class="bottom-sheet__content" onFocusIn={onFocusIn}>
          {children}
        </div>
      </div>
    </div>
  );
}
