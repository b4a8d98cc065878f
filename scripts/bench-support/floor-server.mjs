// The reference a benchmark loads beside the collector: a bare Fastify server with one route
// that builds the same row (with the collector's own row mapping, body hash included) and
// inserts it into the same kind of store, with no validation, CORS, rate limit or duplicate
// check. Run in its own process, like the collector:
//   node scripts/bench-support/floor-server.mjs sqlite <file>
//   node scripts/bench-support/floor-server.mjs postgres <url> <pool size>
import { createRequire } from 'node:module';

// The collector's own copies of Fastify, better-sqlite3 and pg, so the floor runs the same versions.
const collectorRequire = createRequire(new URL('../../packages/collector/package.json', import.meta.url));
const fromDist = (path) => import(new URL(`../../packages/collector/dist/${path}`, import.meta.url).href);

async function floor(kind, target, poolSize) {
  const Fastify = collectorRequire('fastify');
  const { rowFrom, RESPONSE_COLUMNS } = await fromDist('store/rows.js');
  const app = Fastify({ logger: false });
  let close;
  if (kind === 'sqlite') {
    const Database = collectorRequire('better-sqlite3');
    const db = new Database(target);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const insert = db.prepare(
      `INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')}) VALUES (${RESPONSE_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    );
    app.post('/v1/responses', async (request, reply) => {
      const row = rowFrom(request.body, new Date().toISOString());
      insert.run(row);
      return reply.code(201).send({ id: row.id, receivedAt: row.received_at, status: 'stored' });
    });
    close = () => db.close();
  } else {
    const pg = collectorRequire('pg');
    const pool = new pg.Pool({ connectionString: target, max: Number(poolSize) });
    const sql = `INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')})
      VALUES (${RESPONSE_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
    app.post('/v1/responses', async (request, reply) => {
      const row = rowFrom(request.body, new Date().toISOString());
      await pool.query(
        sql,
        RESPONSE_COLUMNS.map((column) => row[column]),
      );
      return reply.code(201).send({ id: row.id, receivedAt: row.received_at, status: 'stored' });
    });
    close = () => pool.end();
  }
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`Floor listening on ${url}\n`);
  process.once('SIGTERM', async () => {
    await app.close();
    await close();
    process.exit(0);
  });
}

await floor(process.argv[2], process.argv[3], process.argv[4]);
