import pg from 'pg';
import { canonicalId } from './canonical.js';
import { MIGRATIONS, tooNewError } from './migrations.js';
import { PostgresRateLimits } from './postgres-rate-limits.js';
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

/** Rows fetched from an export's cursor at a time. */
const ROWS_PER_FETCH = 500;

/** Any number will do, as long as every collector uses the same one. */
const MIGRATION_LOCK = 7_240_311;

export interface PostgresStoreOptions {
  /** Connections this instance may hold (default 10). */
  poolSize?: number;
  /** Apply pending migrations first (default true); a reader beside a running collector need not. */
  migrate?: boolean;
  /** Milliseconds since the epoch, for rate-limit windows (default Date.now); tests move it on. */
  rateLimitClock?: () => number;
}

/**
 * The server's message, which is logged, without the values it quotes: PostgreSQL names the
 * input it could not take (`invalid input syntax for type …: "…"`), and that input came from
 * a request.
 */
function unavailable(error: unknown): StoreUnavailableError {
  if (error instanceof StoreUnavailableError) return error;
  const reason = (error instanceof Error ? error.message : String(error)).replace(/"[^"]*"/g, '"…"');
  return new StoreUnavailableError(`PostgreSQL store unavailable: ${reason}`, { cause: error });
}

async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}

