import { Piscina } from 'piscina';
import { StoreUnavailableError, type StoreLocation } from '../store/store.js';
import type { ResultsOutcome, ResultsTask } from './results-worker.js';
import type { ResultsSettings } from './topic-results.js';

/** Works a topic's public results out away from the event loop. */
export interface ResultsWorkers {
  /** The results body for `topic` at `now`; rejects with ResultsBusyError when too much is already waiting. */
  workOut(topic: string, now: Date): Promise<string>;
  close(): Promise<void>;
}

/** Too many results are being worked out already: the caller should come back shortly. */
export class ResultsBusyError extends Error {
  override name = 'ResultsBusyError';
}

export interface ResultsWorkersOptions {
  /** Threads working results out at once (default 1): the event loop keeps a core of its own. */
  threads?: number;
  /** Topics that may wait for a thread before more are turned away (default 16). */
  queue?: number;
}

/**
 * A small pool of worker threads, each with its own connection to the store. Results are
 * worked out one topic per thread at a time; what cannot wait is refused rather than queued
 * without bound, so a client asking for many topics cannot pile work up.
 */
export function resultsWorkers(
  location: StoreLocation,
  settings: ResultsSettings,
  { threads = 1, queue = 16 }: ResultsWorkersOptions = {},
): ResultsWorkers {
  let pool: Piscina<ResultsTask, ResultsOutcome> | undefined;
  const started = () =>
    (pool ??= new Piscina<ResultsTask, ResultsOutcome>({
      filename: new URL('./results-worker.js', import.meta.url).href,
      minThreads: 0,
      maxThreads: threads,
      maxQueue: queue,
      // A thread left idle this long ends, and its connection with it.
      idleTimeout: 60_000,
      // Results can wait; posts and health checks cannot. Where a thread and the event loop
      // compete for a CPU, the thread yields (Linux gives each thread its own priority).
      niceIncrement: 10,
    }));
  return {
    async workOut(topic, now) {
      const workers = started();
      if (workers.queueSize >= queue) throw new ResultsBusyError('Results are being worked out for many topics.');
      const outcome = await workers.run({ location, topic, settings, now: now.toISOString() });
      if ('unavailable' in outcome) throw new StoreUnavailableError(outcome.unavailable);
      return outcome.body;
    },
    async close() {
      await pool?.destroy();
      pool = undefined;
    },
  };
}
