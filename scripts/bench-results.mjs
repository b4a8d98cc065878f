// `npm run bench:results`: results requests must not stall the collector. Working out the
// results of a big topic takes seconds, so it is done on a worker thread; this shows that
// /healthz and posts still answer promptly while 20 clients ask for results of random
// topics, printed beside the same probe and posters against the same collector with no
// results clients (idle), with the target (p99 ≤ 50 ms) and whether it was met.
//
// A database (SQLite, then PostgreSQL) is seeded with three big topics — 10,000 rankings of
// 50 options, 10,000 pairwise answers of 200 comparisons, 60,000 page-useful answers with
// reasons — and 400 small ones, more than the 256 topics whose results the collector keeps.
// The real collector CLI runs on it in a child process with its default settings. Clients
// name themselves in X-Forwarded-For (the collector trusts the bench's address as a load
// balancer's) and take a new address every 50 requests: the rate limits (60 posts and 120
// results a minute per address) are counted as in service, but spread so they turn none away.
//
// Each round starts the collector, times the first request for each big topic (its results
// worked out, every seeded answer counted), then runs BENCH_IDLE_SECONDS idle and
// BENCH_LOADED_SECONDS loaded, and kills the collector. BENCH_ROUNDS rounds (default 2), so
// that drift in the machine's load touches both phases; then every answer the collector
// acknowledged must be in the store. Where the CPUs went in each phase is printed too: on a
// shared machine a slow /healthz may come from waiting for a CPU rather than a busy event
// loop. BENCH_STORES=sqlite or postgres runs one store only; BENCH_CPU_PROF=<dir> has the
// collector write CPU profiles (main thread and workers) there.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORIGIN } from './bench-support/answers.mjs';
import { cpuReading, cpuShares } from './bench-support/cpu-usage.mjs';
import { summarise } from './bench-support/latency.mjs';
import { newPhase, postLedger, resultsLoad, STEADY } from './bench-support/results-load.mjs';
import { BIG_TOPICS, resultsSeedRow, SEEDED_ROWS } from './bench-support/results-topics.mjs';
import { seedPostgres, seedSqlite } from './bench-support/seed-stores.mjs';
import { storedPerTopic } from './bench-support/stored-counts.mjs';
import { timedRequest } from './bench-support/timed-request.mjs';
import { startCollector, stopCollector } from './collector-process.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 8);
const LOADED_SECONDS = Number(process.env.BENCH_LOADED_SECONDS ?? 15);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF;
const WARMUP_SECONDS = 2;
const RESULTS_CLIENTS = 20;
const TARGET_P99_MS = 50;

const fromDist = (path) => import(new URL(`../packages/collector/dist/${path}`, import.meta.url).href);
const sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const progress = (line) => process.stderr.write(`  … ${line}\n`);

// Only the settings given below apply to the collector.
for (const name of Object.keys(process.env)) {
  if (/^(PORT|HOST|DATABASE_URL|NODE_OPTIONS|PARTICIPATE_.*)$/.test(name)) delete process.env[name];
}

let running;
const cleanups = [];

async function cleanUp() {
  while (cleanups.length > 0) await cleanups.pop()();
}

function startOn(database) {
  return startCollector({
    env: {
      PORT: '0',
      DATABASE_URL: database,
      PARTICIPATE_ALLOWED_ORIGINS: ORIGIN,
      PARTICIPATE_ADMIN_TOKEN: randomBytes(24).toString('hex'),
      // The bench's clients connect from this machine, as a load balancer would.
      PARTICIPATE_TRUST_PROXY: '127.0.0.1',
    },
    nodeOptions: CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [],
  });
}

/** Results of `topic`, checked to count `expected` answers; asked again while the workers are busy. */
async function countedResults(url, { topic, counted }, expected) {
  for (let attempt = 0; ; attempt++) {
    const result = await timedRequest(undefined, `${url}/v1/results?topic=${topic}`);
    if (result.status === 503 && attempt < 20) {
      await sleep(1);
      continue;
    }
    const count = result.status === 200 ? counted(JSON.parse(result.body)) : undefined;
    if (count !== expected) {
      throw new Error(`results of ${topic} answered ${result.status}, counting ${count} answers, not ${expected}`);
    }
    return result.ms;
  }
}

