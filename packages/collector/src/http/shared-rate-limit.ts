import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitCounter } from '../store/rate-limit-counter.js';

/** The route a child store counts for: each route has its own allowance, as with the in-memory store. */
function routeKey(options: unknown): string {
  const info = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
  const method = Array.isArray(info?.method) ? info.method.join(',') : (info?.method ?? '');
  return `${method} ${info?.url ?? ''}`.trim();
}

/**
 * A store for @fastify/rate-limit that counts through `counter`, so every instance sharing
 * it shares each route's limit. A failure to count is reported to `onCountFailed` and handed
 * to the plugin, which lets the request through when registered with `skipOnError`.
 */
export function sharedRateLimitStore(
  counter: RateLimitCounter,
  onCountFailed: (error: Error) => void,
): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    #route = '';

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      counter.hit(this.#route, key, timeWindow).then(
        (hit) => {
          callback(null, { current: hit.count, ttl: hit.resetInMs });
        },
        (error: unknown) => {
          const failure = error instanceof Error ? error : new Error(String(error));
          onCountFailed(failure);
          callback(failure);
        },
      );
    }

    child(routeOptions: unknown): FastifyRateLimitStore {
      const store = new SharedRateLimitStore();
      store.#route = routeKey(routeOptions);
      return store;
    }
  };
}
