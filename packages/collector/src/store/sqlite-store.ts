import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { FeedbackPromptAnswer, ResponsePayload, Stage } from '@participate/schema';
import { bodyHash } from './canonical.js';
import { MIGRATIONS, type Migration } from './migrations.js';
import {
  StoreUnavailableError,
  type ExportFilter,
  type InsertResult,
  type ResponseStore,
  type StoredResponse,
} from './store.js';

interface ResponseRow {
  id: string;
  schema_version: number;
  widget: string;
  variant: string;
  topic: string;
  stage: string | null;
  locale: string;
  page: string;
  submitted_at: string;
  received_at: string;
  amends: string | null;
  answer: string;
  body_hash: string;
}

/** Long enough to ride out a checkpoint or another process's write, short enough to answer. */
const BUSY_TIMEOUT_MS = 5000;

function unavailable(error: unknown): StoreUnavailableError {
  const reason = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`SQLite store unavailable: ${reason}`, { cause: error });
}

/** Runs synchronous SQLite work behind the store's promise-based contract. */
function attempt<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      resolve(work());
    } catch (error) {
      reject(unavailable(error));
    }
  });
}

/** Rows an export reads before letting other requests run. */
const ROWS_PER_TURN = 500;

function toStored(row: ResponseRow): StoredResponse {
  return {
    id: row.id,
    schemaVersion: row.schema_version,
    widget: row.widget as StoredResponse['widget'],
    variant: row.variant as StoredResponse['variant'],
    topic: row.topic,
    stage: row.stage as Stage | null,
    locale: row.locale,
    page: row.page,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    amends: row.amends,
    answer: JSON.parse(row.answer) as FeedbackPromptAnswer,
  };
}

/** Applies every migration newer than the database, each in its own transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `The database is at schema version ${current}, but this collector only knows up to ${latest}. ` +
        'It was written by a newer collector: upgrade this one instead of downgrading the data.',
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, new Date().toISOString());
    })();
  }
  return latest;
}

/**
 * Responses in one SQLite file. WAL lets exports read while answers are written;
 * `synchronous = FULL` makes every commit reach the disk before it is acknowledged,
 * so an answer acknowledged before a power cut or `kill -9` is there afterwards.
 */
export class SqliteStore implements ResponseStore {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #insert: (row: ResponseRow) => InsertResult;
  readonly #openReaders = new Set<Database.Database>();

  constructor(path: string) {
    this.path = resolve(path);
    mkdirSync(dirname(this.path), { recursive: true });
    const db = new Database(this.path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      migrate(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.#db = db;

    const insert = db.prepare(`
      INSERT INTO responses (id, schema_version, widget, variant, topic, stage, locale, page,
                             submitted_at, received_at, amends, answer, body_hash)
      VALUES (@id, @schema_version, @widget, @variant, @topic, @stage, @locale, @page,
              @submitted_at, @received_at, @amends, @answer, @body_hash)
      ON CONFLICT (id) DO NOTHING`);
    const existing = db.prepare('SELECT body_hash, received_at FROM responses WHERE id = ?');
    // One transaction, so the insert and the comparison see the same row.
    this.#insert = db.transaction((row: ResponseRow): InsertResult => {
      if (insert.run(row).changes === 1) {
        return { outcome: 'created', id: row.id, receivedAt: row.received_at };
      }
      const first = existing.get(row.id) as Pick<ResponseRow, 'body_hash' | 'received_at'> | undefined;
      if (!first) throw new Error(`Response ${row.id} neither inserted nor found`);
      return {
        outcome: first.body_hash === row.body_hash ? 'duplicate' : 'conflict',
        id: row.id,
        receivedAt: first.received_at,
      };
    });
  }

  insert(payload: ResponsePayload, receivedAt: string): Promise<InsertResult> {
    const row: ResponseRow = {
      id: payload.id,
      schema_version: payload.schemaVersion,
      widget: payload.widget,
      variant: payload.answer.variant,
      topic: payload.topic,
      stage: payload.stage ?? null,
      locale: payload.locale,
      page: payload.page,
      submitted_at: payload.submittedAt,
      received_at: receivedAt,
      amends: payload.amends ?? null,
      answer: JSON.stringify(payload.answer),
      body_hash: bodyHash(payload),
    };
    return attempt(() => this.#insert(row));
  }

  /**
   * Reads through its own read-only connection: a better-sqlite3 connection cannot run
   * other statements while an iterator is open, and answers keep arriving during a long
   * export. The export sees one consistent snapshot.
   */
  async *export(filter: ExportFilter = {}): AsyncGenerator<StoredResponse> {
    const conditions: string[] = [];
    const params: Record<string, string> = {};
    if (filter.topic !== undefined) {
      conditions.push('topic = @topic');
      params.topic = filter.topic;
    }
    if (filter.receivedSince !== undefined) {
      conditions.push('received_at >= @since');
      params.since = filter.receivedSince;
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

    let reader: Database.Database;
    try {
      reader = new Database(this.path, { readonly: true, fileMustExist: true });
      reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    } catch (error) {
      throw unavailable(error);
    }
    this.#openReaders.add(reader);
    try {
      const rows = reader
        .prepare(`SELECT * FROM responses ${where} ORDER BY received_at, rowid`)
        .iterate(params) as IterableIterator<ResponseRow>;
      let read = 0;
      for (const row of rows) {
        yield toStored(row);
        // Each step is synchronous; pausing now and then keeps a long export from holding up submissions.
        if (++read % ROWS_PER_TURN === 0) await yieldToEventLoop();
      }
    } finally {
      this.#openReaders.delete(reader);
      if (reader.open) reader.close();
    }
  }

  count(): Promise<number> {
    return attempt(() => (this.#db.prepare('SELECT COUNT(*) AS n FROM responses').get() as { n: number }).n);
  }

  ping(): Promise<void> {
    return attempt(() => {
      this.#db.prepare('SELECT 1').get();
    });
  }

  close(): Promise<void> {
    return attempt(() => {
      for (const reader of this.#openReaders) if (reader.open) reader.close();
      this.#openReaders.clear();
      if (this.#db.open) this.#db.close();
    });
  }
}