/** Every phase's samples together, and each round's p99 of /healthz and posts. */
function combined(phases) {
  const all = newPhase();
  for (const phase of phases) {
    for (const key of ['healthz', 'posts', 'resultsPosts', 'results']) all[key].push(...phase[key]);
    for (const [status, n] of Object.entries(phase.statuses)) all.statuses[status] = (all.statuses[status] ?? 0) + n;
    for (const [topic, values] of Object.entries(phase.bigResults)) all.bigResults[topic].push(...values);
    all.failures += phase.failures;
  }
  const cpu = phases.map((phase) => phase.cpu).filter(Boolean);
  if (cpu.length > 0) {
    all.cpu = Object.fromEntries(
      Object.keys(cpu[0]).map((key) => [key, cpu.reduce((sum, shares) => sum + shares[key], 0) / cpu.length]),
    );
  }
  all.roundsP99 = phases.map((phase) => ({
    healthz: summarise(phase.healthz).p99,
    posts: summarise(phase.posts).p99,
  }));
  return all;
}

/**
 * Runs the collector on the seeded `database` for each round: the first request for each
 * big topic, then idle and loaded phases. Each round ends by killing the collector, since
 * queued results work would hold a graceful stop for long; then every answer it
 * acknowledged must be in the store.
 */
async function measure(label, database) {
  const ledger = postLedger();
  const firstMs = BIG_TOPICS.map(() => []);
  const idle = [];
  const loaded = [];
  for (let round = 0; round < ROUNDS; round++) {
    progress(
      `${label}, round ${round + 1} of ${ROUNDS}: first requests, ${IDLE_SECONDS} s idle, ${LOADED_SECONDS} s loaded`,
    );
    running = await startOn(database);
    const load = resultsLoad(running.url, ledger);
    try {
      // Seeded answers only: answers posted now arrive in a month still open, which results leave out.
      for (const [i, topic] of BIG_TOPICS.entries())
        firstMs[i].push(await countedResults(running.url, topic, topic.answers));
      const steady = load.startSteady();
      await sleep(WARMUP_SECONDS);
      const { pid } = running.child;
      idle.push(newPhase());
      let before = cpuReading(pid);
      load.countIn(idle.at(-1));
      await sleep(IDLE_SECONDS);
      idle.at(-1).cpu = cpuShares(before, cpuReading(pid));
      loaded.push(newPhase());
      before = cpuReading(pid);
      load.countIn(loaded.at(-1));
      const clients = load.startResultsClients(RESULTS_CLIENTS);
      await sleep(LOADED_SECONDS);
      load.countIn(undefined);
      loaded.at(-1).cpu = cpuShares(before, cpuReading(pid));
      await clients.stop();
      await steady.stop();
    } finally {
      // A CPU profile is written only when the collector stops gracefully.
      await stopCollector(running.child, CPU_PROFILE_DIR ? 'SIGTERM' : 'SIGKILL');
      running = undefined;
      load.close();
    }
  }
  const stored = await storedPerTopic(database);
  for (const { topic, answers } of BIG_TOPICS) {
    const expected = answers + ledger.acknowledged(topic);
    if (stored.get(topic) !== expected)
      throw new Error(`${topic}: ${stored.get(topic)} answers stored, not ${expected}`);
  }
  return { label, firstMs, idle: combined(idle), loaded: combined(loaded) };
}

// ---------------------------------------------------------------------------------------
// Printing.

const ms = (value) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const pad = (value, width) => String(value).padStart(width);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function latencyCells(values) {
  const { count, p50, p95, p99, max } = summarise(values);
  return `${pad(count, 6)} ${pad(ms(p50), 6)} ${pad(ms(p95), 6)} ${pad(ms(p99), 6)} ${pad(ms(max), 6)}`;
}

