// What a benchmark's database holds, read directly rather than through the collector: a check
// that what it acknowledged was stored.
import { createRequire } from 'node:module';

// The collector's own copies of better-sqlite3 and pg.
const collectorRequire = createRequire(new URL('../../packages/collector/package.json', import.meta.url));

/** The rows `sql` selects from the SQLite file or PostgreSQL database at `database`. */
async function rowsOf(database, sql) {
  if (/^postgres(ql)?:/.test(database)) {
    const pg = collectorRequire('pg');
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const Database = collectorRequire('better-sqlite3');
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** Answers stored per topic. */
export async function storedPerTopic(database) {
  const rows = await rowsOf(database, 'SELECT topic, COUNT(*) AS n FROM responses GROUP BY topic');
  return new Map(rows.map(({ topic, n }) => [topic, Number(n)]));
}

/** Every id stored. */
export async function storedIds(database) {
  return new Set((await rowsOf(database, 'SELECT id FROM responses')).map(({ id }) => id));
}
