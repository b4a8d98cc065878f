/**
 * Forward-only schema changes, applied in order and recorded in `schema_migrations`.
 * Never edit a released entry: add a new one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'responses table',
    sql: `
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
  },
];
