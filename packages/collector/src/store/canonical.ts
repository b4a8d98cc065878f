import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so that two payloads with the same
 * content but a different key order serialise identically. Array order is kept: it
 * can carry meaning.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The fingerprint that tells a retry from a different response reusing an id.
 * `submittedAt` is left out: it says when the answer was sent, not what it is, and
 * the no-JavaScript form gets a fresh one from the server on every resubmission of
 * the same answer.
 */
export function bodyHash(payload: { submittedAt: string; botCheck?: unknown }): string {
  const content: Partial<typeof payload> = { ...payload };
  delete content.submittedAt;
  // Spam checks say how the answer was sent, not what it is.
  delete content.botCheck;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * One spelling per UUID: lower case, without the `urn:uuid:` prefix the schema's format also
 * accepts. A retry in upper case, or an amendment naming its original that way, must meet the
 * same row.
 */
export function canonicalId(id: string): string {
  const lower = id.toLowerCase();
  return lower.startsWith('urn:uuid:') ? lower.slice('urn:uuid:'.length) : lower;
}
