/**
 * Waits for the widget's first `type` event (`participate-sent`, `participate-queued` or
 * `participate-error`), which tells the states apart without reading translated text. Call
 * before the action that causes it.
 */
export function nextEvent(element: Element, type: keyof GlobalEventHandlersEventMap, timeout: number): Promise<Event> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`No ${type} within ${String(timeout)} ms.`));
    }, timeout);
    element.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event);
      },
      { once: true },
    );
  });
}
