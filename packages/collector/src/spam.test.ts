import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ResponsePayload } from '@participate/schema';
import { buildServer } from './server.js';
import { PostgresStore } from './store/postgres-store.js';
import type { DiscardReason, ResponseStore, StoredResponse } from './store/store.js';
import { ADMIN_TOKEN, ORIGIN, startCollector, validPayload } from './testing/harness.js';
import { testDatabaseUrl } from './testing/postgres.js';

const MIN_FILL_MS = 1000;
const PAGE = `${ORIGIN}/health/gp-appointments`;
const fromPage = { referer: PAGE };
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** What these tests need of a running collector, whichever store it uses. */
interface Server {
  url: string;
  postJson(body: unknown, headers?: Record<string, string>): Promise<Response>;
  postForm(fields: [string, string][], headers?: Record<string, string>): Promise<Response>;
  count(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Fresh databases, made before any test: each is dropped when the file ends (a database
 * made inside a `before` hook would be dropped as soon as the hook ends).
 */
const freshDatabases = await Promise.all(Array.from({ length: 2 }, () => testDatabaseUrl()));

/** The collector over one of the fresh PostgreSQL databases, as `startCollector` gives one over SQLite. */
async function startPostgresServer(): Promise<Server> {
  const url = freshDatabases.shift();
  if (url === undefined) throw new Error('Make another database in freshDatabases for this test.');
  const store: ResponseStore = await PostgresStore.open(url);
  const app = buildServer({
    store,
    allowedOrigins: [ORIGIN],
    adminToken: ADMIN_TOKEN,
    rateLimitPerMinute: 0,
    minFillMs: MIN_FILL_MS,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    postJson: (body, headers = {}) =>
      fetch(`${address}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    postForm: (fields, headers = {}) =>
      fetch(`${address}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      }),
    count: () => store.count(),
    async close() {
      await app.close();
      await store.close();
    },
  };
}

interface StoredJson {
  id: string;
  receivedAt: string;
  status: string;
}

const today = () => new Date().toISOString().slice(0, 10);

async function exportRows(server: Server): Promise<StoredResponse[]> {
  const response = await fetch(`${server.url}/v1/responses`, { headers: asAdmin });
  assert.equal(response.status, 200);
  return (await response.text())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as StoredResponse);
}

/** Today's count of posts thrown away for `reason`, from `GET /v1/stats`. */
async function discardedToday(server: Server, reason: DiscardReason): Promise<number> {
  const response = await fetch(`${server.url}/v1/stats`, { headers: asAdmin });
  assert.equal(response.status, 200);
  const { discarded } = (await response.json()) as { discarded: { day: string; reason: string; count: number }[] };
  return discarded.find((entry) => entry.day === today() && entry.reason === reason)?.count ?? 0;
}

/** Posts `payload` and checks it was answered like a stored response, but thrown away and counted. */
async function expectDiscarded(server: Server, payload: ResponsePayload, reason: DiscardReason): Promise<void> {
  const otherReason: DiscardReason = reason === 'honeypot' ? 'too-fast' : 'honeypot';
  const [count, counted, countedOther] = [
    await server.count(),
    await discardedToday(server, reason),
    await discardedToday(server, otherReason),
  ];

  const genuine = await server.postJson(validPayload());
  const genuineBody = (await genuine.json()) as StoredJson;
  const response = await server.postJson(payload);
  const body = (await response.json()) as StoredJson;

  assert.equal(response.status, 201);
  assert.equal(response.status, genuine.status);
  assert.equal(response.headers.get('content-type'), genuine.headers.get('content-type'));
  assert.deepEqual([...response.headers.keys()].sort(), [...genuine.headers.keys()].sort());
  assert.equal(response.headers.get('idempotent-replayed'), null);
  assert.deepEqual(Object.keys(body), Object.keys(genuineBody));
  assert.equal(body.id, payload.id);
  assert.equal(body.status, 'stored');
  assert.ok(Math.abs(Date.parse(body.receivedAt) - Date.now()) < 60_000, body.receivedAt);

  assert.equal(await server.count(), count + 1, 'only the genuine response was stored');
  assert.ok(!(await exportRows(server)).some((row) => row.id === payload.id));
  assert.equal(await discardedToday(server, reason), counted + 1);
  assert.equal(await discardedToday(server, otherReason), countedOther);
}

async function expectStored(server: Server, payload: ResponsePayload): Promise<StoredResponse> {
  const count = await server.count();
  const response = await server.postJson(payload);
  assert.equal(response.status, 201, await response.clone().text());
  assert.equal(((await response.json()) as StoredJson).id, payload.id);
  assert.equal(await server.count(), count + 1);
  const row = (await exportRows(server)).find((stored) => stored.id === payload.id);
  assert.ok(row, 'the response is in the export');
  return row;
}

const backends: { name: string; start: () => Promise<Server> }[] = [
  { name: 'SQLite', start: () => startCollector({ minFillMs: MIN_FILL_MS }) },
  { name: 'PostgreSQL', start: startPostgresServer },
];

for (const backend of backends) {
  describe(`bot check on JSON posts (${backend.name})`, () => {
    let server: Server;
    before(async () => {
      server = await backend.start();
    });
    after(() => server.close());

    test('a filled-in honeypot is answered 201 like a stored response, not stored, and counted', async () => {
      await expectDiscarded(
        server,
        validPayload({ botCheck: { honeypot: 'https://cheap-pills.example', elapsedMs: 8000 } }),
        'honeypot',
      );
    });

    test('a honeypot filled in too fast counts once, as honeypot', async () => {
      await expectDiscarded(server, validPayload({ botCheck: { honeypot: ' ', elapsedMs: 0 } }), 'honeypot');
    });

    test('an answer sent sooner than the minimum fill time is answered 201, not stored, counted too-fast', async () => {
      for (const elapsedMs of [0, 1, MIN_FILL_MS - 1]) {
        await expectDiscarded(server, validPayload({ botCheck: { honeypot: '', elapsedMs } }), 'too-fast');
      }
    });

    test('an answer sent at or after the minimum fill time is stored', async () => {
      const counted = await discardedToday(server, 'too-fast');
      for (const elapsedMs of [MIN_FILL_MS, MIN_FILL_MS + 1, 7 * 24 * 60 * 60 * 1000]) {
        await expectStored(server, validPayload({ botCheck: { honeypot: '', elapsedMs } }));
      }
      assert.equal(await discardedToday(server, 'too-fast'), counted);
    });

    test('a post without a bot check (an API client) is stored', async () => {
      const payload = validPayload();
      assert.equal('botCheck' in payload, false);
      await expectStored(server, payload);
    });

    test('the bot check is not stored: the exported row is the payload without it', async () => {
      const payload = validPayload({ botCheck: { honeypot: '', elapsedMs: 4321 } });
      const row = await expectStored(server, payload);
      const expected: Record<string, unknown> = {
        ...payload,
        variant: payload.answer.variant,
        stage: payload.stage ?? null,
        amends: null,
        receivedAt: row.receivedAt,
      };
      delete expected.botCheck;
      assert.deepEqual(row, expected);
      assert.equal('botCheck' in row, false);
      const csv = await (await fetch(`${server.url}/v1/responses?format=csv`, { headers: asAdmin })).text();
      assert.doesNotMatch(csv, /botcheck|bot_check|honeypot|elapsed|4321/i);

      // A retry whose bot check differs (time has passed) is the same response.
      const retry = await server.postJson({ ...payload, botCheck: { honeypot: '', elapsedMs: 9876 } });
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.equal(((await retry.json()) as StoredJson).receivedAt, row.receivedAt);
    });

    test('a discarded post keeps nothing, not even its id: the id can still be stored', async () => {
      const id = randomUUID();
      await expectDiscarded(server, validPayload({ id, botCheck: { honeypot: 'x', elapsedMs: 5000 } }), 'honeypot');
      const response = await server.postJson(validPayload({ id, botCheck: { honeypot: '', elapsedMs: 5000 } }));
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('idempotent-replayed'), null);
      assert.ok((await exportRows(server)).some((row) => row.id === id));
    });

    test('an invalid post is refused whatever its bot check says: validation comes first', async () => {
      const count = await server.count();
      const counted = await discardedToday(server, 'honeypot');
      const response = await server.postJson({
        ...validPayload({ botCheck: { honeypot: 'x', elapsedMs: 5000 } }),
        topic: 'Not A Slug',
      });
      assert.equal(response.status, 422);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'invalid_response');
      assert.equal(await server.count(), count);
      assert.equal(await discardedToday(server, 'honeypot'), counted);
    });
  });

  describe(`bot check on the no-JavaScript form (${backend.name})`, () => {
    let server: Server;
    before(async () => {
      server = await backend.start();
    });
    after(() => server.close());

    const fields = (website: string): [string, string][] => [
      ['topic', 'gp-appointments'],
      ['useful', 'no'],
      ['comment', 'Opening hours are wrong'],
      ['website', website],
    ];

    test('a filled-in honeypot gets the same thank-you page, stores nothing and is counted', async () => {
      const genuine = await server.postForm(fields(''), fromPage);
      assert.equal(genuine.status, 200);
      const thanks = await genuine.text();
      const count = await server.count();
      const counted = await discardedToday(server, 'honeypot');

      const response = await server.postForm(fields('https://cheap-pills.example'), fromPage);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(await response.text(), thanks);
      assert.match(thanks, /<h1>Thank you for your feedback<\/h1>/);
      assert.equal(await server.count(), count);
      assert.equal(await discardedToday(server, 'honeypot'), counted + 1);
    });

    test('a Welsh form with the honeypot filled in is thanked in Welsh and counted', async () => {
      const counted = await discardedToday(server, 'honeypot');
      const count = await server.count();
      const response = await server.postForm([...fields('spam'), ['locale', 'cy']], fromPage);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /<h1>Diolch am eich adborth<\/h1>/);
      assert.equal(await server.count(), count);
      assert.equal(await discardedToday(server, 'honeypot'), counted + 1);
    });

    test('an empty honeypot is stored', async () => {
      const count = await server.count();
      const counted = await discardedToday(server, 'honeypot');
      const response = await server.postForm(fields(''), fromPage);
      assert.equal(response.status, 200);
      await response.text();
      assert.equal(await server.count(), count + 1);
      assert.equal(await discardedToday(server, 'honeypot'), counted);
    });
  });
}
