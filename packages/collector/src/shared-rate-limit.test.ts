import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from './server.js';
import { PostgresStore } from './store/postgres-store.js';
import { ADMIN_TOKEN, ORIGIN, validPayload } from './testing/harness.js';
import { testDatabaseUrl } from './testing/postgres.js';

const LIMIT = 3;
const MINUTE = 60_000;
/** A moment 45 s into a one-minute window, so a window's end is 15 s away. */
const START = Date.parse('2026-05-01T10:00:45.000Z');

/** A clock the test moves on, shared by every instance of a test. */
function testClock() {
  let now = START;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

interface Instance {
  url: string;
  app: FastifyInstance;
  store: PostgresStore;
  post(headers?: Record<string, string>): Promise<Response>;
}

/** A collector on PostgreSQL at `databaseUrl`, as one of several behind a load balancer. */
async function startInstance(
  databaseUrl: string,
  clock: () => number,
  options: Partial<ServerOptions> = {},
): Promise<Instance> {
  const store = await PostgresStore.open(databaseUrl, { poolSize: 4, rateLimitClock: clock });
  const app = buildServer({
    store,
    allowedOrigins: [ORIGIN],
    adminToken: ADMIN_TOKEN,
    rateLimitPerMinute: LIMIT,
    resultsRateLimitPerMinute: LIMIT,
    minFillMs: 0,
    ...options,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    store,
    post: (headers = {}) =>
      fetch(`${url}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
        body: JSON.stringify(validPayload()),
      }),
  };
}

/** Two instances on one fresh database, closed when `body` ends. */
async function withTwoInstances(
  body: (instances: [Instance, Instance], clock: ReturnType<typeof testClock>, databaseUrl: string) => Promise<void>,
  options: Partial<ServerOptions> = {},
): Promise<void> {
  const databaseUrl = await testDatabaseUrl();
  const clock = testClock();
  const first = await startInstance(databaseUrl, clock.now, options);
  const second = await startInstance(databaseUrl, clock.now, options);
  try {
    await body([first, second], clock, databaseUrl);
  } finally {
    for (const instance of [first, second]) {
      await instance.app.close();
      await instance.store.close();
    }
  }
}

async function status(response: Response): Promise<number> {
  await response.arrayBuffer();
  return response.status;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('rate limit shared by instances on one PostgreSQL database', () => {
  test('the post after the allowance is 429 with Retry-After, whichever instance takes it', async () => {
    await withTwoInstances(async ([first, second]) => {
      // Posts alternate between the instances, as a load balancer sends them.
      const statuses = [];
      for (let i = 0; i < LIMIT; i++) statuses.push(await status(await (i % 2 ? second : first).post()));
      assert.deepEqual(statuses, Array<number>(LIMIT).fill(201));

      for (const instance of [second, first]) {
        const refused = await instance.post();
        assert.equal(refused.status, 429);
        // The window began 45 s ago: it ends in 15 s.
        assert.equal(refused.headers.get('retry-after'), '15');
        assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'rate_limited');
      }
      assert.equal(await first.store.count(), LIMIT);
    });
  });

  test('a new window starts a new allowance', async () => {
    await withTwoInstances(async ([first, second], clock) => {
      for (let i = 0; i < LIMIT; i++) assert.equal(await status(await first.post()), 201);
      assert.equal(await status(await second.post()), 429);

      clock.advance(14_999);
      assert.equal(await status(await second.post()), 429, 'the last millisecond of the window');
      clock.advance(1);
      for (let i = 0; i < LIMIT; i++) assert.equal(await status(await second.post()), 201);
      const refused = await first.post();
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '60');
      await refused.arrayBuffer();
    });
  });

  test('concurrent posts across instances count exactly: the allowance is stored, the rest refused', async () => {
    await withTwoInstances(
      async ([first, second], _clock, databaseUrl) => {
        const limit = 10;
        const attempts = 40;
        const statuses = await Promise.all(
          Array.from({ length: attempts }, async (_, i) => status(await (i % 2 ? second : first).post())),
        );
        assert.equal(statuses.filter((code) => code === 201).length, limit, statuses.join(' '));
        assert.equal(statuses.filter((code) => code === 429).length, attempts - limit, statuses.join(' '));
        assert.equal(await first.store.count(), limit);
        const [row] = await query<{ hits: number }>(databaseUrl, 'SELECT hits FROM rate_limit_windows');
        assert.equal(row?.hits, attempts);
      },
      { rateLimitPerMinute: 10 },
    );
  });

  test('concurrent hits on the counter each get a count of their own', async () => {
    const databaseUrl = await testDatabaseUrl();
    const clock = testClock();
    const open = () => PostgresStore.open(databaseUrl, { rateLimitClock: clock.now });
    const stores = [await open(), await open()] as const;
    try {
      const hits = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (i % 2 ? stores[1] : stores[0]).rateLimits.hit('POST /x', '203.0.113.7', MINUTE),
        ),
      );
      const counts = hits.map((hit) => hit.count).sort((a, b) => a - b);
      assert.deepEqual(
        counts,
        Array.from({ length: 200 }, (_, i) => i + 1),
      );
      assert.ok(hits.every((hit) => hit.resetInMs === 15_000));
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  test('each route and each client address has its own allowance, GET /v1/results included', async () => {
    await withTwoInstances(
      async ([first, second]) => {
        const client = { 'x-forwarded-for': '203.0.113.10' };
        for (let i = 0; i < LIMIT; i++) assert.equal(await status(await first.post(client)), 201);
        assert.equal(await status(await second.post(client)), 429);
        // Another address behind the same load balancer.
        assert.equal(await status(await second.post({ 'x-forwarded-for': '198.51.100.20' })), 201);

        const results = (instance: Instance) =>
          fetch(`${instance.url}/v1/results?topic=gp-appointments`, { headers: client });
        for (let i = 0; i < LIMIT; i++) assert.equal(await status(await results(i % 2 ? second : first)), 200);
        const refused = await results(first);
        assert.equal(refused.status, 429);
        assert.equal(refused.headers.get('retry-after'), '15');
        await refused.arrayBuffer();
      },
      { trustProxy: ['127.0.0.1'] },
    );
  });

  test('no client address is written to the database: the count is kept under a keyed hash of it', async () => {
    await withTwoInstances(
      async ([first, second], _clock, databaseUrl) => {
        const address = '203.0.113.77';
        assert.equal(await status(await first.post({ 'x-forwarded-for': address })), 201);
        assert.equal(await status(await second.post({ 'x-forwarded-for': address })), 201);
        const rows = await query<{ client: string; hits: number }>(
          databaseUrl,
          'SELECT client, hits FROM rate_limit_windows',
        );
        assert.deepEqual(
          rows.map((row) => row.hits),
          [2],
          'both instances count under the same key',
        );
        const client = rows.map((row) => row.client).join('');
        assert.ok(!client.includes('203.0.113'), client);
        assert.match(client, /^[\w-]{22}$/, 'a hash, in base64url');
        // A collector keyed differently (another admin token) cannot tell which key is whose.
        const other = await startInstance(databaseUrl, () => START, {
          adminToken: 'another-admin-token-0123456789abcdef',
          trustProxy: ['127.0.0.1'],
        });
        try {
          assert.equal(await status(await other.post({ 'x-forwarded-for': address })), 201);
          const keys = await query<{ client: string }>(databaseUrl, 'SELECT DISTINCT client FROM rate_limit_windows');
          assert.equal(keys.length, 2);
        } finally {
          await other.app.close();
          await other.store.close();
        }
      },
      { trustProxy: ['127.0.0.1'] },
    );
  });

  test('when counting fails, the post is let through and the failure logged', async () => {
    const lines: string[] = [];
    await withTwoInstances(
      async ([first], _clock, databaseUrl) => {
        await query(databaseUrl, 'DROP TABLE rate_limit_windows');
        for (let i = 0; i <= LIMIT; i++) assert.equal(await status(await first.post()), 201);
        assert.equal(await first.store.count(), LIMIT + 1);
        const failures = lines.filter((line) => line.includes('rate limit not counted'));
        assert.equal(failures.length, LIMIT + 1, lines.join(''));
        assert.doesNotMatch(failures.join(''), /127\.0\.0\.1/, 'no client address in the log');
      },
      { logger: true, logDestination: { write: (line) => void lines.push(line) } },
    );
  });

  test('windows that have ended are deleted as new ones are counted', async () => {
    await withTwoInstances(async ([first], clock, databaseUrl) => {
      const windows = async () =>
        (await query<{ n: number }>(databaseUrl, 'SELECT COUNT(*)::int AS n FROM rate_limit_windows'))[0]?.n;
      for (let i = 0; i < 3; i++) {
        await status(await first.post({ 'x-forwarded-for': `203.0.113.${i}` }));
      }
      assert.equal(await windows(), 1, 'one client without proxy trust');
      clock.advance(2 * MINUTE);
      assert.equal(await status(await first.post()), 201);
      // The sweep runs beside the request: wait for it, a while at most.
      for (let tries = 0; tries < 100 && (await windows()) !== 1; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const rows = await query<{ window_start: string }>(
        databaseUrl,
        'SELECT window_start::text FROM rate_limit_windows',
      );
      assert.deepEqual(
        rows.map((row) => Number(row.window_start)),
        [START + 2 * MINUTE - ((START + 2 * MINUTE) % MINUTE)],
      );
    });
  });
});
