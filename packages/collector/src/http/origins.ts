import type { IncomingHttpHeaders } from 'node:http';

/**
 * Parses one allowlist entry into the serialised origin browsers send in `Origin`.
 * Returns a reason instead when it is not a bare http(s) origin.
 */
export function parseAllowedOrigin(entry: string): { ok: true; origin: string } | { ok: false; reason: string } {
  const value = entry.trim();
  if (value === '*') {
    return {
      ok: false,
      reason:
        '"*" is not supported: a wildcard would let any website post responses. List each origin, e.g. https://www.example.gov.uk',
    };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: `"${value}" is not an origin; write it like https://www.example.gov.uk` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `"${value}" must start with https:// or http://` };
  }
  if (
    url.username ||
    url.password ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    value.endsWith('?') ||
    value.endsWith('#')
  ) {
    return {
      ok: false,
      reason: `"${value}" must be an origin only (scheme, host and optional port), without a path, query or fragment`,
    };
  }
  return { ok: true, origin: url.origin };
}

/** Validates and normalises a whole allowlist, throwing one Error naming every bad entry. */
export function normaliseAllowedOrigins(entries: readonly string[]): string[] {
  const origins = new Set<string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const parsed = parseAllowedOrigin(entry);
    if (parsed.ok) origins.add(parsed.origin);
    else problems.push(parsed.reason);
  }
  if (problems.length > 0) throw new Error(`Invalid allowed origin: ${problems.join('; ')}`);
  return [...origins];
}

/**
 * The origin a POST claims to come from: the `Origin` header, or for a plain form post
 * from a browser that did not send one, the origin of the `Referer`. Undefined when the
 * request carries neither. Browsers do not let scripts set either header.
 */
export function requestOrigin(headers: IncomingHttpHeaders): string | undefined {
  const origin = headers.origin;
  if (origin !== undefined) return origin;
  const referer = headers.referer;
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}
