// A test command to emulate media features by CDP. @web/test-runner-commands' emulateMedia
// does not pass `forced-colors` through to Chromium under puppeteer.
export function mediaFeaturesPlugin() {
  // CDP overrides last only while the session that set them is attached: keep one per page.
  const sessions = new WeakMap();
  return {
    name: 'participate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: payload.features });
      return true;
    },
  };
}
