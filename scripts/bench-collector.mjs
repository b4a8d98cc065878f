// `npm run bench:collector`: how many answers the collector stores per second, and how much
// memory its admin export takes, each printed beside a reference measured in the same run.
//
// Throughput: autocannon posts valid answers (every one with a fresh id) over many
// keep-alive connections for a fixed time, against the real `participate-collector` CLI
// on SQLite and on PostgreSQL. The reference is a floor for each store: a bare Fastify
// server with one route that builds the same row (with the collector's own row mapping,
// body hash included) and inserts it into the same kind of store (same SQLite pragmas and
// schema; a pg pool of the same size on the same table), with no validation, CORS, rate
// limit or duplicate check. The collector runs with its rate limit on, set high enough to
// turn nothing away, so that counting is paid for as in service (in PostgreSQL, shared by
// instances): each connection is a client of its own, named in X-Forwarded-For as a load
// balancer would. The collector with the limit off is measured beside it, to show what
// counting costs. Every server runs in a child process of its own; a floor and
// its collector are loaded in turn, in slices, so that drift in the machine's load
// touches both alike. Afterwards every acknowledged (201) id is looked up in the store:
// through the admin export for the collector, directly for the floor.
//
// Export memory: a database seeded with BENCH_EXPORT_ROWS rows is exported as NDJSON and
// as CSV while the collector's resident memory is sampled every 100 ms. The reference is
// the size of the export: what holding it in memory would cost.
//
// Results: a SQLite database seeded with BENCH_RESULTS_ROWS full rankings of 50 options, and
// GET /v1/results timed from the client: kept results, against the reference of working
// them out (the first request, and the first after a new answer arrives).
//
// BENCH_DURATION (seconds per target) and BENCH_CONNECTIONS change the load;
// BENCH_EXPORT_ROWS and BENCH_PG_EXPORT_ROWS the export sizes.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ORIGIN } from './bench-support/answers.mjs';
import { collectorIds, measureExport } from './bench-support/export-stream.mjs';
import { measureResults } from './bench-support/results-timing.mjs';
import { rankingSeedRow, seedRow } from './bench-support/seed-rows.mjs';
import { seedPostgres, seedSqlite } from './bench-support/seed-stores.mjs';
import { storedIds } from './bench-support/stored-counts.mjs';

const FLOOR = fileURLToPath(new URL('bench-support/floor-server.mjs', import.meta.url));
const COLLECTOR_DIST = new URL('../packages/collector/dist/', import.meta.url);
const CLI = fileURLToPath(new URL('cli.js', COLLECTOR_DIST));
const fromDist = (path) => import(new URL(path, COLLECTOR_DIST).href);

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = 1;
const ROUNDS = 5;
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const PG_EXPORT_ROWS = Number(process.env.BENCH_PG_EXPORT_ROWS ?? EXPORT_ROWS);
const RESULTS_ROWS = Number(process.env.BENCH_RESULTS_ROWS ?? 10_000);
const RESULTS_REQUESTS = 21;
const POOL_SIZE = 10;
const TARGET_RATIO = 0.8;
const ADMIN_TOKEN = randomBytes(24).toString('hex');

/** An answer as a widget posts it. */
function payload(id) {
  return {
    schemaVersion: 1,
    id,
    widget: 'feedback-prompt',
    topic: 'gp-appointments',
    stage: 'improve-services',
    locale: 'en',
    page: `${ORIGIN}/gp/appointments`,
    submittedAt: new Date().toISOString(),
    answer: { variant: 'page-useful', useful: 'no', reasons: ['out-of-date'], comment: 'The opening hours are wrong.' },
  };
}

// ---------------------------------------------------------------------------------------
// Processes and clean-up.

const children = new Set();
const cleanups = [];

