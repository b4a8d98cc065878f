// `npm run bench`: what a page downloads and how long the main thread works before the
// widget shows, each printed beside a reference measured in the same run.
//
// Sizes: the loader, and every script a page with one prompt fetches (recorded by the
// browser, not guessed), against lit and i18next bundled alone by the same bundler.
// Time: loader start to first render in Chromium with 4x CPU throttling, median of RUNS
// cold loads, against a bare Lit element rendered the same way.
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
  const litAlone = sizes(await bundle('lit-alone', "export * from 'lit';"));
  const i18nextAlone = sizes(await bundle('i18next-alone', "export { createInstance } from 'i18next';"));

  const server = await serve(work);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });

  const prompt = [];
  const ranking = [];
  const reference = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so drift in the machine's load touches all alike.
    prompt.push(await measure(browser, base, '/prompt.html'));
    ranking.push(await measure(browser, base, '/ranking.html'));
    reference.push(await measure(browser, base, '/reference.html'));
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
  console.log(timeRow('reference: bare Lit element, same page', reference));
} finally {
  rmSync(work, { recursive: true, force: true });
}
