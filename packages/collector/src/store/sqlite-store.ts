import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { FruitTreeAnswer, PriorityRankingAnswer } from '@participate/schema';
import { MIGRATIONS, tooNewError, type Migration } from './migrations.js';
import { contactFrom, RESPONSE_COLUMNS, rowFrom, storedFrom, type ResponseRow } from './rows.js';
import {
  StoreUnavailableError,
  type AcceptedResponse,
  type ContactFilter,
  type DiscardedCount,
  type DiscardReason,
  type ExportFilter,
  type FruitTreeAnswerRow,
  type InsertResult,
  type PurgeCutoffs,
  type PurgeResult,
  type ResponseStore,
  type StoredContact,
  type StoredResponse,
  type TallyRow,
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

/** The latest response of each `amends` chain, with the UTC hour its chain began. */
const LATEST_OF_EACH_CHAIN = `
  WITH ranked AS (
    SELECT topic, widget, variant, answer,
           MIN(received_at) OVER (PARTITION BY topic, COALESCE(amends, id)) AS started,
           ROW_NUMBER() OVER (PARTITION BY topic, COALESCE(amends, id) ORDER BY received_at DESC, rowid DESC) AS position
    FROM responses
    WHERE (@topic IS NULL OR topic = @topic) AND widget = 'feedback-prompt'
  ),
  latest AS (
    SELECT topic, widget, variant, answer, substr(started, 1, 13) AS hour FROM ranked WHERE position = 1
  )`;

const FEEDBACK_TALLY = `${LATEST_OF_EACH_CHAIN}
  SELECT topic, widget, variant, hour, 'useful:' || json_extract(answer, '$.useful') AS key, COUNT(*) AS count
    FROM latest WHERE variant = 'page-useful' GROUP BY topic, widget, variant, hour, key
  UNION ALL
  SELECT topic, widget, variant, hour, 'rating:' || json_extract(answer, '$.rating') AS key, COUNT(*) AS count
    FROM latest WHERE variant = 'fft' GROUP BY topic, widget, variant, hour, key
  UNION ALL
  SELECT latest.topic, latest.widget, latest.variant, latest.hour, 'reason:' || reason.value AS key, COUNT(*) AS count
    FROM latest, json_each(latest.answer, '$.reasons') AS reason
    WHERE latest.variant = 'page-useful' GROUP BY latest.topic, latest.widget, latest.variant, latest.hour, key
  ORDER BY topic, hour, key`;

/** The latest priority-ranking answer of each `amends` chain in a topic, in the order those answers arrived. */
const RANKING_ANSWERS = `
  WITH ranked AS (
    SELECT answer, received_at, rowid AS arrival,
           ROW_NUMBER() OVER (PARTITION BY COALESCE(amends, id) ORDER BY received_at DESC, rowid DESC) AS position
    FROM responses
    WHERE topic = @topic AND widget = 'priority-ranking'
  )
  SELECT answer FROM ranked WHERE position = 1 ORDER BY received_at, arrival`;

/**
 * The latest fruit-tree answer of each `amends` chain in a topic, in the order those answers
 * arrived, and whether any response of the chain came with contact details.
 */
/** How many responses a topic has and when the latest arrived: read from the topic's index alone. */
const TOPIC_REVISION = 'SELECT COUNT(*) AS n, MAX(received_at) AS last FROM responses WHERE topic = @topic';

const FRUIT_TREE_ANSWERS = `
  WITH ranked AS (
    SELECT answer, received_at, rowid AS arrival,
           MAX(json_extract(answer, '$.contactGiven')) OVER (PARTITION BY COALESCE(amends, id)) AS contact_given,
           ROW_NUMBER() OVER (PARTITION BY COALESCE(amends, id) ORDER BY received_at DESC, rowid DESC) AS position
    FROM responses
    WHERE topic = @topic AND widget = 'fruit-tree'
  )
  SELECT answer, contact_given FROM ranked WHERE position = 1 ORDER BY received_at, arrival`;

/**
 * Contact details, each with the latest fruit-tree answer of its chain (null for other
 * widgets), so that they can be filtered by a fruit or branch that person chose.
 */
const CONTACTS = `
  WITH ranked AS (
    SELECT topic, COALESCE(amends, id) AS chain, answer,
           ROW_NUMBER() OVER (PARTITION BY topic, COALESCE(amends, id) ORDER BY received_at DESC, rowid DESC) AS position
    FROM responses
    WHERE widget = 'fruit-tree' AND (@topic IS NULL OR topic = @topic)
  ),
  latest AS (SELECT topic, chain, answer FROM ranked WHERE position = 1)
  SELECT c.response_id, r.topic, r.widget, c.received_at, c.name, c.email, c.phone, latest.answer AS fruit_answer
  FROM contacts c
  JOIN responses r ON r.id = c.response_id
  LEFT JOIN latest ON latest.topic = r.topic AND latest.chain = COALESCE(r.amends, r.id)
  WHERE (@topic IS NULL OR r.topic = @topic)
    AND (@fruit IS NULL OR EXISTS (
      SELECT 1 FROM json_each(latest.answer, '$.chosen') AS choice WHERE json_extract(choice.value, '$.fruit') = @fruit))
    AND (@branch IS NULL OR EXISTS (
      SELECT 1 FROM json_each(latest.answer, '$.chosen') AS choice WHERE json_extract(choice.value, '$.branch') = @branch))
  ORDER BY c.received_at, c.rowid`;

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

    const insert = db.prepare(`
      INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')})
      VALUES (${RESPONSE_COLUMNS.map((column) => `@${column}`).join(', ')})
      ON CONFLICT (id) DO NOTHING`);
    const insertContact = db.prepare(`
      INSERT INTO contacts (response_id, received_at, name, email, phone)
      VALUES (@response_id, @received_at, @name, @email, @phone)`);
    const existing = db.prepare('SELECT body_hash, received_at FROM responses WHERE id = ?');
    // One transaction, so the insert and the comparison see the same row.
    this.#insert = db.transaction((row: ResponseRow, contact: AcceptedResponse['contact']): InsertResult => {
      if (insert.run(row).changes === 1) {
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
    const params = { topic: filter.topic ?? null, fruit: filter.fruit ?? null, branch: filter.branch ?? null };
    return this.#stream(CONTACTS, params, contactFrom);
  }

  /**
   * Reads through its own read-only connection: a better-sqlite3 connection cannot run
   * other statements while an iterator is open, and answers keep arriving during a long
   * export. The export sees one consistent snapshot.
   */
  // The caller names the shape of the rows its SQL selects.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  async *#stream<Row, Item>(sql: string, params: Record<string, string | null>, map: (row: Row) => Item) {
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
    return attempt(() => this.#db.prepare('DELETE FROM responses WHERE id = @id OR amends = @id').run({ id }).changes);
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

  feedbackTally(topic?: string): Promise<TallyRow[]> {
    return attempt(() => this.#db.prepare(FEEDBACK_TALLY).all({ topic: topic ?? null }) as TallyRow[]);
  }

  rankingAnswers(topic: string): Promise<PriorityRankingAnswer[]> {
    return attempt(() =>
      (this.#db.prepare(RANKING_ANSWERS).all({ topic }) as { answer: string }[]).map(
        (row) => JSON.parse(row.answer) as PriorityRankingAnswer,
      ),
    );
  }

  fruitTreeAnswers(topic: string): Promise<FruitTreeAnswerRow[]> {
    return attempt(() =>
      (this.#db.prepare(FRUIT_TREE_ANSWERS).all({ topic }) as { answer: string; contact_given: number }[]).map(
        (row) => ({ answer: JSON.parse(row.answer) as FruitTreeAnswer, contactGiven: row.contact_given === 1 }),
      ),
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