function print(run) {
  const { label, idle, loaded } = run;
  const header = `${pad('n', 6)} ${pad('p50', 6)} ${pad('p95', 6)} ${pad('p99', 6)} ${pad('max', 6)}`;
  console.log(`\n  ${label.padEnd(34)} ${'idle (reference), ms'.padEnd(34)} ${'loaded, ms'.padEnd(34)} target`);
  console.log(`  ${''.padEnd(34)} ${header}   ${header}`);
  const verdicts = [];
  const row = (name, key, targeted) => {
    const p99 = summarise(loaded[key]).p99;
    const met = p99 <= TARGET_P99_MS;
    if (targeted) verdicts.push(met);
    const target = targeted ? `p99 ≤ ${TARGET_P99_MS} ms: ${met ? 'met' : 'NOT met'}` : '';
    const idleCells = idle[key].length > 0 ? latencyCells(idle[key]) : pad('(none when idle)', 38);
    console.log(`  ${name.padEnd(34)} ${idleCells}   ${latencyCells(loaded[key])}   ${target}`);
  };
  row(`GET /healthz (every ${STEADY.probeEveryMs} ms)`, 'healthz', true);
  row(`POST /v1/responses (${STEADY.posters} × ${STEADY.postsPerSecond}/s)`, 'posts', true);
  row('POST by results clients', 'resultsPosts', true);
  row(`GET /v1/results (${RESULTS_CLIENTS} clients)`, 'results', false);
  const statuses = loaded.statuses;
  const others = Object.entries(statuses).filter(([status]) => !['200', '304', '503', '429'].includes(status));
  console.log(
    `  Results requests answered: 200 ${statuses[200] ?? 0}, 304 ${statuses[304] ?? 0}, ` +
      `503 ${statuses[503] ?? 0}, 429 ${statuses[429] ?? 0}` +
      (others.length > 0 ? `, other ${others.map(([s, n]) => `${s}: ${n}`).join(', ')}` : '') +
      `; other requests failed: ${idle.failures + loaded.failures}.`,
  );
  console.log(
    `  p99 per round, idle/loaded: /healthz ${idle.roundsP99.map((r, i) => `${ms(r.healthz)}/${ms(loaded.roundsP99[i].healthz)}`).join(', ')}; ` +
      `posts ${idle.roundsP99.map((r, i) => `${ms(r.posts)}/${ms(loaded.roundsP99[i].posts)}`).join(', ')}`,
  );
  if (idle.cpu && loaded.cpu) {
    const shares = (key) => `${idle.cpu[key].toFixed(2)} → ${loaded.cpu[key].toFixed(2)}`;
    console.log(
      `  CPUs used, idle → loaded, in cores: collector main thread running ${shares('mainRan')}, ` +
        `waiting for a CPU ${shares('mainWaited')}; all collector threads ${shares('collector')}; ` +
        `machine ${shares('machine')} of ${availableParallelism()}`,
    );
  }
  console.log(
    `  Results of each big topic, ms: ${'first request after a start (median, range)'.padEnd(48)} under load: answered, p50`,
  );
  BIG_TOPICS.forEach(({ topic, description }, i) => {
    const first = run.firstMs[i];
    const range = `${ms(Math.min(...first))}–${ms(Math.max(...first))}`;
    const underLoad = summarise(loaded.bigResults[topic]);
    console.log(
      `    ${`${topic} (${description})`.padEnd(66)} ${pad(ms(median(first)), 6)} (${range.padStart(11)})` +
        `${pad(underLoad.count, 8)} ${pad(ms(underLoad.p50), 6)}`,
    );
  });
  return verdicts.every(Boolean) && idle.failures + loaded.failures === 0;
}

// ---------------------------------------------------------------------------------------
// The run.

async function main() {
  const date = new Date().toISOString().slice(0, 10);
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
  console.log(
    `Participate results benchmark — ${date}, Node ${process.version}, ${availableParallelism()} CPUs, ` +
      `load average ${load()}; ${ROUNDS} rounds of ${IDLE_SECONDS} s idle and ${LOADED_SECONDS} s loaded per store`,
  );
  const work = mkdtempSync(join(tmpdir(), 'participate-bench-results-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const { createResponseValidator } = await import('@participate/schema');
  const makeRow = resultsSeedRow(createResponseValidator());
  let ok = true;
  try {
    if (STORES.includes('sqlite')) {
      progress(`seeding ${SEEDED_ROWS.toLocaleString('en')} answers into SQLite`);
      const file = join(work, 'results.db');
      await seedSqlite(file, SEEDED_ROWS, makeRow);
      ok = print(await measure('SQLite', file)) && ok;
    }
    if (STORES.includes('postgres')) {
      const { startPostgresCluster, createDatabase } = await fromDist('testing/postgres-cluster.js');
      const cluster = await startPostgresCluster({ durable: true });
      cleanups.push(() => cluster.stop());
      const { url } = await createDatabase(cluster.url);
      progress(`seeding ${SEEDED_ROWS.toLocaleString('en')} answers into PostgreSQL`);
      // Pairwise answers are some 9 KB each: a thousand rows to a statement.
      await seedPostgres(url, SEEDED_ROWS, makeRow, { batch: 1000 });
      ok = print(await measure('PostgreSQL', url)) && ok;
    }
  } finally {
    await cleanUp();
  }
  console.log(`\n  Load average at the end: ${load()}.`);
  return ok;
}

process.on('exit', () => running?.child.kill('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping`);
    running?.child.kill('SIGKILL');
    void cleanUp().finally(() => process.exit(130));
  });
}
try {
  process.exitCode = (await main()) ? 0 : 1;
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
