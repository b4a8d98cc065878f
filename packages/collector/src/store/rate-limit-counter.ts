/** What a client has used of one route's allowance in the current window. */
export interface RateLimitHit {
  /** Hits counted in this window, this one included. */
  count: number;
  /** Milliseconds until the window ends and the count starts again. */
  resetInMs: number;
}

/**
 * Counts requests per route and client in fixed windows, in a place every collector
 * instance sharing the store sees, so that they all enforce one limit between them.
 */
export interface RateLimitCounter {
  /** Counts one request and answers the count so far; rejects when it could not be counted. */
  hit(route: string, client: string, windowMs: number): Promise<RateLimitHit>;
}
