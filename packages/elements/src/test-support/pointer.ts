import { executeServerCommand, sendMouse } from '@web/test-runner-commands';

/** A point inside an element, in viewport pixels, as the browser's input commands want it. */
export function pointIn(element: Element, fraction = 0.5): [number, number] {
  const { left, top, width, height } = element.getBoundingClientRect();
  return [Math.round(left + width / 2), Math.round(top + height * fraction)];
}

/** Moves the real mouse pointer in steps, so the page sees a run of pointermove events. */
export async function mouseTo(from: [number, number], to: [number, number], steps = 5): Promise<void> {
  for (let step = 1; step <= steps; step++) {
    const x = Math.round(from[0] + ((to[0] - from[0]) * step) / steps);
    const y = Math.round(from[1] + ((to[1] - from[1]) * step) / steps);
    await sendMouse({ type: 'move', position: [x, y] });
  }
}

type TouchType = 'start' | 'move' | 'end' | 'cancel';

/** One touch event through Chromium's input pipeline (see test/support/wtr-touch.mjs). */
export async function touch(type: TouchType, [x, y]: [number, number] = [0, 0]): Promise<void> {
  await executeServerCommand<boolean, { type: TouchType; x: number; y: number }>('send-touch', { type, x, y });
}

/** A finger moved in steps from one point to another, still touching. */
export async function touchTo(from: [number, number], to: [number, number], steps = 5): Promise<void> {
  for (let step = 1; step <= steps; step++) {
    await touch('move', [
      Math.round(from[0] + ((to[0] - from[0]) * step) / steps),
      Math.round(from[1] + ((to[1] - from[1]) * step) / steps),
    ]);
  }
}
