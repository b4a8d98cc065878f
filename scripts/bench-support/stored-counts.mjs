// How many answers a benchmark's database holds per topic, read directly rather than
// through the collector: a check that what it acknowledged was stored.
import { createRequire } from 'node:module';

// The collector's own copies of better-sqlite3 and pg.
const collectorRequire = createRequire(new URL('../../packages/collector/package.json', import.meta.url));

const SQL = 'SELECT topic, COUNT(*) AS n FROM responses GROUP BY topic';

/** Answers stored per topic in the SQLite file or PostgreSQL database at `database`. */
export async function storedPerTopic(database) {
  if (/^postgres(ql)?:/.test(database)) {
    const pg = collectorRequire('pg');
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    try {
      return new Map((await client.query(SQL)).rows.map(({ topic, n }) => [topic, Number(n)]));
    } finally {
      await client.end();
    }
  }
  const Database = collectorRequire('better-sqlite3');
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return new Map(
      db
        .prepare(SQL)
        .all()
        .map(({ topic, n }) => [topic, n]),
    );
  } finally {
    db.close();
  }
}
