import { createHash } from 'node:crypto';

/** A strong validator for a body: the same bytes always give the same tag. */
export function strongEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * Whether an If-None-Match header matches `etag`. Uses the weak comparison RFC 9110
 * prescribes for If-None-Match, so a cache that stored `W/"…"` still gets its 304.
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}
