/**
 * Forward-only schema changes, applied in order and recorded in `schema_migrations`.
 * Each is written for both databases; the version numbers are shared. Never edit a
 * released entry: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  sqlite: string;
  postgres: string;
}

/**
 * Every response with the first response of its `amends` chain, followed through amendments
 * of amendments; a chain whose first response is gone starts at the id it names. (A loop of
 * amendments has no first response and is left to the update after it.)
 */
const CHAIN_ROOTS = `WITH RECURSIVE roots (id, root) AS (
        SELECT id, COALESCE(amends, id) FROM responses
          WHERE amends IS NULL OR amends NOT IN (SELECT id FROM responses)
        UNION
        SELECT r.id, roots.root FROM responses r JOIN roots ON r.amends = roots.id
      )`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'responses table',
    sqlite: `
      CREATE TABLE responses (
        id             TEXT PRIMARY KEY NOT NULL,
        schema_version INTEGER NOT NULL,
        widget         TEXT NOT NULL,
        variant        TEXT NOT NULL,
        topic          TEXT NOT NULL,
        stage          TEXT,
        locale         TEXT NOT NULL,
        page           TEXT NOT NULL,
        submitted_at   TEXT NOT NULL,
        received_at    TEXT NOT NULL,
        answer         TEXT NOT NULL, -- JSON
        body_hash      TEXT NOT NULL  -- sha256 of the canonical payload, tells retries from conflicts
      );
      CREATE INDEX responses_received_at ON responses (received_at);
      CREATE INDEX responses_topic ON responses (topic, received_at);
    `,
    postgres: `
      CREATE TABLE responses (
        id             TEXT PRIMARY KEY NOT NULL,
        -- Arrival order, for a stable export and for "latest of a chain".
        seq            BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        schema_version INTEGER NOT NULL,
        widget         TEXT NOT NULL,
        variant        TEXT NOT NULL,
        topic          TEXT NOT NULL,
        stage          TEXT,
        locale         TEXT NOT NULL,
        page           TEXT NOT NULL,
        submitted_at   TEXT NOT NULL, -- as the client sent it
        received_at    TIMESTAMPTZ NOT NULL,
        answer         JSON NOT NULL, -- JSON, not JSONB: kept exactly as written
        body_hash      TEXT NOT NULL
      );
      CREATE INDEX responses_received_at ON responses (received_at, seq);
      CREATE INDEX responses_topic ON responses (topic, received_at);
    `,
  },
  {
    version: 2,
    description: 'responses.amends: a follow-up or changed answer names the response it replaces',
    sqlite: `
      ALTER TABLE responses ADD COLUMN amends TEXT;
      CREATE INDEX responses_amends ON responses (amends) WHERE amends IS NOT NULL;
    `,
    postgres: `
      ALTER TABLE responses ADD COLUMN amends TEXT;
      CREATE INDEX responses_amends ON responses (amends) WHERE amends IS NOT NULL;
    `,
  },
  {
    version: 3,
    description: 'contact details apart from answers; a count of discarded spam',
    sqlite: `
      CREATE TABLE contacts (
        response_id TEXT PRIMARY KEY NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
        received_at TEXT NOT NULL,
        name        TEXT NOT NULL,
        email       TEXT,
        phone       TEXT
      );
      CREATE INDEX contacts_received_at ON contacts (received_at);
      CREATE TABLE discarded (
        day    TEXT NOT NULL,
        reason TEXT NOT NULL,
        count  INTEGER NOT NULL,
        PRIMARY KEY (day, reason)
      );
    `,
    postgres: `
      CREATE TABLE contacts (
        response_id TEXT PRIMARY KEY NOT NULL REFERENCES responses (id) ON DELETE CASCADE,
        received_at TIMESTAMPTZ NOT NULL,
        name        TEXT NOT NULL,
        email       TEXT,
        phone       TEXT
      );
      CREATE INDEX contacts_received_at ON contacts (received_at);
      CREATE TABLE discarded (
        day    DATE NOT NULL,
        reason TEXT NOT NULL,
        count  BIGINT NOT NULL,
        PRIMARY KEY (day, reason)
      );
    `,
  },
  {
    version: 4,
    description: 'responses.chain: the first response of the amends chain each response belongs to',
    // An amendment may name another amendment: every response of a chain is kept under the id
    // of its first response, so that counting "the latest of each chain" counts people.
    sqlite: `
      ALTER TABLE responses ADD COLUMN chain TEXT;
      ${CHAIN_ROOTS}
      UPDATE responses SET chain = (SELECT root FROM roots WHERE roots.id = responses.id);
      UPDATE responses SET chain = COALESCE(amends, id) WHERE chain IS NULL;
      CREATE INDEX responses_chain ON responses (chain);
    `,
    postgres: `
      ALTER TABLE responses ADD COLUMN chain TEXT;
      ${CHAIN_ROOTS}
      UPDATE responses SET chain = roots.root FROM roots WHERE roots.id = responses.id;
      UPDATE responses SET chain = COALESCE(amends, id) WHERE chain IS NULL;
      ALTER TABLE responses ALTER COLUMN chain SET NOT NULL;
      CREATE INDEX responses_chain ON responses (chain);
    `,
  },
  {
    version: 5,
    description: 'rate_limit_windows: requests per route and client, counted once for every instance',
    // SQLite serves one machine, whose collector counts in its own memory: nothing to create.
    sqlite: `SELECT 1;`,
    // Unlogged: a count is not an answer. Writing it skips the write-ahead log, so counting
    // costs no disk flush; a crash empties the table, which only starts every window afresh.
    // Room on each page lets a count be raised in place (no indexed column changes).
    postgres: `
      CREATE UNLOGGED TABLE rate_limit_windows (
        route        TEXT NOT NULL,
        client       TEXT NOT NULL,
        window_start BIGINT NOT NULL, -- milliseconds since the epoch
        window_end   BIGINT NOT NULL,
        hits         INTEGER NOT NULL,
        PRIMARY KEY (route, client, window_start)
      ) WITH (fillfactor = 70);
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** The refusal when the database was written by a newer collector. */
export function tooNewError(current: number): Error {
  return new Error(
    `The database is at schema version ${current}, but this collector only knows up to ${LATEST_VERSION}. ` +
      'It was written by a newer collector: upgrade this one instead of downgrading the data.',
  );
}
