// Fills a benchmark's database in one go: the collector's own migrations make the schema
// and its own row mapping (`rowFrom`, body hash and chain included) makes every row, so
// the rows are what the collector would have stored.
import { createRequire } from 'node:module';

const COLLECTOR_DIST = new URL('../../packages/collector/dist/', import.meta.url);
// The collector's own copies of better-sqlite3 and pg.
const collectorRequire = createRequire(new URL('../../packages/collector/package.json', import.meta.url));
const fromDist = (path) => import(new URL(path, COLLECTOR_DIST).href);

/** Writes rows `makeRow(rowFrom, i)` for i below `count` into a new SQLite file at `path`. */
export async function seedSqlite(path, count, makeRow) {
  const Database = collectorRequire('better-sqlite3');
  const { migrateSqlite } = await fromDist('store/sqlite-store.js');
  const { rowFrom, RESPONSE_COLUMNS } = await fromDist('store/rows.js');
  const db = new Database(path);
  try {
    // A throwaway file filled in one go needs no journal; the collector reopens it in WAL mode.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    migrateSqlite(db);
    const insert = db.prepare(
      `INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')}) VALUES (${RESPONSE_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    db.transaction(() => {
      for (let i = 0; i < count; i++) insert.run(makeRow(rowFrom, i));
    })();
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/**
 * Writes rows `makeRow(rowFrom, i)` for i below `count` into the empty PostgreSQL database
 * at `url`, `batch` rows to a statement (fewer for large answers, to keep statements small).
 */
export async function seedPostgres(url, count, makeRow, { batch = 10_000 } = {}) {
  const pg = collectorRequire('pg');
  const { PostgresStore } = await fromDist('store/postgres-store.js');
  const { rowFrom, RESPONSE_COLUMNS } = await fromDist('store/rows.js');
  await (await PostgresStore.open(url)).close();
  const types = {
    schema_version: 'int',
    received_at: 'timestamptz',
    answer: 'json',
  };
  const sql = `INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')})
    SELECT * FROM unnest(${RESPONSE_COLUMNS.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`).join(', ')})`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (let first = 0; first < count; first += batch) {
      const columns = RESPONSE_COLUMNS.map(() => []);
      for (let i = first; i < Math.min(count, first + batch); i++) {
        const row = makeRow(rowFrom, i);
        RESPONSE_COLUMNS.forEach((column, c) => columns[c].push(row[column]));
      }
      await client.query(sql, columns);
    }
    await client.query('ANALYZE responses');
  } finally {
    await client.end();
  }
}