async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(`clean-up: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The environment without collector settings, so only the flags below apply. */
function cleanEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(PORT|HOST|DATABASE_URL|PARTICIPATE_.*)$/.test(name)),
  );
}

/** Starts a server in a child process and resolves with it and its URL once it listens. */
function startServer(args) {
  const child = spawn(process.execPath, args, { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** Posts each client may make per minute in the bench: far more than one connection can post. */
const BENCH_RATE_LIMIT = 100_000;

function startCollector(database, { rateLimit = BENCH_RATE_LIMIT } = {}) {
  return startServer([
    CLI,
    '--port',
    '0',
    '--database',
    database,
    '--allowed-origins',
    ORIGIN,
    '--admin-token',
    ADMIN_TOKEN,
    '--rate-limit',
    String(rateLimit),
    // The bench's clients connect from this machine, as a load balancer would.
    '--trust-proxy',
    '127.0.0.1',
    '--min-fill-ms',
    '0',
    '--pool-size',
    String(POOL_SIZE),
    // Results of answers just posted, exactly: this bench times working them out, not publishing rules.
    '--publish-open-period',
    '--round-to',
    '1',
    '--min-group-size',
    '1',
    '--results-rate-limit',
    '0',
  ]);
}

/** A collector to load, which tells through its admin export which ids it stored. */
async function collectorTarget(label, database, options) {
  const server = await startCollector(database, options);
  return { label, server, storedIds: () => collectorIds(server.url, ADMIN_TOKEN) };
}

/** SIGTERM (the collector finishes open requests and closes its database); SIGKILL if that hangs. */
async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------
// Throughput.

/** Client addresses handed out so far, so that no two connections of a run share one. */
let clients = 0;

/** Posts for `seconds`; resolves with autocannon's result and the ids answered 201. */
async function load(url, seconds) {
  const acknowledged = [];
  let unmatched = 0;
  const result = await autocannon({
    url: `${url}/v1/responses`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    // Raw results, so that the slices of one target can be added up.
    skipAggregateResult: true,
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    requests: [
      {
        setupRequest(request, context) {
          context.id = randomUUID();
          // The context lives as long as its connection: one client address per connection.
          context.client ??= `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients++ & 255}`;
          return {
            ...request,
            headers: { ...request.headers, 'x-forwarded-for': context.client },
            body: JSON.stringify(payload(context.id)),
          };
        },
        onResponse(status, body, context) {
          if (status !== 201) return;
          // The answer names the id it stored: a check that each answer is matched to its request.
          if (body.includes(context.id)) acknowledged.push(context.id);
          else unmatched++;
        },
      },
    ],
  });
  if (unmatched > 0) throw new Error(`${unmatched} answers did not name the id their request sent`);
  return { result, acknowledged };
}

/**
 * Warms every server up, then loads them in turn, a slice at a time, so that drift in the
 * machine's load touches both alike; then checks every acknowledged id (warm-up's too) is
 * stored. A target's `storedIds` is called while its server still runs, `storedIdsAfter`
 * once it has stopped.
 */
async function measureInTurn(targets) {
  const rounds = Math.max(1, Math.min(ROUNDS, Math.round(DURATION)));
  const slice = Math.max(1, Math.round(DURATION / rounds));
  try {
    for (const target of targets) {
      const warmup = await load(target.server.url, WARMUP_SECONDS);
      target.results = [warmup.result];
      target.acknowledged = warmup.acknowledged;
      target.measured = [];
    }
    for (let round = 0; round < rounds; round++) {
      for (const target of targets) {
        const { result, acknowledged } = await load(target.server.url, slice);
        target.results.push(result);
        target.measured.push(result);
        target.acknowledged.push(...acknowledged);
      }
    }
    for (const target of targets) {
      let stored = target.storedIds ? await target.storedIds() : undefined;
      await stopServer(target.server.child);
      if (target.storedIdsAfter) stored = await target.storedIdsAfter();
      const sum = (results, field) => results.reduce((total, result) => total + result[field], 0);
      const latency = autocannon.aggregateResult(target.measured, { url: target.server.url }).latency;
      Object.assign(target, {
        accepted: sum(target.measured, '2xx'),
        seconds: sum(target.measured, 'duration'),
        p50: latency.p50,
        p99: latency.p99,
        // Warm-up included; autocannon counts timeouts among errors too.
        non2xx: sum(target.results, 'non2xx'),
        errors: sum(target.results, 'errors') - sum(target.results, 'timeouts'),
        timeouts: sum(target.results, 'timeouts'),
        missing: target.acknowledged.filter((id) => !stored.has(id)).length,
      });
    }
    return targets;
  } finally {
    for (const target of targets) await stopServer(target.server.child);
  }
}

// ---------------------------------------------------------------------------------------
// The run.

const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const pad = (value, width) => String(value).padStart(width);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  const date = new Date().toISOString().slice(0, 10);
  console.log(
    `Participate collector benchmark — ${date}, Node ${process.version}, ${availableParallelism()} CPUs, ` +
      `${CONNECTIONS} connections × ${DURATION} s per target (after ${WARMUP_SECONDS} s warm-up, ` +
      `in up to ${ROUNDS} slices taking turns with its floor)\n`,
  );

  const { SqliteStore } = await fromDist('store/sqlite-store.js');
  const { PostgresStore } = await fromDist('store/postgres-store.js');
  const { startPostgresCluster, createDatabase } = await fromDist('testing/postgres-cluster.js');

  const work = mkdtempSync(join(tmpdir(), 'participate-bench-collector-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  const cluster = await startPostgresCluster({ durable: true });
  cleanups.push(() => cluster.stop());
  const freshDatabase = async () => {
    // Removed with the cluster.
    const database = await createDatabase(cluster.url);
    return database.url;
  };

  const progress = (line) => process.stderr.write(`  … ${line}\n`);

  progress('SQLite: floor and collector with and without a rate limit, in turn');
  const floorSqlite = join(work, 'floor.db');
  await new SqliteStore(floorSqlite).close();
  const collectorSqlite = join(work, 'collector.db');
  const sqliteTargets = [
    {
      label: 'SQLite floor (bare Fastify + better-sqlite3)',
      server: await startServer([FLOOR, 'sqlite', floorSqlite]),
      storedIdsAfter: () => storedIds(floorSqlite),
    },
    await collectorTarget('collector CLI, SQLite, rate limit on', collectorSqlite),
    await collectorTarget('  reference: rate limit off', join(work, 'collector-unlimited.db'), { rateLimit: 0 }),
  ];
  await measureInTurn(sqliteTargets);

  progress('PostgreSQL: floor and collector with and without a rate limit, in turn');
  const floorPg = await freshDatabase();
  await (await PostgresStore.open(floorPg)).close();
  const pgTargets = [
    {
      label: `PostgreSQL floor (bare Fastify + pg pool of ${POOL_SIZE})`,
      server: await startServer([FLOOR, 'postgres', floorPg, String(POOL_SIZE)]),
      storedIdsAfter: () => storedIds(floorPg),
    },
    await collectorTarget(`collector CLI, PostgreSQL (pool ${POOL_SIZE}), shared limit`, await freshDatabase()),
    await collectorTarget('  reference: rate limit off', await freshDatabase(), { rateLimit: 0 }),
  ];
  await measureInTurn(pgTargets);

  const targets = [...sqliteTargets, ...pgTargets];
  const rate = (target) => target.accepted / target.seconds;
  console.log(
    `  ${'Throughput'.padEnd(50)} ${pad('2xx/s', 8)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ` +
      `${pad('non-2xx/err/t-o', 16)} ${pad('× floor', 8)} ${pad('acked', 8)} ${pad('missing', 8)}`,
  );
  for (const [floorTarget, ...others] of [sqliteTargets, pgTargets]) {
    for (const target of [floorTarget, ...others]) {
      console.log(
        `  ${target.label.padEnd(50)} ${pad(rate(target).toFixed(0), 8)} ${pad(target.p50, 7)} ${pad(target.p99, 7)} ` +
          `${pad(`${target.non2xx}/${target.errors}/${target.timeouts}`, 16)} ` +
          `${pad((rate(target) / rate(floorTarget)).toFixed(2), 8)} ${pad(target.acknowledged.length, 8)} ` +
          `${pad(target.missing, 8)}`,
      );
    }
  }
  console.log(
    `  Target: each collector ≥ ${TARGET_RATIO} × its store's floor, no non-2xx, errors or timeouts, ` +
      'no acknowledged id missing.\n  (Errors, acked and missing include the warm-up; the ratio is reported, not enforced.)\n',
  );

  progress(`seeding ${EXPORT_ROWS.toLocaleString('en')} rows into SQLite`);
  let started = performance.now();
  const exportSqlite = join(work, 'export.db');
  await seedSqlite(exportSqlite, EXPORT_ROWS, seedRow);
  const seededSqlite = (performance.now() - started) / 1000;
  progress('exporting from SQLite');
  const exports = [];
  const sqliteServer = await startCollector(exportSqlite);
  try {
    exports.push(...(await measureExport('SQLite', sqliteServer, EXPORT_ROWS, ADMIN_TOKEN)));
  } finally {
    await stopServer(sqliteServer.child);
  }
  rmSync(exportSqlite, { force: true });

  progress(`seeding ${PG_EXPORT_ROWS.toLocaleString('en')} rows into PostgreSQL`);
  started = performance.now();
  const exportPg = await freshDatabase();
  await seedPostgres(exportPg, PG_EXPORT_ROWS, seedRow);
  const seededPg = (performance.now() - started) / 1000;
  progress('exporting from PostgreSQL');
  const pgServer = await startCollector(exportPg);
  try {
    exports.push(...(await measureExport('PostgreSQL', pgServer, PG_EXPORT_ROWS, ADMIN_TOKEN)));
  } finally {
    await stopServer(pgServer.child);
  }

  console.log(
    `  ${'Export'.padEnd(22)} ${pad('rows', 10)} ${pad('bytes', 14)} ${pad('seconds', 8)} ${pad('MB/s', 6)} ` +
      `${pad('RSS before', 11)} ${pad('RSS peak', 9)} ${pad('growth', 8)} ${pad('reference: export size', 23)}`,
  );
  for (const e of exports) {
    console.log(
      `  ${e.label.padEnd(22)} ${pad(e.rows.toLocaleString('en'), 10)} ${pad(e.bytes.toLocaleString('en'), 14)} ` +
        `${pad(e.seconds.toFixed(1), 8)} ${pad((e.bytes / 1e6 / e.seconds).toFixed(0), 6)} ${pad(mib(e.before), 11)} ` +
        `${pad(mib(e.peak), 9)} ${pad(mib(e.peak - e.before), 8)} ${pad(mib(e.bytes / 1024), 23)}`,
    );
  }
  console.log(
    `  Seeding took ${seededSqlite.toFixed(1)} s (SQLite, ${EXPORT_ROWS.toLocaleString('en')} rows) and ` +
      `${seededPg.toFixed(1)} s (PostgreSQL, ${PG_EXPORT_ROWS.toLocaleString('en')} rows). ` +
      'Target: peak RSS growth stays flat as rows grow, far below the export size.',
  );

  progress(`seeding ${RESULTS_ROWS.toLocaleString('en')} rankings of 50 options into SQLite`);
  const resultsSqlite = join(work, 'results.db');
  await seedSqlite(resultsSqlite, RESULTS_ROWS, rankingSeedRow);
  progress('asking for results');
  const resultsServer = await startCollector(resultsSqlite);
  let results;
  try {
    results = await measureResults(resultsServer, RESULTS_ROWS, RESULTS_REQUESTS);
  } finally {
    await stopServer(resultsServer.child);
  }
  const ms = (values) => `${median(values).toFixed(1)} ms`;
  console.log(
    `\n  ${`Results, ${RESULTS_ROWS.toLocaleString('en')} rankings of 50 options (SQLite)`.padEnd(56)} ${pad('GET /v1/results', 18)}`,
  );
  console.log(`  ${`kept (median of ${RESULTS_REQUESTS})`.padEnd(56)} ${pad(ms(results.kept), 18)}`);
  console.log(
    `  ${'reference: worked out (first request; first after a new answer)'.padEnd(56)} ${pad(results.workedOut.map((t) => `${t.toFixed(0)} ms`).join('; '), 18)}`,
  );

  const problems = [
    ...targets.filter((t) => t.missing > 0).map((t) => `${t.label}: ${t.missing} acknowledged ids missing`),
    ...targets
      .filter((t) => t.non2xx + t.errors + t.timeouts > 0)
      .map((t) => `${t.label}: ${t.non2xx} non-2xx, ${t.errors} errors, ${t.timeouts} timeouts`),
    ...exports.filter((e) => e.rows !== e.expected).map((e) => `${e.label}: ${e.rows} rows exported of ${e.expected}`),
  ];
  for (const problem of problems) console.error(`FAIL ${problem}`);
  return problems.length === 0;
}

// Children are killed even if this process is interrupted or fails.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}
let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(error);
} finally {
  for (const child of children) await stopServer(child);
  await cleanUp();
}
process.exitCode = ok ? 0 : 1;
