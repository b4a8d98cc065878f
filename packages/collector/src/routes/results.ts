import type { FastifyInstance } from 'fastify';
import { LIMITS, SLUG_PATTERN } from '@participate/schema';
import { matchesIfNoneMatch, strongEtag } from '../http/etag.js';
import { ApiError } from '../http/errors.js';
import { feedbackResults } from '../results/feedback-results.js';
import { fruitTreeResults } from '../results/fruit-tree-results.js';
import { monthOfHourIn } from '../results/month.js';
import { rankingResults } from '../results/ranking-results.js';
import { ResultsCache } from '../results/results-cache.js';
import type { ResponseStore } from '../store/store.js';

export interface ResultsRouteOptions {
  store: ResponseStore;
  /** Groups with fewer responses than this are reported as suppressed. */
  minGroupSize: number;
  /** IANA time zone whose calendar months the results are cut into. */
  timeZone: string;
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
function checkSettings(minGroupSize: number, timeZone: string): void {
  if (!Number.isInteger(minGroupSize) || minGroupSize < 0) {
    throw new RangeError(`minGroupSize must be a whole number of responses, not ${String(minGroupSize)}.`);
  }
  monthOfHourIn(timeZone); // a RangeError for a time zone Intl does not know
}

/**
 * `GET /v1/results?topic=…`: public counts for a topic's feedback prompt, priority ranking and
 * fruit tree, small groups suppressed.
 */
export function registerResultsRoute(app: FastifyInstance, { store, minGroupSize, timeZone }: ResultsRouteOptions) {
  // In a plugin of its own so a bad setting rejects ready() and listen() instead of being thrown
  // out of the caller's plugin as an uncaught exception.
  app.register((scope, _options, done) => {
    try {
      checkSettings(minGroupSize, timeZone);
    } catch (error) {
      done(error as Error);
      return;
    }

    const cache = new ResultsCache<{ body: string; etag: string }>(KEPT);

    /** Reads every answer to the topic and works the results out: the slow part. */
    async function workOut(topic: string) {
      const [rows, answers, fruitTrees] = await Promise.all([
        store.feedbackTally(topic),
        store.rankingAnswers(topic),
        store.fruitTreeAnswers(topic),
      ]);
      const body = JSON.stringify({
        ...feedbackResults(rows, { topic, minGroupSize, timeZone }),
        ranking: rankingResults(answers, minGroupSize),
        fruitTree: fruitTreeResults(fruitTrees, minGroupSize),
      });
      return { body, etag: strongEtag(body) };
    }

    scope.get('/v1/results', async (request, reply) => {
      const topic = topicFrom(request.query);
      // A store failure propagates: the error handler answers 503, with no-store left in place.
      const revision = await store.topicRevision(topic);
      const { body, etag } = await cache.get(topic, revision, () => workOut(topic));
      reply.header('ETag', etag).header('Cache-Control', CACHE_CONTROL);
      if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(body);
    });
    done();
  });
}
