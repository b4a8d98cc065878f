import type { FastifyInstance } from 'fastify';
import { LIMITS, SLUG_PATTERN } from '@participate/schema';
import { matchesIfNoneMatch, strongEtag } from '../http/etag.js';
import { ApiError } from '../http/errors.js';
import { currentMonth } from '../results/disclosure/periods.js';
import { monthOfHourIn } from '../results/month.js';
import { ResultsCache } from '../results/results-cache.js';
import { ResultsBusyError, resultsWorkers, type ResultsWorkers } from '../results/results-workers.js';
import type { ResultsSettings } from '../results/topic-results.js';
import type { ResponseStore } from '../store/store.js';

export interface ResultsRouteOptions extends ResultsSettings {
  store: ResponseStore;
  /** Requests for results each client may make per minute; 0 for no limit. */
  rateLimitPerMinute: number;
  /** Where results are worked out; by default a pool of worker threads reading the store. */
  workers?: ResultsWorkers;
  /** The clock that decides which months have closed. */
  now: () => Date;
}

/** Shared caches may keep results a minute: counts a minute old are fine, and it spares the store. */
const CACHE_CONTROL = 'public, max-age=60';

/** The collector keeps results no longer than a shared cache may, for this many topics at most. */
const KEPT = { limit: 256, maxAgeMs: 60_000 };

const slug = new RegExp(SLUG_PATTERN);

function topicFrom(query: unknown): string {
  const topic = (query as Record<string, unknown> | undefined)?.topic;
  if (typeof topic !== 'string' || topic.length > LIMITS.topicLength || !slug.test(topic)) {
    throw new ApiError(400, 'invalid_query', 'Give "topic" once, as a topic slug such as gp-appointments.');
  }
  return topic;
}

/** Throws for settings that cannot work, so that the server does not start with them. */
function checkSettings({ minGroupSize, roundTo, timeZone }: ResultsSettings): void {
  if (!Number.isInteger(minGroupSize) || minGroupSize < 0) {
    throw new RangeError(`minGroupSize must be a whole number of responses, not ${String(minGroupSize)}.`);
  }
  if (!Number.isInteger(roundTo) || roundTo < 1) {
    throw new RangeError(`roundTo must be a whole number from 1, not ${String(roundTo)}.`);
  }
  monthOfHourIn(timeZone); // a RangeError for a time zone Intl does not know
}

/**
 * `GET /v1/results?topic=…`: public counts for a topic's feedback prompt, priority ranking and
 * fruit tree, small groups suppressed. Worked out on worker threads, once per change of the
 * topic's answers, shared by the requests that arrive meanwhile.
 */
export function registerResultsRoute(app: FastifyInstance, options: ResultsRouteOptions) {
  const { store, rateLimitPerMinute, minGroupSize, roundTo, publishOpenPeriod, timeZone, now } = options;
  // In a plugin of its own so a bad setting rejects ready() and listen() instead of being thrown
  // out of the caller's plugin as an uncaught exception.
  app.register((scope, _options, done) => {
    const settings: ResultsSettings = { minGroupSize, roundTo, publishOpenPeriod, timeZone };
    try {
      checkSettings(settings);
    } catch (error) {
      done(error as Error);
      return;
    }

    const workers = options.workers ?? resultsWorkers(store.location, settings);
    scope.addHook('onClose', () => workers.close());
    const cache = new ResultsCache<{ body: string; etag: string }>(KEPT);

    async function workOut(topic: string, at: Date) {
      try {
        const body = await workers.workOut(topic, at);
        return { body, etag: strongEtag(body) };
      } catch (error) {
        if (!(error instanceof ResultsBusyError)) throw error;
        throw new ApiError(503, 'results_busy', 'Results are being worked out for many topics. Try again shortly.');
      }
    }

    const rateLimit: { rateLimit: false | { max: number; timeWindow: number } } =
      rateLimitPerMinute > 0
        ? { rateLimit: { max: rateLimitPerMinute, timeWindow: 60_000 } }
        : { rateLimit: false as const };
    scope.get('/v1/results', { config: rateLimit }, async (request, reply) => {
      const topic = topicFrom(request.query);
      // A store failure propagates: the error handler answers 503, with no-store left in place.
      const at = now();
      // Results change when the topic's answers do, and when a month closes.
      const revision = `${await store.topicRevision(topic)}|${currentMonth(timeZone, at)}`;
      const { body, etag } = await cache.get(topic, revision, () => workOut(topic, at));
      reply.header('ETag', etag).header('Cache-Control', CACHE_CONTROL);
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(body);
    });
    done();
  });
}
