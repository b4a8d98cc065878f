import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { canonicalId } from './canonical.js';
import { MIGRATIONS, tooNewError, type Migration } from './migrations.js';
import { contactFrom, latestFrom, RESPONSE_COLUMNS, rowFrom, storedFrom, type ResponseRow } from './rows.js';
import {
  StoreUnavailableError,
  type AcceptedResponse,
  type ContactFilter,
  type DiscardedCount,
  type DiscardReason,
  type ExportFilter,
  type InsertResult,
  type LatestAnswer,
  type LatestAnswersFilter,
  type PurgeCutoffs,
  type PurgeResult,
  type ResponseStore,
  type StoredContact,
  type StoreLocation,
  type StoredResponse,
} from './store.js';

/** Long enough to ride out a checkpoint or another process's write, short enough to answer. */
const BUSY_TIMEOUT_MS = 5000;

/** Rows an export reads before letting other requests run. */
const ROWS_PER_TURN = 500;

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

/** Applies every migration newer than the database, each in its own transaction. */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw tooNewError(current);
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sqlite);
      record.run(migration.version, new Date().toISOString());
    })();
  }
  return latest;
}

/**
 * Whether a later response amends this one. The latest answer of a chain is the one nothing
 * amends, whatever order an outbox delivered them in; among several such (two changes to one
 * answer), the last to arrive.
 */
const AMENDED = 'EXISTS (SELECT 1 FROM responses AS later WHERE later.amends = responses.id)';

/**
 * Conditions on `responses`, each one an indexed column compared with a parameter: never
 * `(@x IS NULL OR x = @x)`, which no index can answer.
 */
function whereOf(filters: Record<string, string | undefined>): { where: string; params: Record<string, string> } {
  const present = Object.entries(filters).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return {
    where: present.map(([column]) => `AND ${column} = @${column}`).join(' '),
    params: Object.fromEntries(present),
  };
}

/** The latest response of each `amends` chain, with when the chain began and whether contact was given. */
function latestAnswersSql(where: string): string {
  return `
    WITH ranked AS (
      SELECT topic, widget, variant, stage, answer, received_at, rowid AS arrival,
             MIN(received_at) OVER chains AS started,
             MAX(COALESCE(json_extract(answer, '$.contactGiven'), 0)) OVER chains AS contact_given,
             ROW_NUMBER() OVER (PARTITION BY topic, chain ORDER BY ${AMENDED}, received_at DESC, rowid DESC) AS position
      FROM responses
      WHERE 1 = 1 ${where}
      WINDOW chains AS (PARTITION BY topic, chain)
    )
    SELECT topic, widget, variant, stage, answer, started, contact_given
    FROM ranked WHERE position = 1 ORDER BY received_at, arrival`;
}

/** How many responses a topic has and when the latest arrived: read from the topic's index alone. */
const TOPIC_REVISION = 'SELECT COUNT(*) AS n, MAX(received_at) AS last FROM responses WHERE topic = @topic';

/**
 * Contact details, each with the latest fruit-tree answer of its chain (null for other
 * widgets), so that they can be filtered by a fruit or branch that person chose.
 */
function contactsSql(topic: boolean, fruit: boolean, branch: boolean): string {
  const chosen = (field: string, parameter: string) => `AND EXISTS (
      SELECT 1 FROM json_each(latest.answer, '$.chosen') AS choice WHERE json_extract(choice.value, '$.${field}') = @${parameter})`;
  return `
    WITH ranked AS (
      SELECT topic, chain, answer,
             ROW_NUMBER() OVER (PARTITION BY topic, chain ORDER BY ${AMENDED}, received_at DESC, rowid DESC) AS position
      FROM responses
      WHERE widget = 'fruit-tree' ${topic ? 'AND topic = @topic' : ''}
    ),
    latest AS (SELECT topic, chain, answer FROM ranked WHERE position = 1)
    SELECT c.response_id, r.topic, r.widget, c.received_at, c.name, c.email, c.phone, latest.answer AS fruit_answer
    FROM contacts c
    JOIN responses r ON r.id = c.response_id
    LEFT JOIN latest ON latest.topic = r.topic AND latest.chain = r.chain
    WHERE 1 = 1 ${topic ? 'AND r.topic = @topic' : ''}
      ${fruit ? chosen('fruit', 'fruit') : ''}
      ${branch ? chosen('branch', 'branch') : ''}
    ORDER BY c.received_at, c.rowid`;
}

