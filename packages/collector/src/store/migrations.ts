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
  {
    version: 2,
    description: 'responses.amends: a follow-up or changed answer names the response it replaces',
    sql: `
      ALTER TABLE responses ADD COLUMN amends TEXT;
      CREATE INDEX responses_amends ON responses (amends) WHERE amends IS NOT NULL;
    `,
  },
];
