// Smoke test of the built Storybook: every story renders in Chromium, its play function
// passes, axe-core finds nothing against WCAG 2.2 AA, and the page throws no errors.
// Run `npm run build-storybook` first, then `node --test test/storybook-smoke.test.mjs`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, resolve, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const STATIC_DIR = resolve(import.meta.dirname, '../storybook-static');
const INDEX_FILE = join(STATIC_DIR, 'index.json');
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The standard the stories are held to, as in .storybook/preview.ts. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every widget a story may show; each must render something into its shadow root. */
const WIDGETS = ['participate-feedback-prompt', 'participate-priority-ranking', 'participate-fruit-tree']
  .map((tag) => `#storybook-root ${tag}`)
  .join(', ');

/** Long enough for a play function that waits out the prompt's quick retries. */
const STORY_TIMEOUT_MS = 30_000;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * @typedef {object} IndexEntry
 * @property {string} id
 * @property {string} title
 * @property {string} name
 * @property {'story' | 'docs'} type
 */

/**
 * @typedef {object} Violation
 * @property {string} id
 * @property {string | null | undefined} impact
 * @property {string} help
 * @property {string} helpUrl
 * @property {{ target: string, summary: string }[]} nodes
 */

/** @returns {IndexEntry[]} Every story (not docs page) in the build, in sidebar order. */
function readStories() {
  /** @type {{ entries: Record<string, IndexEntry> }} */
  const index = JSON.parse(readFileSync(INDEX_FILE, 'utf8'));
  return Object.values(index.entries).filter((entry) => entry.type === 'story');
}

/**
 * Serves the static build on 127.0.0.1. Anything else, including the POST that the
 * "not sent" story makes to a missing path, gets a 404, as from any static host.
 * @returns {import('node:http').Server}
 */
function createStaticServer() {
  return createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = resolve(STATIC_DIR, `.${decodeURIComponent(pathname === '/' ? '/index.html' : pathname)}`);
    const inside = file.startsWith(STATIC_DIR + sep);
    try {
      if (request.method !== 'GET' || !inside) throw new Error('Not found');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
    }
  });
}

/** @param {Violation[]} violations */
function describeViolations(violations) {
  return violations
    .map(({ id, impact, help, helpUrl, nodes }) => {
      const where = nodes.map(
        ({ target, summary }) => `    at ${target}\n      ${summary.replaceAll('\n', '\n      ')}`,
      );
      return `  ${id} (${impact ?? 'unknown impact'}): ${help}\n  ${helpUrl}\n${where.join('\n')}`;
    })
    .join('\n');
}

/**
 * Runs in the page before Storybook: records what goes wrong while a story renders and plays.
 * A failed play function is reported on Storybook's channel (for its panel), not thrown, so
 * the listener goes on the channel as soon as Storybook creates it.
 */
function recordStoryFailures() {
  const FAILURE_EVENTS = [
    'playFunctionThrewException',
    'storyThrewException',
    'storyErrored',
    'unhandledErrorsWhilePlaying',
  ];
  /** @type {string[]} */
  const failures = [];
  /** @type {unknown} */
  let channel;
  Object.defineProperty(globalThis, '__storyFailures', { value: failures });
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next;
      for (const event of FAILURE_EVENTS) {
        next.on(event, (/** @type {unknown} */ detail) =>
          failures.push(`${event}: ${JSON.stringify(detail, null, 2)}`),
        );
      }
    },
  });
}

/**
 * Waits until Storybook has rendered the story, run its play function and finished, and
 * checks that nothing failed on the way.
 * @param {import('playwright-core').Page} page
 */
async function waitForStory(page) {
  await page.waitForFunction(
    () => /** @type {any} */ (globalThis).__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished',
    null,
    { timeout: STORY_TIMEOUT_MS },
  );
  /** @type {string[]} */
  const failures = await page.evaluate(() => /** @type {any} */ (globalThis).__storyFailures);
  assert.ok(failures.length === 0, `The story or its play function failed:\n${failures.join('\n')}`);
  await page.waitForFunction(() => (document.getElementById('storybook-root')?.childElementCount ?? 0) > 0);
  // A widget with an empty shadow root has not rendered (not defined, or its strings never came).
  const blank = await page.$$eval(WIDGETS, (widgets) =>
    widgets.filter((widget) => !widget.shadowRoot?.childElementCount).map((widget) => widget.outerHTML.slice(0, 120)),
  );
  assert.ok(blank.length === 0, `These widgets rendered nothing into their shadow roots:\n${blank.join('\n')}`);
  // Let pending renders and focus moves land before axe looks.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * @param {import('playwright-core').Page} page
 * @returns {Promise<Violation[]>}
 */
async function runAxe(page) {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async (tags) => {
    /** @type {typeof import('axe-core')} */
    const axe = /** @type {never} */ (window).axe;
    const root = document.getElementById('storybook-root');
    if (!root) throw new Error('No #storybook-root');
    const { violations } = await axe.run(root, { runOnly: { type: 'tag', values: tags } });
    return violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact,
      help,
      helpUrl,
      nodes: nodes.map((node) => ({
        // Inside a shadow root, a target is the list of selectors from the document inwards.
        target: node.target.map((step) => (Array.isArray(step) ? step.join(' >>> ') : step)).join(' '),
        summary: node.failureSummary ?? '',
      })),
    }));
  }, WCAG_TAGS);
}

if (!existsSync(INDEX_FILE)) {
  test('Storybook has been built', () => {
    assert.fail(`${INDEX_FILE} is missing. Run \`npm run build-storybook\` first.`);
  });
} else {
  const stories = readStories();

  /** @type {import('node:http').Server} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  let origin = '';

  before(async () => {
    server = createStaticServer();
    await new Promise((listening) => server.listen(0, '127.0.0.1', () => listening(undefined)));
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    origin = `http://127.0.0.1:${address.port}`;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((closed) => (server ? server.close(closed) : closed(undefined)));
  });

  test('the build has stories', () => {
    assert.ok(stories.length > 0, `${INDEX_FILE} lists no stories.`);
  });

  for (const story of stories) {
    test(`${story.title} › ${story.name}`, { timeout: STORY_TIMEOUT_MS * 2 }, async () => {
      // A context per story: fresh localStorage and IndexedDB, so no draft or queued answer
      // from one story shows up in another.
      const context = await browser.newContext();
      await context.addInitScript(recordStoryFailures);
      const page = await context.newPage();
      /** @type {string[]} */
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
      try {
        await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`);
        await waitForStory(page);
        const violations = await runAxe(page);
        assert.ok(
          violations.length === 0,
          `axe found ${violations.length} WCAG violation(s) in "${story.title} › ${story.name}":\n${describeViolations(violations)}`,
        );
        assert.ok(pageErrors.length === 0, `The page threw:\n${pageErrors.join('\n')}`);
      } finally {
        await context.close();
      }
    });
  }
}
