import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { tempDir, validPayload } from '../testing/harness.js';
import { canonicalJson } from './canonical.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';
import { StoreUnavailableError, type StoredResponse } from './store.js';

const dir = tempDir();
after(() => {
  dir.remove();
});
let counter = 0;
const freshPath = () => join(dir.path, `store-${++counter}`, 'nested', 'participate.db');

async function collect(iterable: AsyncIterable<StoredResponse>): Promise<StoredResponse[]> {
  const rows: StoredResponse[] = [];
  for await (const row of iterable) rows.push(row);
  return rows;
}

describe('SqliteStore', () => {
  test('creates its parent directory, uses WAL and records every migration in order', async () => {
    const path = freshPath();
    const store = new SqliteStore(path);
    await store.close();
    assert.ok(existsSync(path));
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(
      db.prepare('SELECT version FROM schema_migrations ORDER BY version').all(),
      MIGRATIONS.map(({ version }) => ({ version })),
    );
    db.close();
  });

  test('insert: created, then duplicate with the first receivedAt, then conflict keeping the first', async () => {
    const store = new SqliteStore(freshPath());
    const payload = validPayload();
    const first = await store.insert(payload, '2026-11-22T06:00:00.000Z');
    assert.deepEqual(first, { outcome: 'created', id: payload.id, receivedAt: '2026-11-22T06:00:00.000Z' });

    const again = await store.insert(structuredClone(payload), '2026-11-22T06:05:00.000Z');
    assert.deepEqual(again, { outcome: 'duplicate', id: payload.id, receivedAt: '2026-11-22T06:00:00.000Z' });

    const different = validPayload({ id: payload.id, topic: 'something-else' });
    const conflict = await store.insert(different, '2026-11-22T06:10:00.000Z');
    assert.deepEqual(conflict, { outcome: 'conflict', id: payload.id, receivedAt: '2026-11-22T06:00:00.000Z' });

    assert.equal(await store.count(), 1);
    const [kept] = await collect(store.export());
    assert.equal(kept?.topic, 'gp-appointments');
    await store.close();
  });

  test('a retry is recognised whatever its key order, and a new submittedAt does not make it a conflict', async () => {
    const store = new SqliteStore(freshPath());
    const payload = validPayload();
    await store.insert(payload, '2026-11-22T06:00:00.000Z');
    const reordered = JSON.parse(
      canonicalJson({ ...payload, submittedAt: '2026-11-22T07:00:00.000Z' }),
    ) as typeof payload;
    assert.notEqual(Object.keys(reordered)[0], Object.keys(payload)[0]);
    assert.equal((await store.insert(reordered, '2026-11-22T07:00:01.000Z')).outcome, 'duplicate');
    await store.close();
  });

  test('export streams oldest first, every field round-trips, and filters by topic and time', async () => {
    const store = new SqliteStore(freshPath());
    const late = validPayload({ topic: 'b-topic' });
    const early = validPayload({
      topic: 'a-topic',
      stage: undefined,
      answer: { variant: 'fft', rating: 'good', standardWording: true },
    });
    delete early.stage;
    late.amends = early.id;
    await store.insert(late, '2026-11-22T08:00:00.000Z');
    await store.insert(early, '2026-11-22T07:00:00.000Z');

    const rows = await collect(store.export());
    assert.deepEqual(
      rows.map((row) => row.id),
      [early.id, late.id],
    );
    assert.deepEqual(rows[0], {
      id: early.id,
      schemaVersion: 1,
      widget: 'feedback-prompt',
      variant: 'fft',
      topic: 'a-topic',
      stage: null,
      locale: 'en',
      page: early.page,
      submittedAt: early.submittedAt,
      receivedAt: '2026-11-22T07:00:00.000Z',
      amends: null,
      answer: { variant: 'fft', rating: 'good', standardWording: true },
    });
    assert.equal(rows[1]?.stage, 'improve-services');
    assert.equal(rows[1].amends, early.id);
    assert.deepEqual(
      (await collect(store.export({ topic: 'b-topic' }))).map((row) => row.id),
      [late.id],
    );
    assert.deepEqual(
      (await collect(store.export({ receivedSince: '2026-11-22T07:30:00.000Z' }))).map((row) => row.id),
      [late.id],
    );
    await store.close();
  });

  test('answers can be stored while an export is part-way through', async () => {
    const store = new SqliteStore(freshPath());
    for (let i = 0; i < 5; i++) await store.insert(validPayload(), `2026-11-22T08:00:0${i}.000Z`);
    const seen: string[] = [];
    for await (const row of store.export()) {
      seen.push(row.id);
      // The writer connection must not be blocked by the open export cursor.
      await store.insert(validPayload(), '2026-11-22T09:00:00.000Z');
    }
    assert.equal(seen.length, 5, 'the export reads one snapshot');
    assert.equal(await store.count(), 10);
    await store.close();
  });

  test('data survives closing and reopening, and migrations are not re-applied', async () => {
    const path = freshPath();
    const payload = validPayload();
    const first = new SqliteStore(path);
    await first.insert(payload, '2026-11-22T06:00:00.000Z');
    await first.close();

    const reopened = new SqliteStore(path);
    assert.equal(await reopened.count(), 1);
    assert.equal((await reopened.insert(payload, '2026-11-22T07:00:00.000Z')).receivedAt, '2026-11-22T06:00:00.000Z');
    await reopened.close();
    const db = new Database(path, { readonly: true });
    assert.equal(
      (db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n,
      MIGRATIONS.length,
    );
    db.close();
  });

  test('refuses a database written by a newer collector', async () => {
    const path = freshPath();
    await new SqliteStore(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (99, ?)').run(new Date().toISOString());
    db.close();
    assert.throws(() => new SqliteStore(path), new RegExp(`schema version 99.*only knows up to ${MIGRATIONS.length}`));
  });

  test('a closed store reports StoreUnavailableError, not a crash', async () => {
    const store = new SqliteStore(freshPath());
    await store.close();
    await assert.rejects(store.ping(), StoreUnavailableError);
    await assert.rejects(store.count(), StoreUnavailableError);
    await assert.rejects(store.insert(validPayload(), new Date().toISOString()), StoreUnavailableError);
  });
});
