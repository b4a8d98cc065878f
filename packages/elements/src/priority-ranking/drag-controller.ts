import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { insertionIndex, moveTo } from './ranking-model.js';
import { edgeSpeed, scrollerOf, type Scroller } from './auto-scroll.js';

/** How far a pointer must travel before a press on a handle becomes a drag, not a click. */
const DRAG_THRESHOLD_PX = 4;

export type DragStep = 'dropped' | 'cancelled';

/** How a drag ended, for the live region and for focus. */
export interface DragEnd {
  step: DragStep;
  value: string;
  /** Where the option now is (0-based) in a list of `total`. */
  index: number;
  total: number;
}

/** The list a drag works on, owned by the element. */
export interface DragList {
  order(): readonly string[];
  /** Commits a new order: the element re-renders and saves its draft. */
  reorder(order: string[]): void;
  /** The rows on screen, one per value of `order()`, in the same order. */
  rows(): readonly HTMLElement[];
  /** A drag is about to start: anything held by the keyboard is let go. */
  starting(): void;
  ended(end: DragEnd): void;
}

interface Press {
  value: string;
  pointerId: number;
  x: number;
  y: number;
}

/**
 * Dragging an option by its handle with a mouse, pen or finger: an extra for those who find
 * it easier, never the only way (WCAG 2.5.7; the buttons and keyboard do everything). Nothing
 * moves while the pointer is down: a line shows where the option will land, and it moves
 * there when the pointer is let go. Escape or a cancelled touch puts nothing anywhere.
 * Holding the pointer near the top or bottom edge scrolls the list, except when the person
 * prefers reduced motion: then nothing moves that they did not move themselves.
 */
export class DragController implements ReactiveController {
  /** The option being dragged, if any. */
  dragging: string | undefined;
  /** Where the dragged option would land (0-based in the list), while dragging. */
  target = -1;

  private press: Press | undefined;
  private from = -1;
  private lastY = 0;
  private scroller: Scroller | undefined;
  private scrollFrame = 0;
  private swallowClick = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly list: DragList,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** A press on `value`'s handle: the start of a drag if the pointer then travels. */
  pointerdown(event: PointerEvent, value: string): void {
    if (event.button !== 0 || !event.isPrimary || this.press) return;
    this.press = { value, pointerId: event.pointerId, x: event.clientX, y: event.clientY };
    addEventListener('pointermove', this.onMove);
    addEventListener('pointerup', this.onUp);
    addEventListener('pointercancel', this.onCancel);
    addEventListener('keydown', this.onKeydown, true);
    // Moves and the release reach the handle even from outside the window. Nothing is moved
    // in the page during a drag, so the handle keeps the capture to the end. A pointer the
    // browser does not know (a script's own event) cannot be captured; the window still hears it.
    try {
      if (event.currentTarget instanceof Element) event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // Not capturable: dragging works within the window.
    }
  }

  /**
   * Whether a click on a handle is the tail of a drag, which must not also pick the option
   * up for the keyboard. True once per drag.
   */
  takeClick(): boolean {
    const swallow = this.swallowClick;
    this.swallowClick = false;
    return swallow;
  }

  private readonly onMove = (event: PointerEvent): void => {
    const press = this.press;
    if (press?.pointerId !== event.pointerId) return;
    if (this.dragging === undefined) {
      const travelled = Math.hypot(event.clientX - press.x, event.clientY - press.y);
      if (travelled < DRAG_THRESHOLD_PX) return;
      this.begin(press.value);
    }
    event.preventDefault();
    this.lastY = event.clientY;
    this.aim();
    this.autoScroll();
  };

  private readonly onUp = (event: PointerEvent): void => {
    if (event.pointerId !== this.press?.pointerId) return;
    const value = this.dragging;
    if (value === undefined) {
      this.stop();
      return;
    }
    const order = moveTo(this.list.order(), value, this.target);
    this.stop();
    this.swallowClick = true;
    // A click, if one follows, comes in this same task; later clicks are the person's own.
    setTimeout(() => {
      this.swallowClick = false;
    });
    this.list.reorder(order);
    this.report('dropped', value);
  };

  private readonly onCancel = (event: PointerEvent): void => {
    if (event.pointerId === this.press?.pointerId) this.cancel();
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.dragging === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    this.cancel();
  };

  private begin(value: string): void {
    this.list.starting();
    this.dragging = value;
    this.from = this.list.order().indexOf(value);
    this.target = this.from;
    const row = this.list.rows()[this.from];
    this.scroller = row ? scrollerOf(row) : undefined;
    this.host.requestUpdate();
  }

  /** Leaves everything where it was. */
  private cancel(): void {
    const value = this.dragging;
    this.stop();
    if (value !== undefined) this.report('cancelled', value);
  }

  /** Where the pointer would drop the option: before the first other row whose middle is below it. */
  private aim(): void {
    const rows = this.list.rows();
    const middles = rows
      .filter((_, index) => index !== this.from)
      .map((row) => {
        const { top, height } = row.getBoundingClientRect();
        return top + height / 2;
      });
    const target = insertionIndex(middles, this.lastY);
    if (target === this.target) return;
    this.target = target;
    this.host.requestUpdate();
  }

  /** Scrolls while the pointer is held near an edge, re-aiming as the rows pass under it. */
  private autoScroll(): void {
    if (this.scrollFrame || !this.scroller || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    const step = (): void => {
      this.scrollFrame = 0;
      const scroller = this.scroller;
      if (this.dragging === undefined || !scroller) return;
      const speed = edgeSpeed(this.lastY, scroller.visibleTop(), scroller.visibleBottom());
      if (speed === 0 || !scroller.scrollBy(speed)) return;
      this.aim();
      this.scrollFrame = requestAnimationFrame(step);
    };
    this.scrollFrame = requestAnimationFrame(step);
  }

  private stop(): void {
    const wasDragging = this.dragging !== undefined;
    this.press = undefined;
    this.dragging = undefined;
    this.target = -1;
    this.scroller = undefined;
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = 0;
    removeEventListener('pointermove', this.onMove);
    removeEventListener('pointerup', this.onUp);
    removeEventListener('pointercancel', this.onCancel);
    removeEventListener('keydown', this.onKeydown, true);
    if (wasDragging) this.host.requestUpdate();
  }

  private report(step: DragStep, value: string): void {
    const order = this.list.order();
    this.list.ended({ step, value, index: order.indexOf(value), total: order.length });
  }
}