function exportQuery(filter: ExportFilter): { where: string; params: Record<string, string> } {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  const add = (condition: string, name: string, value: string | undefined) => {
    if (value === undefined) return;
    conditions.push(condition);
    params[name] = value;
  };
  add('topic = @topic', 'topic', filter.topic);
  add('widget = @widget', 'widget', filter.widget);
  add('stage = @stage', 'stage', filter.stage);
  add('received_at >= @from', 'from', filter.receivedFrom);
  add('received_at < @before', 'before', filter.receivedBefore);
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * Responses in one SQLite file. WAL lets exports read while answers are written;
 * `synchronous = FULL` makes every commit reach the disk before it is acknowledged,
 * so an answer acknowledged before a power cut or `kill -9` is there afterwards.
 */
export class SqliteStore implements ResponseStore {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #insert: (row: ResponseRow, contact: AcceptedResponse['contact']) => InsertResult;
  readonly #openReaders = new Set<Database.Database>();

  get description(): string {
    return `SQLite file ${this.path}`;
  }

  get location(): StoreLocation {
    return { kind: 'sqlite', path: this.path };
  }

  constructor(path: string) {
    this.path = resolve(path);
    mkdirSync(dirname(this.path), { recursive: true });
    const db = new Database(this.path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      migrateSqlite(db);
    } catch (error) {
      db.close();
      throw error;
    }
    this.#db = db;

    // The chain is the one of the response amended, when that has arrived.
    const insert = db.prepare(`
      INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')})
      VALUES (${RESPONSE_COLUMNS.map((column) =>
        column === 'chain' ? 'COALESCE((SELECT chain FROM responses WHERE id = @amends), @chain)' : `@${column}`,
      ).join(', ')})
      ON CONFLICT (id) DO NOTHING
      RETURNING chain`);
    // Amendments that arrived before this response, naming it, join the chain it belongs to.
    const adopt = db.prepare('UPDATE responses SET chain = @chain WHERE chain = @id AND @chain <> @id');
    const insertContact = db.prepare(`
      INSERT INTO contacts (response_id, received_at, name, email, phone)
      VALUES (@response_id, @received_at, @name, @email, @phone)`);
    const existing = db.prepare('SELECT body_hash, received_at FROM responses WHERE id = ?');
    // One transaction, so the insert and the comparison see the same row.
    this.#insert = db.transaction((row: ResponseRow, contact: AcceptedResponse['contact']): InsertResult => {
      const inserted = insert.get(row) as { chain: string } | undefined;
      if (inserted) {
        adopt.run({ id: row.id, chain: inserted.chain });
        if (contact) {
          insertContact.run({
            response_id: row.id,
            received_at: row.received_at,
            name: contact.name,
            email: contact.email ?? null,
            phone: contact.phone ?? null,
          });
        }
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

  insert(response: AcceptedResponse, receivedAt: string): Promise<InsertResult> {
    const row = rowFrom(response, receivedAt);
    return attempt(() => this.#insert(row, response.contact));
  }

  export(filter: ExportFilter = {}): AsyncGenerator<StoredResponse> {
    const { where, params } = exportQuery(filter);
    return this.#stream(`SELECT * FROM responses ${where} ORDER BY received_at, rowid`, params, storedFrom);
  }

  exportContacts(filter: ContactFilter = {}): AsyncGenerator<StoredContact> {
    const params = Object.fromEntries(
      Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    const sql = contactsSql('topic' in params, 'fruit' in params, 'branch' in params);
    return this.#stream(sql, params, contactFrom);
  }

  latestAnswers({ topic, widget }: LatestAnswersFilter): AsyncGenerator<LatestAnswer> {
    const { where, params } = whereOf({ topic, widget });
    return this.#stream(latestAnswersSql(where), params, latestFrom);
  }

  /**
   * Reads through its own read-only connection: a better-sqlite3 connection cannot run
   * other statements while an iterator is open, and answers keep arriving during a long
   * export. The export sees one consistent snapshot.
   */
  // The caller names the shape of the rows its SQL selects.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  async *#stream<Row, Item>(sql: string, params: Record<string, string>, map: (row: Row) => Item) {
    let reader: Database.Database;
    try {
      if (!this.#db.open) throw new Error('The database connection is closed');
      reader = new Database(this.path, { readonly: true, fileMustExist: true });
      reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    } catch (error) {
      throw unavailable(error);
    }
    this.#openReaders.add(reader);
    try {
      const rows = reader.prepare(sql).iterate(params) as IterableIterator<Row>;
      let read = 0;
      for (const row of rows) {
        yield map(row);
        // Each step is synchronous; pausing now and then keeps a long export from holding up submissions.
        if (++read % ROWS_PER_TURN === 0) await yieldToEventLoop();
      }
    } finally {
      this.#openReaders.delete(reader);
      if (reader.open) reader.close();
    }
  }

  deleteResponse(id: string): Promise<number> {
    return attempt(
      () =>
        this.#db
          .prepare('DELETE FROM responses WHERE chain = COALESCE((SELECT chain FROM responses WHERE id = @id), @id)')
          .run({ id: canonicalId(id) }).changes,
    );
  }

  purge({ responsesBefore, contactsBefore }: PurgeCutoffs): Promise<PurgeResult> {
    return attempt(
      this.#db.transaction((): PurgeResult => {
        const countContacts = this.#db.prepare('SELECT COUNT(*) AS n FROM contacts');
        const contactsAtStart = (countContacts.get() as { n: number }).n;
        let responses = 0;
        if (responsesBefore !== undefined) {
          responses = this.#db.prepare('DELETE FROM responses WHERE received_at < ?').run(responsesBefore).changes;
        }
        if (contactsBefore !== undefined) {
          this.#db.prepare('DELETE FROM contacts WHERE received_at < ?').run(contactsBefore);
        }
        // Contacts go with their responses too (ON DELETE CASCADE), so count what is gone.
        return { responses, contacts: contactsAtStart - (countContacts.get() as { n: number }).n };
      }),
    );
  }

  countDiscarded(reason: DiscardReason, day: string): Promise<void> {
    return attempt(() => {
      this.#db
        .prepare(
          `INSERT INTO discarded (day, reason, count) VALUES (?, ?, 1)
           ON CONFLICT (day, reason) DO UPDATE SET count = count + 1`,
        )
        .run(day, reason);
    });
  }

  discardedCounts(): Promise<DiscardedCount[]> {
    return attempt(
      () => this.#db.prepare('SELECT day, reason, count FROM discarded ORDER BY day, reason').all() as DiscardedCount[],
    );
  }

  topicRevision(topic: string): Promise<string> {
    return attempt(() => {
      const { n, last } = this.#db.prepare(TOPIC_REVISION).get({ topic }) as { n: number; last: string | null };
      return `${String(n)}|${last ?? ''}`;
    });
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
