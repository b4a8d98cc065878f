// Everything an end-to-end test needs, all real: the collector CLI on a SQLite file, the
// demo site on another origin, and Debian's Chromium driven by playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { startDemoServer } from '../../demo/server.mjs';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startCollector, stopCollector } from '../../scripts/collector-process.mjs';

/** A port nothing listens on right now, so a restarted collector can take the same one. */
export async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts the stack. `collectorEnv` adds to or overrides the collector's environment, e.g.
 * `{ PARTICIPATE_MIN_GROUP_SIZE: '1' }` so results for one test answer are not suppressed.
 */
export async function startStack({ collectorEnv: extraEnv = {} } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'participate-e2e-'));
  const databasePath = join(dataDir, 'participate.db');
  const [collectorPort, demoPort] = [await freePort(), await freePort()];
  const demoOrigin = `http://127.0.0.1:${demoPort}`;
  const collectorEnv = {
    PORT: String(collectorPort),
    HOST: '127.0.0.1',
    DATABASE_URL: databasePath,
    PARTICIPATE_ALLOWED_ORIGINS: demoOrigin,
    PARTICIPATE_ADMIN_TOKEN: 'end-to-end-admin-token',
    // Playwright answers faster than a person could, which the minimum fill time would
    // count as a bot and not store; the collector's own tests cover that check.
    PARTICIPATE_MIN_FILL_MS: '0',
    ...extraEnv,
  };
  let collector = await startCollector({ env: collectorEnv });
  let demo;
  let browser;
  try {
    demo = await startDemoServer({ port: demoPort, collectorUrl: collector.url });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  } catch (error) {
    // Without this the collector and demo server outlive a failed start and the run never ends.
    demo?.server.close();
    await stopCollector(collector.child);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    demoUrl: demo.url,
    collectorUrl: collector.url,
    browser,
    /** Rows stored for a topic, read straight from the SQLite file. */
    rows(topic) {
      const db = new Database(databasePath, { readonly: true, fileMustExist: true });
      try {
        return db
          .prepare('SELECT * FROM responses WHERE topic = ? ORDER BY received_at')
          .all(topic)
          .map((row) => ({ ...row, answer: JSON.parse(row.answer) }));
      } finally {
        db.close();
      }
    },
    /**
     * Resolves with the NDJSON lines of an admin route such as
     * `/v1/responses?format=ndjson&topic=…` or `/v1/contacts?topic=…`, read as an administrator would.
     */
    async adminLines(path) {
      const response = await fetch(`${collector.url}${path}`, {
        headers: { authorization: `Bearer ${collectorEnv.PARTICIPATE_ADMIN_TOKEN}` },
      });
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
      return (await response.text())
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    },
    async stopCollector() {
      await stopCollector(collector.child);
    },
    async restartCollector() {
      collector = await startCollector({ env: collectorEnv });
    },
    async close() {
      await browser.close();
      demo.server.close();
      await stopCollector(collector.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What has focus, looking through shadow roots. */
export function deepFocus(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return null;
    return {
      tag: active.localName,
      type: active.getAttribute('type'),
      value: active.getAttribute('value'),
      text: (active.textContent ?? '').trim(),
    };
  });
}

/** Presses Tab until `matches(focus)` holds, as a keyboard user would. */
export async function tabUntil(page, matches, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focus = await deepFocus(page);
    if (focus && matches(focus)) return focus;
  }
  throw new Error('Tab never reached the control');
}

/** Resolves once the widget's shadow root contains `text`. */
export function widgetSays(page, text, timeout = 10_000) {
  return page.waitForFunction(
    (expected) => document.querySelector('participate-feedback-prompt')?.shadowRoot?.textContent?.includes(expected),
    text,
    { timeout },
  );
}
