import { LIMITS, SLUG_PATTERN } from '@participate/schema';
import { ApiError } from './errors.js';

const slug = new RegExp(SLUG_PATTERN);

/**
 * Refuses any parameter a route does not read. Otherwise a misspelt or PHP-style filter
 * (`topic[]=bins`) would be ignored, and the answer would hold everything instead of what was asked for.
 */
export function onlyKnownQuery(query: unknown, known: readonly string[]): void {
  const unknown = Object.keys((query ?? {}) as Record<string, unknown>).find((name) => !known.includes(name));
  if (unknown === undefined) return;
  throw new ApiError(
    400,
    'invalid_query',
    `Unknown query parameter ${JSON.stringify(unknown)}: the parameters here are ${known.join(', ')}.`,
  );
}

/** A query parameter given at most once. */
export function queryValue(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ApiError(400, 'invalid_query', `Give "${name}" at most once.`);
  return value;
}

export function oneOfQuery<T extends string>(query: unknown, name: string, allowed: readonly T[]): T | undefined {
  const value = queryValue(query, name);
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new ApiError(400, 'invalid_query', `"${name}" must be one of: ${allowed.join(', ')}.`);
}

/** `format=ndjson` (the default) or `format=csv`. */
export function formatFrom(query: unknown): 'ndjson' | 'csv' {
  return oneOfQuery(query, 'format', ['ndjson', 'csv'] as const) ?? 'ndjson';
}

/** `topic=<slug>`, optional unless `required`. */
export function topicFrom(query: unknown, required = false): string | undefined {
  const topic = queryValue(query, 'topic');
  if (topic === undefined && !required) return undefined;
  if (topic === undefined || !slug.test(topic)) {
    throw new ApiError(400, 'invalid_query', '"topic" must be a topic slug such as gp-appointments.');
  }
  return topic;
}

/** An optional `name=<slug>`, such as `fruit=governor`; `example` says what one looks like. */
export function slugFrom(query: unknown, name: string, example: string): string | undefined {
  const value = queryValue(query, name);
  if (value === undefined) return undefined;
  if (value.length > LIMITS.valueLength || !slug.test(value)) {
    throw new ApiError(400, 'invalid_query', `"${name}" must be ${example}.`);
  }
  return value;
}
