import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './server.js';
import { PostgresStore } from './store/postgres-store.js';
import { SqliteStore } from './store/sqlite-store.js';
import type { ResponseStore } from './store/store.js';
import { ADMIN_TOKEN, ORIGIN, tempDir, validPayload } from './testing/harness.js';
import { testDatabaseUrl } from './testing/postgres.js';

const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const RECEIVED_AT = '2026-10-01T12:00:00.000Z';

/** A logging collector over `store`, holding one answer received at RECEIVED_AT. */
async function exportServer(store: ResponseStore) {
  const lines: string[] = [];
  const app = buildServer({
    store,
    allowedOrigins: [ORIGIN],
    adminToken: ADMIN_TOKEN,
    logger: true,
    logDestination: { write: (line) => void lines.push(line) },
  });
  const payload = validPayload({ topic: 'bins' });
  assert.equal((await store.insert(payload, RECEIVED_AT)).outcome, 'created');
  return { app, lines, id: payload.id };
}

async function exportWith(app: FastifyInstance, query: string) {
  const reply = await app.inject({ method: 'GET', url: `/v1/responses?${query}`, headers: asAdmin });
  return { status: reply.statusCode, body: reply.body };
}

const postgresUrl = await testDatabaseUrl();
const dir = tempDir();
after(() => {
  dir.remove();
});
const stores: [string, () => Promise<ResponseStore>][] = [
  ['SQLite', () => Promise.resolve(new SqliteStore(join(dir.path, 'participate.db')))],
  ['PostgreSQL', () => PostgresStore.open(postgresUrl)],
];

for (const [name, open] of stores) {
  describe(`export dates on ${name}`, () => {
    test('a date outside 1970-01-01 … 9999-12-30 is 422 invalid_query, and the log holds no query value', async () => {
      const store = await open();
      const { app, lines, id } = await exportServer(store);
      try {
        for (const query of [
          'to=9999-12-31',
          'to=9999-12-31T23:59:59Z',
          'from=0001-01-01',
          'to=1969-12-31',
          'from=1970-01-01T00:00%2B01:00',
          'from=2026-01-01&to=9999-12-31',
        ]) {
          const { status, body } = await exportWith(app, query);
          assert.equal(status, 422, `${query}: ${body}`);
          const error = (JSON.parse(body) as { error: { code: string; message: string } }).error;
          assert.equal(error.code, 'invalid_query', query);
          assert.match(error.message, /between 1970-01-01 and 9999-12-30/, query);
        }
        // The edges themselves are in range, and find the answer.
        for (const query of ['from=1970-01-01&to=9999-12-30', 'to=9999-12-30T23:59:59.999Z']) {
          const { status, body } = await exportWith(app, query);
          assert.equal(status, 200, `${query}: ${body}`);
          assert.ok(body.includes(id), query);
        }
        const log = lines.join('');
        assert.match(log, /"statusCode":422/);
        for (const value of ['9999-12', '0001-01', '1969-12', '10000-01']) assert.ok(!log.includes(value), value);
      } finally {
        await app.close();
        await store.close();
      }
    });
  });
}

describe('export query names', () => {
  test('a parameter the export does not know, such as topic[], is 400 invalid_query, not the whole export', async () => {
    const store = new SqliteStore(join(dir.path, 'names.db'));
    const { app } = await exportServer(store);
    try {
      for (const [query, named] of [
        ['topic[]=bins', 'topic[]'],
        ['topic[]=', 'topic[]'],
        ['format=csv&topics=bins', 'topics'],
        ['topic=bins&widget[0]=feedback-prompt', 'widget[0]'],
      ] as const) {
        const { status, body } = await exportWith(app, query);
        assert.equal(status, 400, `${query}: ${body}`);
        const error = (JSON.parse(body) as { error: { code: string; message: string } }).error;
        assert.equal(error.code, 'invalid_query');
        assert.ok(error.message.includes(`"${named}"`), error.message);
      }
      const contacts = await app.inject({ method: 'GET', url: '/v1/contacts?fruit[]=governor', headers: asAdmin });
      assert.equal(contacts.statusCode, 400, contacts.body);
      assert.equal((await exportWith(app, 'topic=bins&format=csv')).status, 200);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
