import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SLUG_PATTERN, STAGES, WIDGETS } from '@participate/schema';
import { bearerTokenChecker } from '../http/admin-auth.js';
import { ApiError } from '../http/errors.js';
import { batched } from '../export/batch.js';
import { csvLines } from '../export/csv.js';
import { ndjsonLines } from '../export/ndjson.js';
import type { ExportFilter, ResponseStore } from '../store/store.js';

export interface ExportRouteOptions {
  store: ResponseStore;
  adminToken: string;
}

const slug = new RegExp(SLUG_PATTERN);

function queryValue(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ApiError(400, 'invalid_query', `Give "${name}" at most once.`);
  return value;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function instant(query: unknown, name: string): Date | undefined {
  const value = queryValue(query, name);
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(parsed.getTime())) {
    throw new ApiError(
      400,
      'invalid_query',
      `"${name}" must be a date (2026-10-01, a whole day in UTC) or an ISO 8601 date-time.`,
    );
  }
  return parsed;
}

function oneOfQuery<T extends string>(query: unknown, name: string, allowed: readonly T[]): T | undefined {
  const value = queryValue(query, name);
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new ApiError(400, 'invalid_query', `"${name}" must be one of: ${allowed.join(', ')}.`);
}

/** `topic`, `widget`, `stage`, and `from`/`to` (inclusive; `since` is the old name of `from`). */
export function filterFrom(query: unknown): ExportFilter {
  const filter: ExportFilter = {};
  const topic = queryValue(query, 'topic');
  if (topic !== undefined) {
    if (!slug.test(topic))
      throw new ApiError(400, 'invalid_query', '"topic" must be a topic slug such as gp-appointments.');
    filter.topic = topic;
  }
  const widget = oneOfQuery(query, 'widget', WIDGETS);
  if (widget !== undefined) filter.widget = widget;
  const stage = oneOfQuery(query, 'stage', STAGES);
  if (stage !== undefined) filter.stage = stage;

  const from = instant(query, 'from') ?? instant(query, 'since');
  if (from !== undefined) filter.receivedFrom = from.toISOString();
  const to = instant(query, 'to');
  if (to !== undefined) {
    // A date means the whole of that day; a date-time, up to and including that instant.
    const isDate = DATE_ONLY.test(queryValue(query, 'to') ?? '');
    filter.receivedBefore = new Date(to.getTime() + (isDate ? DAY_MS : 1)).toISOString();
  }
  if (
    filter.receivedFrom !== undefined &&
    filter.receivedBefore !== undefined &&
    filter.receivedFrom >= filter.receivedBefore
  ) {
    throw new ApiError(400, 'invalid_query', '"from" must be on or before "to".');
  }
  return filter;
}

/**
 * Starts the source before the response does, so that a store that cannot be read
 * gives a 503 instead of a 200 that stops short.
 */
async function started<T>(source: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  return (async function* () {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  })();
}

/** `GET /v1/responses`: the admin export, streamed as NDJSON or CSV. */
export function registerExportRoute(app: FastifyInstance, { store, adminToken }: ExportRouteOptions) {
  const isAdmin = bearerTokenChecker(adminToken);

  function requireAdmin(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) {
    done(
      isAdmin(request.headers.authorization)
        ? undefined
        : new ApiError(401, 'unauthorized', 'Send the admin token as "Authorization: Bearer <token>".'),
    );
  }

  app.get('/v1/responses', { onRequest: requireAdmin }, async (request, reply) => {
    const format = queryValue(request.query, 'format') ?? 'ndjson';
    if (format !== 'ndjson' && format !== 'csv') {
      throw new ApiError(400, 'invalid_query', '"format" must be ndjson or csv.');
    }
    const rows = await started(store.export(filterFrom(request.query)));
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="participate-responses.csv"')
        .send(Readable.from(batched(csvLines(rows))));
    }
    return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(batched(ndjsonLines(rows))));
  });
}
