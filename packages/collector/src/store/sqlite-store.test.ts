import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { tempDir, validPayload } from '../testing/harness.js';
import { storeContract } from '../testing/store-contract.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';

const dir = tempDir();
after(() => {
  dir.remove();
});
let counter = 0;
const freshPath = () => join(dir.path, `store-${++counter}`, 'nested', 'participate.db');

storeContract('SQLite', () => {
  const path = freshPath();
  return Promise.resolve({ open: () => Promise.resolve(new SqliteStore(path)) });
});

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

  test('migrations are recorded once, not re-applied on reopening', async () => {
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
});
