import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { testDatabaseUrl } from '../testing/postgres.js';
import { chainsContract } from '../testing/chains-contract.js';
import { collect, storeContract } from '../testing/store-contract.js';
import { validPayload } from '../testing/harness.js';
import { MIGRATIONS } from './migrations.js';
import { PostgresStore } from './postgres-store.js';

async function freshDatabase() {
  const url = await testDatabaseUrl();
  return { open: () => PostgresStore.open(url) };
}
storeContract('PostgreSQL', freshDatabase);
chainsContract('PostgreSQL', freshDatabase);

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('PostgresStore', () => {
  test('instances starting together apply each migration once, in order', async () => {
    const url = await testDatabaseUrl();
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(url)));
    await Promise.all(stores.map((store) => store.close()));
    const versions = await query<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      versions.map((row) => row.version),
      MIGRATIONS.map((migration) => migration.version),
    );
  });

  test('refuses a database written by a newer collector', async () => {
    const url = await testDatabaseUrl();
    await (await PostgresStore.open(url)).close();
    await query(url, 'INSERT INTO schema_migrations (version, applied_at) VALUES (99, now())');
    await assert.rejects(
      PostgresStore.open(url),
      new RegExp(`schema version 99.*only knows up to ${MIGRATIONS.length}`),
    );
  });

  test('describes itself without the password', async () => {
    const url = new URL(await testDatabaseUrl());
    url.password = 'not-needed-with-trust';
    const store = await PostgresStore.open(url.href);
    assert.match(store.description, /^PostgreSQL postgres@127\.0\.0\.1:\d+\/participate_test_/);
    assert.doesNotMatch(store.description, /not-needed/);
    await store.close();
  });

  test('receivedAt keeps its milliseconds and reads back in the same ISO form as SQLite', async () => {
    const store = await PostgresStore.open(await testDatabaseUrl());
    await store.insert(validPayload(), '2026-03-29T00:59:59.999Z');
    const [row] = await collect(store.export());
    assert.equal(row?.receivedAt, '2026-03-29T00:59:59.999Z');
    await store.close();
  });

  test('a failure is reported without the values PostgreSQL quotes, which came from a request', async () => {
    const store = await PostgresStore.open(await testDatabaseUrl());
    const failure = await store.insert(validPayload(), 'Tuesday at noon, Dr Smith').then(
      () => assert.fail('an impossible timestamp was stored'),
      (error: unknown) => error as Error,
    );
    assert.match(failure.message, /^PostgreSQL store unavailable: .*timestamp/);
    assert.doesNotMatch(failure.message, /Smith|Tuesday/);
    await store.close();
  });
});
