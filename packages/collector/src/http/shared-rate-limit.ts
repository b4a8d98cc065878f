import { createHash, createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitCounter } from '../store/rate-limit-counter.js';

/** The route a child store counts for: each route has its own allowance, as with the in-memory store. */
function routeKey(options: unknown): string {
  const info = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
  const method = Array.isArray(info?.method) ? info.method.join(',') : (info?.method ?? '');
  return `${method} ${info?.url ?? ''}`.trim();
}

export interface SharedRateLimitOptions {
  /**
   * Known to every instance and not to the database: client addresses are counted under a
   * hash keyed by it, so no address is written to the database (S6), and instances with the
   * same secret count under the same names.
   */
  secret: string;
  /** Told of each request that could not be counted. */
  onCountFailed: (error: Error) => void;
}

/**
 * A store for @fastify/rate-limit that counts through `counter`, so every instance sharing
 * it shares each route's limit. A failure to count is reported and handed to the plugin,
 * which lets the request through when registered with `skipOnError`.
 */
export function sharedRateLimitStore(
  counter: RateLimitCounter,
  { secret, onCountFailed }: SharedRateLimitOptions,
): FastifyRateLimitStoreCtor {
  // A key of its own, so that the hash says nothing about the secret it came from.
  const hashKey = createHash('sha256').update(`participate rate-limit key\0${secret}`).digest();
  // 128 bits: no two clients share an allowance by accident.
  const pseudonym = (client: string) => createHmac('sha256', hashKey).update(client).digest('base64url').slice(0, 22);

  return class SharedRateLimitStore implements FastifyRateLimitStore {
    #route = '';

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      counter.hit(this.#route, pseudonym(key), timeWindow).then(
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
