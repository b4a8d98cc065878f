// A test command that touches the page through Chromium's input pipeline (CDP), so a test
// drives pointer events of type "touch" exactly as a finger would, not by calling handlers.
const TYPES = { start: 'touchStart', move: 'touchMove', end: 'touchEnd', cancel: 'touchCancel' };

export function touchPlugin() {
  const sessions = new WeakMap();
  return {
    name: 'participate-touch',
    async executeCommand({ command, payload, session }) {
      if (command !== 'send-touch') return undefined;
      const type = TYPES[payload.type];
      if (!type) throw new Error(`send-touch: unknown type ${payload.type}`);
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      const touchPoints = type === 'touchEnd' || type === 'touchCancel' ? [] : [{ x: payload.x, y: payload.y }];
      await sessions.get(page).send('Input.dispatchTouchEvent', { type, touchPoints });
      return true;
    },
  };
}
