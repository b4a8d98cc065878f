import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { SqliteStore } from './store/sqlite-store.js';
import { CLI, cleanEnv, exited, startCli } from './testing/cli-process.js';
import { ORIGIN, tempDir, validPayload } from './testing/harness.js';
import { testDatabaseUrl } from './testing/postgres.js';

const dir = tempDir();
after(() => {
  dir.remove();
});

const TOKEN = 'cli-test-token-0123456789';

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { env: cleanEnv(env), encoding: 'utf8' });
}

describe('participate-collector CLI', () => {
  test('--help lists every command, flag and environment variable with defaults and examples', () => {
    const result = run(['--help']);
    assert.equal(result.status, 0);
    for (const word of [
      'Usage: participate-collector [command]',
      'serve (default)',
      'migrate',
      'purge',
      'report fft --month YYYY-MM',
      '--port',
      'PORT',
      '(default 8787',
      '--host',
      'HOST',
      '(default 127.0.0.1',
      '--database',
      'DATABASE_URL',
      'postgres://',
      './data/participate.db',
      '--pool-size',
      'PARTICIPATE_POOL_SIZE',
      '--allowed-origins',
      'PARTICIPATE_ALLOWED_ORIGINS',
      '--admin-token',
      'PARTICIPATE_ADMIN_TOKEN',
      '--rate-limit',
      'PARTICIPATE_RATE_LIMIT',
      '--min-fill-ms',
      'PARTICIPATE_MIN_FILL_MS',
      '--trust-proxy',
      'PARTICIPATE_TRUST_PROXY',
      '--request-timeout',
      'PARTICIPATE_REQUEST_TIMEOUT',
      '--retention-days',
      'PARTICIPATE_RETENTION_DAYS',
      '--contact-retention-days',
      'PARTICIPATE_CONTACT_RETENTION_DAYS',
      '--min-group-size',
      'PARTICIPATE_MIN_GROUP_SIZE',
      '--time-zone',
      'PARTICIPATE_TIME_ZONE',
      'Europe/London',
      '--month',
      '--log',
      'PARTICIPATE_LOG',
      '--help',
      'Examples:',
    ]) {
      assert.ok(result.stdout.includes(word), `help mentions ${word}`);
    }
  });

  test('bad configuration prints one line per problem and exits 2', () => {
    const result = run(['--port', 'x'], { PARTICIPATE_ALLOWED_ORIGINS: '*' });
    assert.equal(result.status, 2);
    const lines = result.stderr.trim().split('\n');
    assert.match(lines[0] ?? '', /^participate-collector: --port must be a whole number/);
    assert.match(lines[1] ?? '', /^participate-collector: PARTICIPATE_ALLOWED_ORIGINS: "\*" is not supported/);
    assert.equal(result.stdout, '');
  });

  test('a database that cannot be reached is a clear error with exit 1', () => {
    // Port 1 on loopback: nothing listens there.
    const result = run(['migrate', '--database', 'postgres://participate:secret@127.0.0.1:1/participate']);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /^participate-collector: Could not open PostgreSQL participate@127\.0\.0\.1:1\/participate/,
    );
    assert.doesNotMatch(result.stderr, /secret/, 'the password is never printed');
  });

  test('starts, says where and how to export, and shuts down cleanly on SIGTERM', async () => {
    const database = join(dir.path, 'graceful', 'participate.db');
    const { child, output, url } = await startCli(['--port', '0', '--database', database], {
      PARTICIPATE_ALLOWED_ORIGINS: ORIGIN,
    });
    assert.match(output(), new RegExp(`Allowed origins: ${ORIGIN}`));
    assert.ok(output().includes(`Database: SQLite file ${database}`), output());
    assert.ok(output().includes('Retention: none set'), output());
    const token = /Admin token \(generated[^:]*: (\S+)/.exec(output())?.[1];
    assert.ok(token, output());
    assert.ok(output().includes(`curl -H "Authorization: Bearer ${token}" "${url}/v1/responses?format=csv"`), output());

    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    const exportResponse = await fetch(`${url}/v1/responses`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(exportResponse.status, 200);
    await exportResponse.text();

    const exit = exited(child);
    child.kill('SIGTERM');
    assert.deepEqual(await exit, { code: 0, signal: null });
  });

  test('SIGTERM lets a request already under way finish and store its answer', async () => {
    const database = join(dir.path, 'in-flight', 'participate.db');
    const { child, url } = await startCli(['--port', '0', '--database', database, '--admin-token', TOKEN], {
      PARTICIPATE_ALLOWED_ORIGINS: ORIGIN,
    });
    const payload = validPayload();
    const body = Buffer.from(JSON.stringify(payload));
    // Send the headers and half the body, signal the collector, then send the rest.
    const post = request(`${url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'content-length': body.length },
    });
    const answered = new Promise<number>((resolve, reject) => {
      post.once('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      post.once('error', reject);
    });
    post.write(body.subarray(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const exit = exited(child);
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(child.exitCode, null, 'still running while a request is open');
    post.end(body.subarray(100));
    assert.equal(await answered, 201);
    assert.deepEqual(await exit, { code: 0, signal: null });

    const store = new SqliteStore(database);
    const ids: string[] = [];
    for await (const row of store.export()) ids.push(row.id);
    await store.close();
    assert.deepEqual(ids, [payload.id]);
  });

  test('serves from PostgreSQL, naming the database without its password', async () => {
    const databaseUrl = await testDatabaseUrl();
    const { child, output, url } = await startCli(['--port', '0', '--admin-token', TOKEN], {
      PARTICIPATE_ALLOWED_ORIGINS: ORIGIN,
      DATABASE_URL: databaseUrl,
      PARTICIPATE_POOL_SIZE: '4',
    });
    assert.match(output(), /Database: PostgreSQL /);
    const password = new URL(databaseUrl).password;
    if (password) assert.ok(!output().includes(password));
    const payload = validPayload();
    const posted = await fetch(`${url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(payload),
    });
    assert.equal(posted.status, 201);
    const exported = await fetch(`${url}/v1/responses?format=ndjson`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal((JSON.parse(await exported.text()) as { id: string }).id, payload.id);
    child.kill('SIGTERM');
    assert.deepEqual(await exited(child), { code: 0, signal: null });
  });
});

describe('participate-collector migrate, purge and report', () => {
  test('migrate creates the schema and says which version, on SQLite and PostgreSQL', async () => {
    const sqlite = run(['migrate', '--database', join(dir.path, 'migrate', 'participate.db')]);
    assert.equal(sqlite.status, 0, sqlite.stderr);
    assert.match(sqlite.stdout, /^SQLite file .*participate\.db is at schema version \d+\.\n$/);

    const postgres = run(['migrate'], { DATABASE_URL: await testDatabaseUrl() });
    assert.equal(postgres.status, 0, postgres.stderr);
    assert.match(postgres.stdout, /^PostgreSQL .* is at schema version \d+\.\n$/);
  });

  test('purge deletes answers and contact details past their retention, and only those', async () => {
    const database = join(dir.path, 'purge', 'participate.db');
    const store = new SqliteStore(database);
    const old = validPayload({
      contact: { name: 'Sam Jones', email: 'sam@example.org', consent: true },
    });
    const recent = validPayload();
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await store.insert(old, daysAgo(40));
    await store.insert(recent, daysAgo(2));
    await store.close();

    const nothingSet = run(['purge', '--database', database]);
    assert.equal(nothingSet.status, 0, nothingSet.stderr);
    assert.match(nothingSet.stdout, /No retention set/);

    const purged = run(['purge', '--database', database], { PARTICIPATE_RETENTION_DAYS: '30' });
    assert.equal(purged.status, 0, purged.stderr);
    assert.equal(purged.stdout, 'Deleted 1 answers and 1 contact details past their retention.\n');

    const after = new SqliteStore(database);
    const ids: string[] = [];
    for await (const row of after.export()) ids.push(row.id);
    await after.close();
    assert.deepEqual(ids, [recent.id]);
  });

  test('report fft prints the month’s counts per topic as CSV, in the configured time zone', async () => {
    const database = join(dir.path, 'report', 'participate.db');
    const store = new SqliteStore(database);
    const fft = (topic: string, rating: 'very-good' | 'good' | 'poor' | 'dont-know') =>
      validPayload({ topic, widget: 'feedback-prompt', answer: { variant: 'fft', rating, standardWording: true } });
    await store.insert(fft('ward-7', 'very-good'), '2026-10-05T10:00:00.000Z');
    await store.insert(fft('ward-7', 'good'), '2026-10-31T12:00:00.000Z');
    await store.insert(fft('ward-7', 'poor'), '2026-10-20T09:00:00.000Z');
    await store.insert(fft('ward-7', 'dont-know'), '2026-10-21T09:00:00.000Z');
    await store.insert(fft('a-and-e', 'good'), '2026-10-01T08:00:00.000Z');
    // 23:30 UTC on 30 September is 00:30 on 1 October in London (BST): October there, not in UTC.
    await store.insert(fft('a-and-e', 'poor'), '2026-09-30T23:30:00.000Z');
    await store.insert(fft('ward-7', 'poor'), '2026-11-01T09:00:00.000Z');
    await store.close();

    const report = run(['report', 'fft', '--month', '2026-10', '--database', database]);
    assert.equal(report.status, 0, report.stderr);
    assert.equal(
      report.stdout,
      [
        'topic,very_good,good,neither,poor,very_poor,dont_know,total,percent_positive,percent_negative',
        'a-and-e,0,1,0,1,0,0,2,50,50',
        'ward-7,1,1,0,1,0,1,4,50,25',
        '',
      ].join('\r\n'),
    );

    const utc = run(['report', 'fft', '--month', '2026-10', '--database', database, '--time-zone', 'UTC']);
    assert.match(utc.stdout, /\r\na-and-e,0,1,0,0,0,0,1,100,0\r\n/);
  });

  test('report fft without a proper month, or an unknown command, exits 2 saying what is wrong', () => {
    const noMonth = run(['report', 'fft']);
    assert.equal(noMonth.status, 2);
    assert.match(noMonth.stderr, /report fft needs --month YYYY-MM/);
    const badMonth = run(['report', 'fft', '--month', '2026-13']);
    assert.match(badMonth.stderr, /--month must be a month written YYYY-MM/);
    const unknown = run(['export']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /Unknown command "export"\. The commands are serve, migrate, purge, report fft/);
  });
});
