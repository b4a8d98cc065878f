import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { STAGES, WIDGETS } from '@participate/schema';
import { adminOnly } from '../http/admin-auth.js';
import { ApiError } from '../http/errors.js';
import { formatFrom, oneOfQuery, onlyKnownQuery, queryValue, topicFrom } from '../http/query.js';
import { started } from '../export/started.js';
import { batched } from '../export/batch.js';
import { csvLines } from '../export/csv.js';
import { ndjsonLines } from '../export/ndjson.js';
import type { ExportFilter, ResponseStore } from '../store/store.js';

export interface ExportRouteOptions {
  store: ResponseStore;
  adminToken: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A date, or a date-time to the minute or finer with an optional offset. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The instants a filter may name. Both stores compare ISO 8601 text with a four-digit year
 * (SQLite as text; PostgreSQL reads years 1 to 9999 so written), and a whole-day `to` ends at
 * the next midnight, so the last day is 9999-12-30. Nothing was received before 1970.
 */
const EARLIEST = Date.parse('1970-01-01T00:00:00Z');
const END = Date.parse('9999-12-31T00:00:00Z');

/** The instant a date or date-time names; without an offset it is UTC, never the server's own time zone. */
function parseInstant(value: string): Date | undefined {
  const match = DATE_TIME.exec(value);
  const day = match?.[1];
  if (!match || day === undefined) return undefined;
  const iso = value.toUpperCase().replace(' ', 'T');
  const parsed = new Date(match[2] === undefined && iso.length > day.length ? `${iso}Z` : iso);
  // Date rolls 2026-02-30 over into March: a day that does not exist is refused instead.
  const midnight = new Date(`${day}T00:00:00Z`);
  const dayExists = !Number.isNaN(midnight.getTime()) && midnight.toISOString().slice(0, 10) === day;
  return Number.isNaN(parsed.getTime()) || !dayExists ? undefined : parsed;
}

function instant(query: unknown, name: string): Date | undefined {
  const value = queryValue(query, name);
  if (value === undefined) return undefined;
  const parsed = parseInstant(value);
  if (parsed === undefined) {
    throw new ApiError(
      400,
      'invalid_query',
      `"${name}" must be a date (2026-10-01, a whole day in UTC) or an ISO 8601 date-time.`,
    );
  }
  if (parsed.getTime() < EARLIEST || parsed.getTime() >= END) {
    throw new ApiError(422, 'invalid_query', `"${name}" must be between 1970-01-01 and 9999-12-30 (UTC).`);
  }
  return parsed;
}

const EXPORT_QUERY = ['format', 'topic', 'widget', 'stage', 'from', 'to', 'since'];

/** `topic`, `widget`, `stage`, and `from`/`to` (inclusive; `since` is the old name of `from`). */
export function filterFrom(query: unknown): ExportFilter {
  onlyKnownQuery(query, EXPORT_QUERY);
  const filter: ExportFilter = {};
  const topic = topicFrom(query);
  if (topic !== undefined) filter.topic = topic;
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

/** `GET /v1/responses`: the admin export, streamed as NDJSON or CSV. */
export function registerExportRoute(app: FastifyInstance, { store, adminToken }: ExportRouteOptions) {
  app.get('/v1/responses', { onRequest: adminOnly(adminToken) }, async (request, reply) => {
    const format = formatFrom(request.query);
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
