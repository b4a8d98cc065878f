import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { moveTo } from './ranking-model.js';

export type GrabStep = 'pickedUp' | 'moved' | 'dropped' | 'cancelled';

/** What happened to the grabbed option, for the live region and for focus. */
export interface GrabChange {
  step: GrabStep;
  value: string;
  /** Where the option now is (0-based) in a list of `total`. */
  index: number;
  total: number;
  /** False when the person has already moved focus elsewhere, which must not be pulled back. */
  keepFocus: boolean;
}

/** The list a grab works on, owned by the element. */
export interface GrabList {
  order(): readonly string[];
  /** Commits a new order: the element re-renders and saves its draft. */
  reorder(order: string[]): void;
  changed(change: GrabChange): void;
}

/**
 * Keyboard reordering without dragging, as sortable lists in dnd-kit and GOV.UK work:
 * Space or Enter on an option's handle picks it up (the handle is a button, so its click
 * does it), the arrow keys, Home and End move it, Space or Enter drops it, and Escape puts
 * it back where it was picked up from.
 */
export class GrabController implements ReactiveController {
  /** The option picked up, if any. */
  grabbed: string | undefined;
  private from = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly list: GrabList,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.grabbed = undefined;
  }

  isGrabbed(value: string): boolean {
    return this.grabbed === value;
  }

  /** Picks `value` up, or drops it when it is the one held. */
  toggle(value: string): void {
    const order = this.list.order();
    const index = order.indexOf(value);
    if (index === -1) return;
    if (this.grabbed === value) {
      this.grabbed = undefined;
      this.report('dropped', value);
      return;
    }
    this.grabbed = value;
    this.from = index;
    this.report('pickedUp', value);
  }

  /** Handles a key on `value`'s handle; true when the key was used. */
  keydown(event: KeyboardEvent, value: string): boolean {
    if (this.grabbed !== value) return false;
    const order = this.list.order();
    const index = order.indexOf(value);
    const targets: Record<string, number> = {
      ArrowUp: index - 1,
      ArrowDown: index + 1,
      Home: 0,
      End: order.length - 1,
    };
    if (event.key === 'Escape') {
      event.preventDefault();
      this.cancel();
      return true;
    }
    const to = targets[event.key];
    if (to === undefined) return false;
    event.preventDefault();
    this.list.reorder(moveTo(order, value, to));
    this.report('moved', value);
    return true;
  }

  /** Puts the held option back where it was picked up from. */
  cancel(): void {
    const value = this.grabbed;
    if (value === undefined) return;
    this.grabbed = undefined;
    this.list.reorder(moveTo(this.list.order(), value, this.from));
    this.report('cancelled', value);
  }

  /** Drops the held option where it is because focus has left it, e.g. after a Tab. */
  focusLeft(value: string): void {
    if (this.grabbed !== value) return;
    this.grabbed = undefined;
    this.report('dropped', value, false);
  }

  /** Lets go without a word, e.g. when the option leaves the list. */
  release(): void {
    this.grabbed = undefined;
    this.host.requestUpdate();
  }

  private report(step: GrabStep, value: string, keepFocus = true): void {
    const order = this.list.order();
    this.list.changed({ step, value, index: order.indexOf(value), total: order.length, keepFocus });
    this.host.requestUpdate();
  }
}
