import { fileURLToPath } from 'node:url';
import { SqliteStore } from './sqlite-store.js';
import { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
import type { ResponseStore, StoreLocation } from './store.js';

/**
 * Turns DATABASE_URL into a file path for SQLite. Accepts a plain path, `sqlite:<path>`,
 * `sqlite://<path>` and `file:` URLs. Returns undefined for a scheme it does not know.
 */
export function sqlitePathFrom(databaseUrl: string): string | undefined {
  const value = databaseUrl.trim();
  if (value.startsWith('file://')) return fileURLToPath(value);
  if (value.startsWith('file:')) return value.slice('file:'.length);
  if (value.startsWith('sqlite:')) {
    const rest = value.slice('sqlite:'.length);
    return rest.startsWith('//') ? rest.slice(2) : rest;
  }
  // A scheme of two or more letters means a URL we do not support; `C:\…` is a Windows path.
  if (/^[a-z][a-z0-9+.-]+:/i.test(value)) return undefined;
  return value;
}

export const isPostgresUrl = (databaseUrl: string) => /^postgres(ql)?:\/\//i.test(databaseUrl.trim());

/**
 * Opens the store named by a DATABASE_URL-style string and applies any pending
 * migrations. Any error arrives as a rejection whose message says what to fix.
 */
export async function openStore(databaseUrl: string, options: PostgresStoreOptions = {}): Promise<ResponseStore> {
  if (isPostgresUrl(databaseUrl)) return PostgresStore.open(databaseUrl.trim(), options);
  return Promise.resolve().then(() => new SqliteStore(sqlitePathOrThrow(databaseUrl)));
}

function sqlitePathOrThrow(databaseUrl: string): string {
  const path = sqlitePathFrom(databaseUrl);
  if (path === undefined) {
    throw new Error(
      `Unsupported database URL scheme in "${databaseUrl.split(':')[0]}:…". ` +
        'Use a file path (or a sqlite: or file: URL) for SQLite, or postgres://user:password@host/database.',
    );
  }
  if (path === '' || path === ':memory:') {
    throw new Error('The database must be a file path: an in-memory database would lose every answer on restart.');
  }
  return path;
}

/** Opens a store where another one already lives, e.g. from a worker thread beside the server. */
export async function openStoreAt(location: StoreLocation, options: PostgresStoreOptions = {}): Promise<ResponseStore> {
  if (location.kind === 'postgres') return PostgresStore.open(location.url, options);
  return Promise.resolve().then(() => new SqliteStore(location.path));
}
