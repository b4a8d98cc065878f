import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { LIMITS, type ResponsePayload } from '@participate/schema';
import { buildServer } from './server.js';
import { PostgresStore } from './store/postgres-store.js';
import type { ResponseStore, StoredResponse } from './store/store.js';
import { ADMIN_TOKEN, ORIGIN, startCollector, validPayload } from './testing/harness.js';
import { testDatabaseUrl } from './testing/postgres.js';

/** What these tests need of a running collector, whichever store it uses. */
interface Server {
  url: string;
  postJson(body: unknown, headers?: Record<string, string>): Promise<Response>;
  count(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Fresh databases, made before any test: each is dropped when the file ends (a database
 * made inside a `before` hook would be dropped as soon as the hook ends).
 */
const freshDatabases = await Promise.all(Array.from({ length: 3 }, () => testDatabaseUrl()));

/** The collector over one of the fresh PostgreSQL databases, as `startCollector` gives one over SQLite. */
async function startPostgresServer(): Promise<Server> {
  const url = freshDatabases.shift();
  if (url === undefined) throw new Error('Make another database in freshDatabases for this test.');
  const store: ResponseStore = await PostgresStore.open(url);
  const app = buildServer({ store, allowedOrigins: [ORIGIN], adminToken: ADMIN_TOKEN, rateLimitPerMinute: 0 });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    postJson: (body, headers = {}) =>
      fetch(`${address}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    count: () => store.count(),
    async close() {
      await app.close();
      await store.close();
    },
  };
}

interface Answer {
  status: number;
  replayed: string | null;
  body: { id?: string; receivedAt?: string; status?: string; error?: { code: string } };
}

async function answer(response: Response): Promise<Answer> {
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    body: (await response.json()) as Answer['body'],
  };
}

async function exportRows(server: Server): Promise<StoredResponse[]> {
  const response = await fetch(`${server.url}/v1/responses`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(response.status, 200);
  return (await response.text())
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as StoredResponse);
}

const backends: { name: string; start: () => Promise<Server> }[] = [
  { name: 'SQLite', start: () => startCollector() },
  { name: 'PostgreSQL', start: startPostgresServer },
];

for (const backend of backends) {
  describe(`concurrent posts of one id (${backend.name})`, () => {
    let server: Server;
    before(async () => {
      server = await backend.start();
    });
    after(() => server.close());

    test('20 identical posts at once: all 201 with the same receipt, one created, exactly one row', async () => {
      const payload = validPayload();
      const count = await server.count();
      const answers = await Promise.all(Array.from({ length: 20 }, async () => answer(await server.postJson(payload))));
      assert.deepEqual(
        answers.map((each) => each.status),
        Array.from({ length: 20 }, () => 201),
      );
      assert.equal(answers.filter((each) => each.replayed === null).length, 1, 'exactly one post created the row');
      assert.equal(answers.filter((each) => each.replayed === 'true').length, 19);
      const receipts = new Set(answers.map((each) => each.body.receivedAt));
      assert.equal(receipts.size, 1, 'every post is told the first receipt time');

      assert.equal(await server.count(), count + 1);
      const rows = (await exportRows(server)).filter((row) => row.id === payload.id);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.receivedAt, [...receipts][0]);
      assert.deepEqual(rows[0]?.answer, payload.answer);
    });

    test('10 posts of one id with five different bodies at once: one wins, its twin replays, the rest conflict', async () => {
      const id = validPayload().id;
      const bodies = Array.from({ length: 5 }, (_, index) =>
        validPayload({ id, answer: { variant: 'page-useful', useful: 'no', comment: `Version ${index}` } }),
      );
      // Each body twice, interleaved: 0 1 2 3 4 0 1 2 3 4.
      const posts = [...bodies, ...bodies];
      const count = await server.count();
      const answers = await Promise.all(posts.map(async (body) => answer(await server.postJson(body))));

      assert.equal(await server.count(), count + 1);
      const rows = (await exportRows(server)).filter((row) => row.id === id);
      assert.equal(rows.length, 1);
      const winner = bodies.findIndex((body) => JSON.stringify(body.answer) === JSON.stringify(rows[0]?.answer));
      assert.ok(winner >= 0, 'the stored row is one of the bodies sent');

      posts.forEach((body, index) => {
        const got = answers[index];
        if (body === bodies[winner]) {
          assert.equal(got?.status, 201, `post ${index} sent the winning body`);
          assert.equal(got.body.receivedAt, rows[0]?.receivedAt);
        } else {
          assert.equal(got?.status, 422, `post ${index} sent a losing body`);
          assert.equal(got.body.error?.code, 'id_conflict');
        }
      });
      const winners = answers.filter((each) => each.status === 201);
      assert.deepEqual(winners.map((each) => each.replayed).sort(), ['true', null].sort());
    });
  });
}

describe('text a database could not keep (PostgreSQL)', () => {
  let server: Server;
  before(async () => {
    server = await startPostgresServer();
  });
  after(() => server.close());

  const contact = (name: string) => ({ name, email: 'ada@example.org', consent: true as const });
  const comment = (text: string) => ({ variant: 'page-useful' as const, useful: 'no' as const, comment: text });
  const cases: { name: string; payload: ResponsePayload; path: string }[] = [
    { name: 'a NUL in the page', payload: validPayload({ page: `${ORIGIN}/a\u0000b` }), path: '/page' },
    {
      name: 'a NUL in a contact name',
      payload: validPayload({ contact: contact('Ada\u0000') }),
      path: '/contact/name',
    },
    { name: 'a NUL in a comment', payload: validPayload({ answer: comment('x\u0000y') }), path: '/answer/comment' },
    { name: 'a lone high surrogate', payload: validPayload({ answer: comment('x\ud800y') }), path: '/answer/comment' },
    { name: 'a lone low surrogate', payload: validPayload({ page: `${ORIGIN}/\udc00` }), path: '/page' },
  ];

  for (const { name, payload, path } of cases) {
    test(`${name} is refused with 422 invalid_response, and results keep working`, async () => {
      const count = await server.count();
      const response = await server.postJson(payload);
      assert.equal(response.status, 422);
      const body = (await response.json()) as { error: { code: string; problems?: { path: string }[] } };
      assert.equal(body.error.code, 'invalid_response');
      assert.deepEqual(
        body.error.problems?.map((problem) => problem.path),
        [path],
      );
      assert.equal(await server.count(), count);
      const results = await fetch(`${server.url}/v1/results?topic=gp-appointments`);
      assert.equal(results.status, 200);
      await results.arrayBuffer();
    });
  }

  test('a surrogate pair (an emoji) is fine', async () => {
    const response = await server.postJson(validPayload({ answer: comment('Great 👍🏽') }));
    assert.equal(response.status, 201);
    await response.arrayBuffer();
  });
});

/** One generated bad post and what the collector must answer it with. */
interface BadPost {
  body: string;
  contentType: string;
  status: 400 | 413 | 415 | 422;
  code: string;
}

const KNOWN_FIELDS = new Set([
  'schemaVersion',
  'id',
  'widget',
  'topic',
  'stage',
  'locale',
  'page',
  'submittedAt',
  'amends',
  'botCheck',
  'contact',
  'answer',
]);
const REQUIRED_FIELDS = ['schemaVersion', 'id', 'widget', 'topic', 'locale', 'page', 'submittedAt', 'answer'] as const;
const STRING_FIELDS = ['id', 'widget', 'topic', 'locale', 'page', 'submittedAt'] as const;

const validBase = fc
  .record({
    id: fc.uuid(),
    comment: fc.string({ maxLength: 200 }),
    useful: fc.constantFrom('yes' as const, 'no' as const),
  })
  .map(({ id, comment, useful }): ResponsePayload =>
    validPayload({ id, answer: { variant: 'page-useful', useful, comment } }),
  );

const json = (value: unknown) => JSON.stringify(value);
const invalid = (body: string): BadPost => ({
  body,
  contentType: 'application/json',
  status: 422,
  code: 'invalid_response',
});

/**
 * Fastify refuses a `__proto__` key, or a `constructor` holding a `prototype`, anywhere in
 * the body as malformed (400): bodies meant to be judged by the schema leave them out.
 */
const judgedBySchema = (post: BadPost) => post.status !== 422 || !/"(?:__proto__|constructor)"/.test(post.body);

/** Bodies that are wrong in one known way, each with the answer it must get. */
const badPosts: fc.Arbitrary<BadPost> = fc
  .oneof(
    // Well-formed JSON, but not a response.
    fc
      .tuple(validBase, fc.string({ minLength: 1 }), fc.jsonValue())
      .filter(([, key]) => !KNOWN_FIELDS.has(key) && key !== '__proto__' && key !== 'constructor')
      .map(([payload, key, value]) => invalid(json({ ...payload, [key]: value }))),
    fc
      .tuple(validBase, fc.constantFrom(...REQUIRED_FIELDS))
      .map(([payload, field]) =>
        invalid(json(Object.fromEntries(Object.entries(payload).filter(([k]) => k !== field)))),
      ),
    fc
      .tuple(
        validBase,
        fc.constantFrom(...STRING_FIELDS),
        fc.jsonValue().filter((value) => typeof value !== 'string'),
      )
      .map(([payload, field, value]) => invalid(json({ ...payload, [field]: value }))),
    fc
      .tuple(
        validBase,
        fc.jsonValue().filter((value) => value !== 1),
      )
      .map(([payload, version]) => invalid(json({ ...payload, schemaVersion: version }))),
    fc
      .tuple(
        validBase,
        fc.string({ minLength: 1 }).filter((key) => !['variant', 'useful', 'reasons', 'comment'].includes(key)),
      )
      .filter(([, key]) => key !== '__proto__' && key !== 'constructor')
      .map(([payload, key]) => invalid(json({ ...payload, answer: { ...payload.answer, [key]: true } }))),
    fc
      .tuple(validBase, fc.constantFrom('\u0000', '\ud800', '\udfff'), fc.constantFrom('page', 'comment', 'name'))
      .map(([payload, bad, where]) => {
        if (where === 'page') return invalid(json({ ...payload, page: `${payload.page}${bad}` }));
        if (where === 'name')
          return invalid(json({ ...payload, contact: { name: bad, phone: '020 7946 0000', consent: true } }));
        return invalid(json({ ...payload, answer: { ...payload.answer, comment: bad } }));
      }),
    fc
      .oneof(fc.array(fc.jsonValue()), fc.string(), fc.double(), fc.boolean(), fc.constant(null))
      .map((value) => invalid(json(value))),
    fc
      .dictionary(fc.string(), fc.jsonValue())
      // Without an id it cannot be a response (prototype keys are left to judgedBySchema).
      .filter((value) => !Object.hasOwn(value, 'id'))
      .map((value) => invalid(json(value))),
    // Not JSON at all.
    fc.tuple(validBase, fc.nat()).map(([payload, cut]): BadPost => {
      const text = json(payload);
      return {
        body: text.slice(0, cut % text.length),
        contentType: 'application/json',
        status: 400,
        code: 'malformed_json',
      };
    }),
    fc.tuple(validBase, fc.constantFrom('__proto__', 'constructor')).map(([payload, key]): BadPost => ({
      body: `${json(payload).slice(0, -1)},"${key}":{"prototype":{"polluted":true}}}`,
      contentType: 'application/json',
      status: 400,
      code: 'malformed_json',
    })),
    // Too big, or not sent as JSON.
    fc.tuple(validBase, fc.nat({ max: 4096 })).map(([payload, extra]): BadPost => ({
      body: json({ ...payload, padding: 'x'.repeat(LIMITS.bodyBytes + extra) }),
      contentType: 'application/json',
      status: 413,
      code: 'body_too_large',
    })),
    fc
      .tuple(
        validBase,
        fc.constantFrom(
          'text/plain',
          'text/plain; charset=utf-8',
          'application/xml',
          'application/octet-stream',
          'multipart/form-data; boundary=x',
        ),
      )
      .map(([payload, contentType]): BadPost => ({
        body: json(payload),
        contentType,
        status: 415,
        code: 'unsupported_media_type',
      })),
  )
  .filter(judgedBySchema);

describe('property: bad posts to a PostgreSQL-backed collector', () => {
  let server: Server;
  before(async () => {
    server = await startPostgresServer();
    const seeded = await server.postJson(validPayload());
    assert.equal(seeded.status, 201);
    await seeded.arrayBuffer();
  });
  after(() => server.close());

  test('each gets its 4xx JSON error, never a 5xx, and the database is unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(badPosts, async (post) => {
        const response = await server.postJson(post.body, { 'content-type': post.contentType });
        const text = await response.text();
        assert.equal(response.status, post.status, `${response.status} ${text} for ${post.contentType} ${post.body}`);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
        assert.equal((JSON.parse(text) as { error: { code: string } }).error.code, post.code);
        assert.equal(await server.count(), 1);
      }),
      { numRuns: 300 },
    );
    assert.equal((await exportRows(server)).length, 1);
  });
});
