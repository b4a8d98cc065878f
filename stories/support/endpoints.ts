/**
 * Endpoints that put each widget into each of its states with no server of our own: the
 * static Storybook has nowhere to post to, so each state comes from a network outcome — a
 * real one, or, for a reserved `.invalid` address, the answer a story's fetch stub gives for
 * that address alone. The widgets themselves are never mocked.
 */

/** Nothing listens on port 9 (discard): the connection is refused, as when offline. */
export const UNREACHABLE_ENDPOINT = 'http://127.0.0.1:9/v1/responses';

/** A same-origin path that does not exist: a 404 is a refusal, so the response is not kept. */
export const MISSING_ENDPOINT = '/__no-such-endpoint';

/**
 * A reserved name (RFC 2606) that never resolves. Stories that hold requests to it open use
 * {@link holdRequestsTo}; without that, it fails like any unreachable address.
 */
export const HELD_ENDPOINT = 'https://held.invalid/v1/responses';

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return new URL(input, document.baseURI).href;
  return input instanceof URL ? input.href : input.url;
}

/**
 * Makes requests to `endpoint` wait like a server that has taken the connection but not yet
 * answered: each settles only when the caller gives up on it (the widget's own timeout).
 * Other requests go through untouched. Returns the undo, for a story's `beforeEach`.
 */
export function holdRequestsTo(endpoint: string): () => void {
  const realFetch = globalThis.fetch;
  const held = new URL(endpoint, document.baseURI).href;
  globalThis.fetch = (input, init) => {
    if (urlOf(input) !== held) return realFetch(input, init);
    const signal = init?.signal;
    return new Promise((_resolve, reject) => {
      const giveUp = (): void => {
        reject(signal?.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
      };
      signal?.addEventListener('abort', giveUp, { once: true });
    });
  };
  return () => {
    globalThis.fetch = realFetch;
  };
}

/**
 * Another reserved name (RFC 2606) that never resolves. Stories that show the thank-you panel
 * answer requests to it with {@link acceptRequestsTo}; without that, it fails like any
 * unreachable address.
 */
export const ACCEPTING_ENDPOINT = 'https://accepts.invalid/v1/responses';

/** What the endpoint stubbed by {@link acceptRequestsTo} has been sent, oldest first. */
export const acceptedPayloads: unknown[] = [];

function bodyOf(init: RequestInit | undefined): unknown {
  try {
    return typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes requests to `endpoint` succeed as the reference collector answers a new response:
 * `201 {"id": …, "status": "stored"}`, with the response's own id. So the static build, which
 * has no server, shows what a person sees when their answer is stored. Each body is kept in
 * {@link acceptedPayloads} for the play function to check. Other requests go through
 * untouched. Returns the undo, for a story's `beforeEach`.
 */
export function acceptRequestsTo(endpoint: string): () => void {
  const realFetch = globalThis.fetch;
  const accepting = new URL(endpoint, document.baseURI).href;
  acceptedPayloads.length = 0;
  globalThis.fetch = (input, init) => {
    if (urlOf(input) !== accepting) return realFetch(input, init);
    const payload = bodyOf(init);
    acceptedPayloads.push(payload);
    const id = typeof payload === 'object' && payload !== null && 'id' in payload ? payload.id : null;
    return Promise.resolve(
      new Response(JSON.stringify({ id, status: 'stored' }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      }),
    );
  };
  return () => {
    globalThis.fetch = realFetch;
  };
}
