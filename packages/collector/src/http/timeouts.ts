/**
 * How long a request may take to arrive, as Fastify and Node's HTTP server options. A
 * client that sends its headers or its body a byte at a time would otherwise hold its
 * connection for as long as it liked (Fastify turns Node's own request timeout off).
 */
export function requestTimeouts(requestTimeoutMs: number) {
  if (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs <= 0) {
    throw new Error(
      `requestTimeoutMs must be a whole number of milliseconds above 0 (got ${String(requestTimeoutMs)}).`,
    );
  }
  // Node looks for late requests on a timer; a quarter of the timeout keeps the overshoot small.
  const connectionsCheckingInterval = Math.min(30_000, Math.max(50, Math.round(requestTimeoutMs / 4)));
  return {
    requestTimeout: requestTimeoutMs,
    http: {
      requestTimeout: requestTimeoutMs,
      // Headers within the same time: they are a small part of any request the collector takes.
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval,
    },
  };
}
