// `npm run bench`: what a page downloads and how long the main thread works before the
// widget shows, each printed beside a reference measured in the same run.
//
// Sizes: the loader, and every script a page with one prompt, one ranking or one fruit tree fetches (recorded by the
// browser, not guessed), against lit and i18next bundled alone by the same bundler.
// Time: loader start to first render in Chromium with 4x CPU throttling, median of RUNS
// cold loads, against a bare Lit element rendered the same way.
// Keyboard move: the priority ranking with 50 options, one held up with Space on its handle,
// then MOVES presses of ArrowDown and ArrowUp in turn (so it stays mid-list), 4x throttled,
// against a bare Lit element that moves an item of a plain 50-item list the same way, and
// against the least any list can do: the same plain list moved by one DOM call, no framework.
// The pages take turns, MOVE_ROUNDS rounds each; all three are measured again without
// throttling, to show what the machine itself does.
// Each press is the main thread's work for it, in two parts timed in the page: from the
// keydown reaching the window (first capture listener) until every update it set off has
// rendered, focus is back on the moved item and layout is done (read back to force it);
// then, in the next frame, from its requestAnimationFrame callback until a task posted
// there runs, which is after that frame's style, layout and paint. The idle wait for the
// frame between the two is left out: it is not work. Event Timing is not used because it
// reports nothing under 16 ms, the very target, and rounds to 8 ms.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CPU_SLOWDOWN = 4;
const MOVES = Number(process.env.BENCH_MOVES ?? 21);
const MOVE_ROUNDS = Number(process.env.BENCH_MOVE_ROUNDS ?? 3);
const LIST_LENGTH = 50;
const dist = fileURLToPath(new URL('../packages/elements/dist/cdn/', import.meta.url));
// Inside the repository, so the reference bundles resolve lit and i18next from node_modules.
const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(join(cache, 'participate-bench-'));

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function add(a, b) {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/** Bundles `source` alone, minified, with the same bundler and settings as the library. */
async function bundle(name, source) {
  const entry = join(work, `${name}.js`);
  writeFileSync(entry, source);
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: work,
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: name },
      rollupOptions: { output: { minify: true } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  return Buffer.from(
    chunks
      .filter((c) => c.type === 'chunk')
      .map((c) => c.code)
      .join('\n'),
  );
}

const REFERENCE_ELEMENT = `
import { LitElement, html, css } from 'lit';
class BenchReference extends LitElement {
  static styles = css\`button { font: inherit; }\`;
  render() { return html\`<p>Is this page useful?</p><button>Yes</button><button>No</button>\`; }
}
customElements.define('bench-reference', BenchReference);
`;

const LIST_VALUES = Array.from({ length: LIST_LENGTH }, (_, i) => `option-${i + 1}`);

/** A plain list whose focused item moves one place on ArrowDown or ArrowUp, focus kept. */
const REFERENCE_LIST = `
import { LitElement, html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
class BenchList extends LitElement {
  static properties = { order: { state: true } };
  constructor() {
    super();
    this.order = ${JSON.stringify(LIST_VALUES)};
  }
  render() {
    return html\`<ol>\${repeat(this.order, (value) => value, (value) =>
      html\`<li data-value=\${value}>\${value}
        <button class="handle" @keydown=\${(event) => this.move(event, value)}>Move</button></li>\`)}</ol>\`;
  }
  move(event, value) {
    const by = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    const from = this.order.indexOf(value);
    if (!by || !this.order[from + by]) return;
    event.preventDefault();
    const order = this.order.filter((v) => v !== value);
    order.splice(from + by, 0, value);
    this.order = order;
    this.focusAfter = value;
  }
  updated() {
    if (this.focusAfter) this.renderRoot.querySelector(\`li[data-value="\${this.focusAfter}"] button\`).focus();
    this.focusAfter = undefined;
  }
}
customElements.define('bench-list', BenchList);
`;

/**
 * The floor: the plain list, moved by one DOM call per key and nothing else. It moves the
 * neighbour rather than the focused item, so focus stays put without being set again.
 */
const REFERENCE_DOM = `
class BenchDomList extends HTMLElement {
  connectedCallback() {
    const list = document.createElement('ol');
    for (const value of ${JSON.stringify(LIST_VALUES)}) {
      const item = document.createElement('li');
      item.dataset.value = value;
      const button = document.createElement('button');
      button.className = 'handle';
      button.textContent = 'Move';
      item.append(value, ' ', button);
      list.append(item);
    }
    list.addEventListener('keydown', (event) => {
      const by = { ArrowDown: 1, ArrowUp: -1 }[event.key];
      if (!by) return;
      const item = event.target.closest('li');
      const other = by > 0 ? item.nextElementSibling : item.previousElementSibling;
      if (!other) return;
      event.preventDefault();
      list.insertBefore(other, by > 0 ? item : item.nextElementSibling);
    });
    this.attachShadow({ mode: 'open' }).append(list);
  }
}
customElements.define('bench-dom-list', BenchDomList);
`;

/** Six options, as a typical "what matters most" question offers. */
const RANKING_OPTIONS = ['gp-access', 'mental-health', 'waiting-lists', 'transport', 'dentists', 'pharmacy']
  .map((value) => `<participate-option value="${value}">${value.replace('-', ' ')}</participate-option>`)
  .join('');

function page(title, head, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<script>performance.mark('start')</script>${head}</head><body>${body}
<script type="module">
  const element = document.querySelector('[data-bench]');
  await customElements.whenDefined(element.localName);
  await element.updateComplete;
  performance.mark('rendered');
  window.__rendered = performance.measure('render', 'start', 'rendered').duration;
</script></body></html>`;
}

function serve(root) {
  const pages = {
    '/prompt.html': page(
      'prompt',
      '<script type="module" src="/participate/participate.js"></script>',
      '<participate-feedback-prompt data-bench endpoint="/v1/responses" topic="bench"></participate-feedback-prompt>',
    ),
    '/ranking.html': page(
      'ranking',
      '<script type="module" src="/participate/participate.js"></script>',
      `<participate-priority-ranking data-bench endpoint="/v1/responses" topic="bench">${RANKING_OPTIONS}</participate-priority-ranking>`,
    ),
    '/ranking-50.html': page(
      'ranking, 50 options',
      '<script type="module" src="/participate/participate.js"></script>',
      `<participate-priority-ranking data-bench endpoint="/v1/responses" topic="bench-50">${LIST_VALUES.map((value) => `<participate-option value="${value}">${value.replace('-', ' ')}</participate-option>`).join('')}</participate-priority-ranking>`,
    ),
    '/fruit-tree.html': page(
      'fruit tree',
      '<script type="module" src="/participate/participate.js"></script>',
      '<participate-fruit-tree data-bench view="tree" endpoint="/v1/responses" topic="bench" privacy-url="/privacy"></participate-fruit-tree>',
    ),
    '/reference-list.html': page(
      'reference list',
      '<script type="module" src="/reference-list.js"></script>',
      '<bench-list data-bench></bench-list>',
    ),
    '/reference-dom.html': page(
      'reference list, no framework',
      '<script type="module" src="/reference-dom.js"></script>',
      '<bench-dom-list data-bench></bench-dom-list>',
    ),
    '/reference.html': page(
      'reference',
      '<script type="module" src="/reference.js"></script>',
      '<bench-reference data-bench></bench-reference>',
    ),
  };
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://bench');
    if (pages[pathname]) return response.writeHead(200, { 'content-type': 'text/html' }).end(pages[pathname]);
    const file = pathname.startsWith('/participate/')
      ? normalize(join(dist, pathname.slice('/participate/'.length)))
      : normalize(join(root, pathname));
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return response.writeHead(404).end();
    }
    const type = extname(file) === '.js' ? 'text/javascript' : 'application/json';
    response.writeHead(200, { 'content-type': type }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Loads `path` cold with the CPU slowed down; returns render time and script time (ms). */
async function measure(browser, base, path) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Performance.enable');
  const scripts = [];
  tab.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await tab.goto(`${base}${path}`);
  await tab.waitForFunction(() => typeof window.__rendered === 'number');
  const rendered = await tab.evaluate(() => window.__rendered);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const scriptMs = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  await context.close();
  return { rendered, scriptMs, scripts };
}

/**
 * Loads `path` with the CPU slowed down `rate` times, focuses the handle of the item in the middle (and
 * presses Space on it when `pickUp`), then presses ArrowDown and ArrowUp in turn MOVES times;
 * returns each press's main-thread time (ms) in its two parts: the key handled with the list
 * laid out, and the next frame. Throws if an item did not move or lost focus.
 */
async function measureMoves(browser, base, path, pickUp, rate = CPU_SLOWDOWN) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await tab.goto(`${base}${path}`);
  await tab.waitForFunction(() => typeof window.__rendered === 'number');
  const value = LIST_VALUES[LIST_LENGTH / 2 - 1];
  const where = () =>
    tab.evaluate((held) => {
      const root = document.querySelector('[data-bench]').shadowRoot;
      const items = [...root.querySelectorAll('li[data-value]')].map((li) => li.dataset.value);
      const focused = root.activeElement?.matches('.handle') && root.activeElement.closest('li').dataset.value;
      return { index: items.indexOf(held), focused: focused === held };
    }, value);
  await tab.locator(`[data-bench] li[data-value="${value}"] .handle`).focus();
  if (pickUp) await tab.keyboard.press('Space');
  await tab.evaluate(() => {
    const host = document.querySelector('[data-bench]');
    window.__moves = [];
    let start = 0;
    addEventListener('keydown', () => (start = performance.now()), true);
    addEventListener('keydown', async () => {
      do await host.updateComplete;
      while (host.isUpdatePending);
      void document.documentElement.offsetHeight;
      const handled = performance.now() - start;
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__moves.push({ handled, frame: performance.now() - frame });
        channel.port2.postMessage(null);
      });
    });
  });
  let { index } = await where();
  for (let i = 0; i < MOVES; i++) {
    const down = i % 2 === 0;
    await tab.keyboard.press(down ? 'ArrowDown' : 'ArrowUp');
    // Polled on a timer, not every frame: the harness's own checks must not add to the frame it times.
    await tab.waitForFunction((n) => window.__moves.length === n, i + 1, { polling: 50 });
    const now = await where();
    if (now.index !== index + (down ? 1 : -1) || !now.focused) {
      throw new Error(`${path}: press ${i + 1} left the item at ${now.index} (focused: ${now.focused})`);
    }
    index = now.index;
  }
  const moves = await tab.evaluate(() => window.__moves);
  await context.close();
  return moves;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const row = (label, s) =>
  `  ${label.padEnd(44)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`;

try {
  const referenceBytes = await bundle('reference', REFERENCE_ELEMENT);
  writeFileSync(join(work, 'reference.js'), referenceBytes);
  writeFileSync(join(work, 'reference-list.js'), await bundle('reference-list', REFERENCE_LIST));
  writeFileSync(join(work, 'reference-dom.js'), REFERENCE_DOM);
  const litAlone = sizes(await bundle('lit-alone', "export * from 'lit';"));
  const i18nextAlone = sizes(await bundle('i18next-alone', "export { createInstance } from 'i18next';"));

  const server = await serve(work);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

  const prompt = [];
  const ranking = [];
  const fruitTree = [];
  const reference = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so drift in the machine's load touches all alike.
    prompt.push(await measure(browser, base, '/prompt.html'));
    ranking.push(await measure(browser, base, '/ranking.html'));
    fruitTree.push(await measure(browser, base, '/fruit-tree.html'));
    reference.push(await measure(browser, base, '/reference.html'));
  }
  const moves = {};
  for (const rate of [CPU_SLOWDOWN, 1]) {
    moves[rate] = { ranking: [], lit: [], dom: [] };
    // In turn, a page at a time, so drift in the machine's load touches all three alike.
    for (let round = 0; round < MOVE_ROUNDS; round++) {
      moves[rate].ranking.push(...(await measureMoves(browser, base, '/ranking-50.html', true, rate)));
      moves[rate].lit.push(...(await measureMoves(browser, base, '/reference-list.html', false, rate)));
      moves[rate].dom.push(...(await measureMoves(browser, base, '/reference-dom.html', false, rate)));
    }
  }
  await browser.close();
  server.close();

  /** Every file of ours a page with one widget fetched, with its sizes, and their total. */
  const fetched = (runs) => {
    const downloaded = [...new Set(runs[0].scripts)].filter((path) => path.startsWith('/participate/'));
    const list = downloaded.map((path) => [path, sizes(readFileSync(join(dist, path.slice('/participate/'.length))))]);
    return { list, total: list.map(([, s]) => s).reduce(add, { raw: 0, gzip: 0, brotli: 0 }) };
  };
  const { list: files, total } = fetched(prompt);
  const rankingFiles = fetched(ranking);
  const fruitTreeFiles = fetched(fruitTree);
  const loader = files.find(([path]) => path.endsWith('/participate.js'))[1];

  console.log(`Participate benchmark — ${new Date().toISOString().slice(0, 10)}, Chromium, ${RUNS} cold loads each\n`);
  console.log(`  ${'Size'.padEnd(44)} ${'minified'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
  console.log(row('participate.js (loader; target ≤ 2 KB gz)', loader));
  for (const [path, s] of files) console.log(row(`  ${path.replace('/participate/', '')}`, s));
  console.log(row('one prompt, everything (target ≤ 32 KB gz)', total));
  console.log(`  ${''.padEnd(44)} ${`${total.gzip} B`.padStart(21)}`);
  for (const [path, s] of rankingFiles.list) {
    if (!path.endsWith('/participate.js')) console.log(row(`  ${path.replace('/participate/', '')}`, s));
  }
  console.log(row('one priority ranking, everything', rankingFiles.total));
  console.log(`  ${''.padEnd(44)} ${`${rankingFiles.total.gzip} B`.padStart(21)}`);
  for (const [path, s] of fruitTreeFiles.list) {
    if (!path.endsWith('/participate.js')) console.log(row(`  ${path.replace('/participate/', '')}`, s));
  }
  console.log(row('one fruit tree, everything', fruitTreeFiles.total));
  console.log(`  ${''.padEnd(44)} ${`${fruitTreeFiles.total.gzip} B`.padStart(21)}`);
  console.log(row('reference: lit alone', litAlone));
  console.log(row('reference: i18next alone', i18nextAlone));
  console.log(row('reference: lit + i18next', add(litAlone, i18nextAlone)));
  console.log(
    row('our own code (total − lit − i18next)', {
      raw: total.raw - litAlone.raw - i18nextAlone.raw,
      gzip: total.gzip - litAlone.gzip - i18nextAlone.gzip,
      brotli: total.brotli - litAlone.brotli - i18nextAlone.brotli,
    }),
  );

  console.log(
    `\n  ${`Time, ${CPU_SLOWDOWN}x CPU throttling (median)`.padEnd(44)} ${'to render'.padStart(10)} ${'script'.padStart(10)}`,
  );
  const timeRow = (label, runs) =>
    `  ${label.padEnd(44)} ${`${median(runs.map((r) => r.rendered)).toFixed(1)} ms`.padStart(10)} ${`${median(runs.map((r) => r.scriptMs)).toFixed(1)} ms`.padStart(10)}`;
  console.log(timeRow('feedback prompt (loader → first render)', prompt));
  console.log(timeRow('priority ranking, 6 options (same)', ranking));
  console.log(timeRow('fruit tree, default tree (same)', fruitTree));
  console.log(timeRow('reference: bare Lit element, same page', reference));

  console.log(
    `\n  ${`Keyboard move, median of ${MOVES * MOVE_ROUNDS}, main thread`.padEnd(44)} ${`${CPU_SLOWDOWN}x throttling`.padStart(14)} ${'unthrottled'.padStart(14)}`,
  );
  const ms = (values) => `${median(values).toFixed(1)} ms`;
  const whole = (presses) => presses.map((press) => press.handled + press.frame);
  const moveRow = (label, key) =>
    `  ${label.padEnd(44)} ${[CPU_SLOWDOWN, 1].map((rate) => ms(whole(moves[rate][key])).padStart(14)).join(' ')}`;
  const splitRow = (label, key) => {
    const presses = moves[CPU_SLOWDOWN][key];
    const parts = `${ms(presses.map((press) => press.handled))} + ${ms(presses.map((press) => press.frame))}`;
    return `  ${label.padEnd(44)} ${parts.padStart(29)}`;
  };
  console.log(moveRow(`priority ranking, ${LIST_LENGTH} options (target < 16 ms)`, 'ranking'));
  console.log(moveRow(`reference: bare Lit element, ${LIST_LENGTH} items`, 'lit'));
  console.log(moveRow(`reference: same list, one DOM call, no Lit`, 'dom'));
  console.log(
    `\n  ${`The ${CPU_SLOWDOWN}x figures in two parts (medians of each)`.padEnd(44)} ${'key, laid out + next frame'.padStart(29)}`,
  );
  console.log(splitRow('priority ranking', 'ranking'));
  console.log(splitRow('reference: bare Lit element', 'lit'));
  console.log(splitRow('reference: one DOM call, no Lit', 'dom'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
