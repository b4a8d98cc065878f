import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { tempDir, validPayload } from '../testing/harness.js';
import { chainsContract } from '../testing/chains-contract.js';
import { storeContract } from '../testing/store-contract.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';

const dir = tempDir();
after(() => {
  dir.remove();
});
let counter = 0;
const freshPath = () => join(dir.path, `store-${++counter}`, 'nested', 'participate.db');

function freshDatabase() {
  const path = freshPath();
  return Promise.resolve({ open: () => Promise.resolve(new SqliteStore(path)) });
}
storeContract('SQLite', freshDatabase);
chainsContract('SQLite', freshDatabase);

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

  test('version 4 puts every response written before it in the chain of its first response', async () => {
    const path = freshPath();
    await new SqliteStore(path).close();
    const db = new Database(path);
    db.exec(
      'DROP INDEX responses_chain; ALTER TABLE responses DROP COLUMN chain; DELETE FROM schema_migrations WHERE version >= 4',
    );
    const insert = db.prepare(
      `INSERT INTO responses (id, schema_version, widget, variant, topic, locale, page, submitted_at, received_at, answer, body_hash, amends)
       VALUES (?, 1, 'feedback-prompt', 'page-useful', 'bins', 'en', 'https://www.example.gov.uk/', ?, ?, '{}', 'x', ?)`,
    );
    // a ← b ← c (each naming the one before), d alone, e naming a response since deleted.
    const rows: [string, string | null][] = [
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
      ['d', null],
      ['e', 'gone'],
    ];
    for (const [index, [id, amends]] of rows.entries()) {
      const time = `2026-11-0${String(index + 1)}T09:00:00.000Z`;
      insert.run(id, time, time, amends);
    }
    db.close();
    const store = new SqliteStore(path);
    await store.close();
    const migrated = new Database(path, { readonly: true });
    assert.deepEqual(migrated.prepare('SELECT id, chain FROM responses ORDER BY id').all(), [
      { id: 'a', chain: 'a' },
      { id: 'b', chain: 'a' },
      { id: 'c', chain: 'a' },
      { id: 'd', chain: 'd' },
      { id: 'e', chain: 'gone' },
    ]);
    migrated.close();
  });
});
