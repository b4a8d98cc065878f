import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { tempDir } from '../testing/harness.js';
import { openStore, sqlitePathFrom } from './open-store.js';
import { SqliteStore } from './sqlite-store.js';

const dir = tempDir();
after(() => {
  dir.remove();
});

describe('openStore', () => {
  test('reads plain paths and sqlite:/file: URLs as SQLite file paths', () => {
    assert.equal(sqlitePathFrom('./data/participate.db'), './data/participate.db');
    assert.equal(sqlitePathFrom('sqlite:./data/x.db'), './data/x.db');
    assert.equal(sqlitePathFrom('sqlite:///var/lib/x.db'), '/var/lib/x.db');
    assert.equal(sqlitePathFrom('file:///var/lib/x.db'), '/var/lib/x.db');
    assert.equal(sqlitePathFrom('file:relative.db'), 'relative.db');
    assert.equal(sqlitePathFrom('C:\\data\\x.db'), 'C:\\data\\x.db');
    assert.equal(sqlitePathFrom('mysql://host/db'), undefined);
  });

  test('opens a SQLite store for a file: URL, creating the file', async () => {
    const path = join(dir.path, 'via-url', 'x.db');
    const store = await openStore(pathToFileURL(path).href);
    assert.ok(store instanceof SqliteStore);
    assert.equal(store.path, path);
    await store.close();
    assert.ok(existsSync(path));
  });

  test('says which PostgreSQL server could not be reached, without echoing the password', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    for (const url of ['postgres://user:secret@127.0.0.1:1/participate', 'postgresql://user:secret@127.0.0.1:1/x']) {
      await assert.rejects(openStore(url), (error: Error) => {
        assert.match(error.message, /^Could not open PostgreSQL user@127\.0\.0\.1:1\//);
        assert.match(error.message, /ECONNREFUSED/);
        assert.doesNotMatch(error.message, /secret/);
        return true;
      });
    }
  });

  test('refuses unknown schemes and in-memory databases', async () => {
    await assert.rejects(openStore('mysql://user:secret@db/x'), (error: Error) => {
      assert.match(error.message, /Unsupported database URL scheme/);
      assert.doesNotMatch(error.message, /secret/);
      return true;
    });
    await assert.rejects(openStore(':memory:'), /must be a file path/);
    await assert.rejects(openStore('sqlite:'), /must be a file path/);
  });
});
