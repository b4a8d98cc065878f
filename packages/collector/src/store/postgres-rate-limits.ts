import pg from 'pg';
import type { RateLimitCounter, RateLimitHit } from './rate-limit-counter.js';

/**
 * One statement for every hit waiting: each (route, client, window) row gains the number of
 * its hits in one atomic upsert, so concurrent hits on any instance each count once. Rows
 * are given in one order on every instance, so two batches never wait on each other's rows
 * in a cycle.
 */
const HIT = {
  name: 'participate-rate-limit-hits',
  text: `
    INSERT INTO rate_limit_windows AS w (route, client, window_start, window_end, hits)
    SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::int[])
    ON CONFLICT (route, client, window_start) DO UPDATE SET hits = w.hits + EXCLUDED.hits
    RETURNING route, client, window_start::text AS start, hits`,
};

const SWEEP = 'DELETE FROM rate_limit_windows WHERE window_end <= $1';

/** How often an instance deletes windows that have ended: rows are few, one per client and route. */
const SWEEP_INTERVAL_MS = 60_000;

interface Waiting {
  now: number;
  resolve: (hit: RateLimitHit) => void;
  reject: (error: unknown) => void;
}

/** The hits on one row waiting to be counted. */
interface Window {
  route: string;
  client: string;
  start: number;
  end: number;
  waiting: Waiting[];
}

const keyOf = (route: string, client: string, start: number | string) => `${route}\n${client}\n${start}`;

/**
 * Fixed windows counted in PostgreSQL, shared by every instance on the database. Windows
 * start at multiples of their length since the epoch, by each instance's clock: instances
 * whose clocks agree (NTP) agree on the window.
 *
 * Hits that arrive while a count is on its way to the database wait for it and then go
 * together in one statement, as a database groups commits: under load, one round trip
 * counts many requests; alone, a hit goes at once.
 */
export class PostgresRateLimits implements RateLimitCounter {
  readonly #pool: pg.Pool;
  readonly #clock: () => number;
  #nextSweep = 0;
  #waiting = new Map<string, Window>();
  #counting = false;

  /**
   * Counts on a connection of its own, opened at the first hit: sharing the store's pool, a
   * count would wait for a connection behind inserts that wait for their commit to reach disk.
   */
  constructor(url: string, clock: () => number = Date.now) {
    this.#pool = new pg.Pool({
      connectionString: url,
      max: 1,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      application_name: 'participate-collector rate limit',
    });
    // A connection dropped while idle is replaced on next use; without a listener it would crash the process.
    this.#pool.on('error', () => undefined);
    this.#clock = clock;
  }

  hit(route: string, client: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.#clock();
    const start = now - (now % windowMs);
    this.#sweepIfDue(now);
    return new Promise((resolve, reject) => {
      const key = keyOf(route, client, start);
      let window = this.#waiting.get(key);
      if (!window) {
        window = { route, client, start, end: start + windowMs, waiting: [] };
        this.#waiting.set(key, window);
      }
      window.waiting.push({ now, resolve, reject });
      if (!this.#counting) void this.#count();
    });
  }

  /** Counts every hit waiting, then any that arrived meanwhile, until none wait. */
  async #count(): Promise<void> {
    this.#counting = true;
    while (this.#waiting.size > 0) {
      const windows = [...this.#waiting.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, window]) => window);
      this.#waiting = new Map();
      try {
        const { rows } = await this.#pool.query<{ route: string; client: string; start: string; hits: number }>({
          ...HIT,
          values: [
            windows.map((window) => window.route),
            windows.map((window) => window.client),
            windows.map((window) => window.start),
            windows.map((window) => window.end),
            windows.map((window) => window.waiting.length),
          ],
        });
        const counted = new Map(rows.map((row) => [keyOf(row.route, row.client, row.start), row.hits]));
        for (const window of windows) settle(window, counted.get(keyOf(window.route, window.client, window.start)));
      } catch (error) {
        for (const window of windows) for (const hit of window.waiting) hit.reject(error);
      }
    }
    this.#counting = false;
  }

  close(): Promise<void> {
    return this.#pool.end();
  }

  /** Deletes ended windows now and then, off the request's path; a failed sweep is retried by the next. */
  #sweepIfDue(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + SWEEP_INTERVAL_MS;
    this.#pool.query(SWEEP, [now]).catch(() => undefined);
  }
}

/** The row now holds `total` hits, the last `waiting.length` of them these: each gets its own count. */
function settle({ waiting, end }: Window, total: number | undefined): void {
  waiting.forEach((hit, index) => {
    if (total === undefined) hit.reject(new Error('The rate-limit count was not returned'));
    else hit.resolve({ count: total - waiting.length + index + 1, resetInMs: end - hit.now });
  });
}
