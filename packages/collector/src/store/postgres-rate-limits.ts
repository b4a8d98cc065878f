import type pg from 'pg';
import type { RateLimitCounter, RateLimitHit } from './rate-limit-counter.js';

/**
 * One statement per hit: the first hit of a window inserts its row, the others add one to
 * it, atomically, so concurrent hits on any instance each count once.
 */
const HIT = {
  name: 'participate-rate-limit-hit',
  text: `
    INSERT INTO rate_limit_windows (route, client, window_start, window_end, hits)
    VALUES ($1, $2, $3, $4, 1)
    ON CONFLICT (route, client, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
    RETURNING hits`,
};

const SWEEP = 'DELETE FROM rate_limit_windows WHERE window_end <= $1';

/** How often an instance deletes windows that have ended: rows are few, one per client and route. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Fixed windows counted in PostgreSQL, shared by every instance on the database. Windows
 * start at multiples of their length since the epoch, by each instance's clock: instances
 * whose clocks agree (NTP) agree on the window.
 */
export class PostgresRateLimits implements RateLimitCounter {
  readonly #pool: pg.Pool;
  readonly #clock: () => number;
  #nextSweep = 0;

  constructor(pool: pg.Pool, clock: () => number = Date.now) {
    this.#pool = pool;
    this.#clock = clock;
  }

  async hit(route: string, client: string, windowMs: number): Promise<RateLimitHit> {
    const now = this.#clock();
    const start = now - (now % windowMs);
    const end = start + windowMs;
    this.#sweepIfDue(now);
    const { rows } = await this.#pool.query<{ hits: number }>({ ...HIT, values: [route, client, start, end] });
    const hits = rows[0]?.hits;
    if (hits === undefined) throw new Error('The rate-limit count was not returned');
    return { count: hits, resetInMs: end - now };
  }

  /** Deletes ended windows now and then, off the request's path; a failed sweep is retried by the next. */
  #sweepIfDue(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + SWEEP_INTERVAL_MS;
    this.#pool.query(SWEEP, [now]).catch(() => undefined);
  }
}