/** Timestamps leave in the same ISO 8601 form SQLite keeps them in. */
const RECEIVED_AT = `to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT_RESPONSE = `
  SELECT id, schema_version, widget, variant, topic, stage, locale, page, submitted_at,
         ${RECEIVED_AT} AS received_at, amends, answer::text AS answer
  FROM responses`;

const AMENDS = `$${RESPONSE_COLUMNS.indexOf('amends') + 1}`;

/**
 * The response, in the chain of the response it amends when that has arrived; amendments that
 * arrived before it, naming it, join its chain.
 */
const INSERT_RESPONSE = `
  INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')})
  VALUES (${RESPONSE_COLUMNS.map((column, index) =>
    column === 'chain'
      ? `COALESCE((SELECT chain FROM responses WHERE id = ${AMENDS}), $${index + 1})`
      : `$${index + 1}`,
  ).join(', ')})
  ON CONFLICT (id) DO NOTHING
  RETURNING id, chain`;

const ADOPT = `
  UPDATE responses SET chain = inserted.chain FROM inserted
  WHERE responses.chain = inserted.id AND inserted.chain <> inserted.id`;

const INSERT_RESPONSE_ONLY = `
  WITH inserted AS (${INSERT_RESPONSE}), adopted AS (${ADOPT})
  SELECT id FROM inserted`;

/** The response and its contact details in one statement, so both commit or neither. */
const INSERT_RESPONSE_WITH_CONTACT = `
  WITH inserted AS (${INSERT_RESPONSE}), adopted AS (${ADOPT})
  INSERT INTO contacts (response_id, received_at, name, email, phone)
  SELECT id, $${RESPONSE_COLUMNS.length + 1}, $${RESPONSE_COLUMNS.length + 2}, $${RESPONSE_COLUMNS.length + 3},
         $${RESPONSE_COLUMNS.length + 4}
  FROM inserted
  RETURNING response_id AS id`;

/**
 * Whether a later response amends this one. The latest answer of a chain is the one nothing
 * amends, whatever order an outbox delivered them in; among several such (two changes to one
 * answer), the last to arrive.
 */
const AMENDED = 'EXISTS (SELECT 1 FROM responses AS later WHERE later.amends = responses.id)';

/**
 * Conditions on `responses`, each one an indexed column compared with a parameter: never
 * `($1 IS NULL OR x = $1)`, which no index can answer.
 */
function whereOf(filters: Record<string, string | undefined>): { where: string; params: string[] } {
  const params: string[] = [];
  const conditions: string[] = [];
  for (const [column, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    params.push(value);
    conditions.push(`AND ${column} = $${params.length}`);
  }
  return { where: conditions.join(' '), params };
}

/** The latest response of each `amends` chain, with when the chain began and whether contact was given. */
function latestAnswersSql(where: string): string {
  return `
    WITH ranked AS (
      SELECT topic, widget, variant, stage, answer, received_at, seq,
             MIN(received_at) OVER chains AS started,
             bool_or(COALESCE((answer ->> 'contactGiven')::boolean, false)) OVER chains AS contact_given,
             ROW_NUMBER() OVER (PARTITION BY topic, chain ORDER BY ${AMENDED}, received_at DESC, seq DESC) AS position
      FROM responses
      WHERE true ${where}
      WINDOW chains AS (PARTITION BY topic, chain)
    )
    SELECT topic, widget, variant, stage, answer::text AS answer, contact_given,
           to_char(started AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS started
    FROM ranked WHERE position = 1 ORDER BY received_at, seq`;
}

/** How many responses a topic has and when the latest arrived: read from the topic's index alone. */
const TOPIC_REVISION = `SELECT COUNT(*)::text AS n, MAX(received_at)::text AS last FROM responses WHERE topic = $1`;

/**
 * Contact details, each with the latest fruit-tree answer of its chain (null for other
 * widgets), so that they can be filtered by a fruit or branch that person chose.
 */
function contactsSql(filter: ContactFilter): { sql: string; params: string[] } {
  const params: string[] = [];
  const parameter = (value: string) => `$${params.push(value)}`;
  const topic = filter.topic === undefined ? undefined : parameter(filter.topic);
  const chosen = (field: string, value: string | undefined) =>
    value === undefined
      ? ''
      : `AND EXISTS (SELECT 1 FROM json_array_elements(latest.answer -> 'chosen') AS choice
                     WHERE choice ->> '${field}' = ${parameter(value)})`;
  const sql = `
    WITH ranked AS (
      SELECT topic, chain, answer,
             ROW_NUMBER() OVER (PARTITION BY topic, chain ORDER BY ${AMENDED}, received_at DESC, seq DESC) AS position
      FROM responses
      WHERE widget = 'fruit-tree' ${topic ? `AND topic = ${topic}` : ''}
    ),
    latest AS (SELECT topic, chain, answer FROM ranked WHERE position = 1)
    SELECT c.response_id, r.topic, r.widget,
           to_char(c.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at,
           c.name, c.email, c.phone, latest.answer::text AS fruit_answer
    FROM contacts c
    JOIN responses r ON r.id = c.response_id
    LEFT JOIN latest ON latest.topic = r.topic AND latest.chain = r.chain
    WHERE true ${topic ? `AND r.topic = ${topic}` : ''}
      ${chosen('fruit', filter.fruit)}
      ${chosen('branch', filter.branch)}
    ORDER BY c.received_at, r.seq`;
  return { sql, params };
}

function exportQuery(filter: ExportFilter): { where: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (condition: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    conditions.push(condition.replace('?', `$${params.length}`));
  };
  add('topic = ?', filter.topic);
  add('widget = ?', filter.widget);
  add('stage = ?', filter.stage);
  add('received_at >= ?', filter.receivedFrom);
  add('received_at < ?', filter.receivedBefore);
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** Applies every migration newer than the database, holding a lock so that instances starting together take turns. */
async function migratePostgres(client: pg.ClientBase): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL
    )`);
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (current > latest) throw tooNewError(current);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())', [
          migration.version,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return latest;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** `user@host:port/database`, never the password. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    return `PostgreSQL ${user}${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Responses in PostgreSQL, shared by any number of collector instances. Every insert is
 * a single autocommitted statement: acknowledged means committed (and, with the default
 * `synchronous_commit = on`, flushed to the write-ahead log).
 */
export class PostgresStore implements ResponseStore {
  readonly description: string;
  readonly location: StoreLocation;
  /** Rate limits counted here are shared by every instance on the database. */
  readonly rateLimits: PostgresRateLimits;
  readonly #pool: pg.Pool;

  private constructor(pool: pg.Pool, url: string, rateLimitClock?: () => number) {
    this.#pool = pool;
    this.rateLimits = new PostgresRateLimits(url, rateLimitClock);
    this.description = describeUrl(url);
    this.location = { kind: 'postgres', url };
  }

  /** Connects, applies pending migrations and returns the store; rejects with a clear message otherwise. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      application_name: 'participate-collector',
    });
    // A connection dropped while idle is replaced on next use; without a listener it would crash the process.
    pool.on('error', () => undefined);
    const description = describeUrl(url);
    try {
      const client = await pool.connect();
      try {
        if (options.migrate !== false) await migratePostgres(client);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not open ${description}: ${reason}`, { cause: error });
    }
    return new PostgresStore(pool, url, options.rateLimitClock);
  }

  insert(response: AcceptedResponse, receivedAt: string): Promise<InsertResult> {
    const row = rowFrom(response, receivedAt);
    const values: unknown[] = RESPONSE_COLUMNS.map((column) => row[column]);
    const { contact } = response;
    return attempt(async () => {
      // Named, so each connection plans them once: planning either costs PostgreSQL about as
      // much CPU again as running it, and an insert is on every post's path.
      const inserted = contact
        ? await this.#pool.query({
            name: 'participate-insert-with-contact',
            text: INSERT_RESPONSE_WITH_CONTACT,
            values: [...values, receivedAt, contact.name, contact.email ?? null, contact.phone ?? null],
          })
        : await this.#pool.query({ name: 'participate-insert', text: INSERT_RESPONSE_ONLY, values });
      if (inserted.rowCount === 1) return { outcome: 'created', id: row.id, receivedAt };
      // A concurrent insert of the same id waited for ours (or we for it); it is committed now.
      const { rows } = await this.#pool.query<Pick<ResponseRow, 'body_hash' | 'received_at'>>(
        `SELECT body_hash, ${RECEIVED_AT} AS received_at FROM responses WHERE id = $1`,
        [row.id],
      );
      const first = rows[0];
      if (!first) throw new Error(`Response ${row.id} neither inserted nor found`);
      return {
        outcome: first.body_hash === row.body_hash ? 'duplicate' : 'conflict',
        id: row.id,
        receivedAt: first.received_at,
      };
    });
  }

  export(filter: ExportFilter = {}): AsyncGenerator<StoredResponse> {
    const { where, params } = exportQuery(filter);
    return this.#stream(`${SELECT_RESPONSE} ${where} ORDER BY received_at, seq`, params, storedFrom);
  }

  exportContacts(filter: ContactFilter = {}): AsyncGenerator<StoredContact> {
    const { sql, params } = contactsSql(filter);
    return this.#stream(sql, params, contactFrom);
  }

  latestAnswers({ topic, widget }: LatestAnswersFilter): AsyncGenerator<LatestAnswer> {
    const { where, params } = whereOf({ topic, widget });
    return this.#stream(latestAnswersSql(where), params, latestFrom);
  }

  /**
   * Reads through a server-side cursor in a read-only snapshot, a page at a time, so a
   * million-row export holds one page in memory and sees one consistent state.
   */
  // The caller names the shape of the rows its SQL selects.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  async *#stream<Row extends pg.QueryResultRow, Item>(sql: string, params: unknown[], map: (row: Row) => Item) {
    const client = await attempt(() => this.#pool.connect());
    let failed = false;
    try {
      await attempt(async () => {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, params);
      });
      for (;;) {
        const { rows } = await attempt(() => client.query<Row>(`FETCH ${ROWS_PER_FETCH} FROM export_cursor`));
        for (const row of rows) yield map(row);
        if (rows.length < ROWS_PER_FETCH) break;
      }
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // Ending the transaction closes the cursor, also when the reader stopped early.
      try {
        await client.query('ROLLBACK');
      } catch {
        failed = true;
      }
      client.release(failed);
    }
  }

  deleteResponse(id: string): Promise<number> {
    return attempt(async () => {
      const result = await this.#pool.query(
        'DELETE FROM responses WHERE chain = COALESCE((SELECT chain FROM responses WHERE id = $1), $1)',
        [canonicalId(id)],
      );
      return result.rowCount ?? 0;
    });
  }

  purge({ responsesBefore, contactsBefore }: PurgeCutoffs): Promise<PurgeResult> {
    return attempt(async () => {
      const client = await this.#pool.connect();
      try {
        await client.query('BEGIN');
        const count = async () =>
          Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM contacts')).rows[0]?.n ?? 0);
        const contactsAtStart = await count();
        let responses = 0;
        if (responsesBefore !== undefined) {
          responses =
            (await client.query('DELETE FROM responses WHERE received_at < $1', [responsesBefore])).rowCount ?? 0;
        }
        if (contactsBefore !== undefined) {
          await client.query('DELETE FROM contacts WHERE received_at < $1', [contactsBefore]);
        }
        const contacts = contactsAtStart - (await count());
        await client.query('COMMIT');
        return { responses, contacts };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  }

  countDiscarded(reason: DiscardReason, day: string): Promise<void> {
    return attempt(async () => {
      await this.#pool.query(
        `INSERT INTO discarded (day, reason, count) VALUES ($1, $2, 1)
         ON CONFLICT (day, reason) DO UPDATE SET count = discarded.count + 1`,
        [day, reason],
      );
    });
  }

  discardedCounts(): Promise<DiscardedCount[]> {
    return attempt(async () => {
      const { rows } = await this.#pool.query<{ day: string; reason: DiscardReason; count: string }>(
        `SELECT to_char(day, 'YYYY-MM-DD') AS day, reason, count::text AS count FROM discarded ORDER BY day, reason`,
      );
      return rows.map((row) => ({ day: row.day, reason: row.reason, count: Number(row.count) }));
    });
  }

  topicRevision(topic: string): Promise<string> {
    return attempt(async () => {
      const { rows } = await this.#pool.query<{ n: string; last: string | null }>(TOPIC_REVISION, [topic]);
      return `${rows[0]?.n ?? '0'}|${rows[0]?.last ?? ''}`;
    });
  }

  count(): Promise<number> {
    return attempt(async () => {
      const { rows } = await this.#pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM responses');
      return Number(rows[0]?.n ?? 0);
    });
  }

  ping(): Promise<void> {
    return attempt(async () => {
      await this.#pool.query('SELECT 1');
    });
  }

  close(): Promise<void> {
    return attempt(async () => {
      await Promise.all([this.#pool.end(), this.rateLimits.close()]);
    });
  }
}
