import { parseRetryAfter } from './backoff.js';

/** What became of one attempt to deliver a response. */
export type Delivery =
  | { kind: 'delivered'; status: number }
  | { kind: 'retry'; status?: number; retryAfterMs?: number }
  | { kind: 'rejected'; status: number; message?: string };

/** Statuses worth trying again: the server may accept the same request later. */
function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

const ATTEMPT_TIMEOUT_MS = 15_000;

async function readMessage(response: Response): Promise<string | undefined> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Posts one response. No cookies or credentials are ever sent; `keepalive` lets the
 * request outlive the page when it is flushed on page hide.
 */
export async function deliver(
  endpoint: string,
  payload: unknown,
  options: { keepalive?: boolean } = {},
): Promise<Delivery> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      credentials: 'omit',
      mode: 'cors',
      cache: 'no-store',
      keepalive: options.keepalive ?? false,
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
  } catch {
    // Offline, DNS failure, refused connection, CORS refusal or timeout: all may pass.
    return { kind: 'retry' };
  }
  if (response.ok) return { kind: 'delivered', status: response.status };
  if (isRetryable(response.status)) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return retryAfterMs === undefined
      ? { kind: 'retry', status: response.status }
      : { kind: 'retry', status: response.status, retryAfterMs };
  }
  const message = await readMessage(response);
  return message === undefined
    ? { kind: 'rejected', status: response.status }
    : { kind: 'rejected', status: response.status, message };
}
