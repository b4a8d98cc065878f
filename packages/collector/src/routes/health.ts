import type { FastifyInstance } from 'fastify';
import { ApiError } from '../http/errors.js';
import type { ResponseStore } from '../store/store.js';

export interface HealthRouteOptions {
  store: ResponseStore;
  /** True once shutdown has begun: the instance should get no new work. */
  isClosing: () => boolean;
}

/**
 * `GET /healthz`: the process is alive (restart it if not). `GET /readyz`: it can take
 * answers — the database answers and it is not shutting down — so a load balancer sends
 * answers only where they will be stored.
 */
export function registerHealthRoutes(app: FastifyInstance, { store, isClosing }: HealthRouteOptions) {
  app.get('/healthz', () => ({ status: 'ok' }));

  app.get('/readyz', async () => {
    if (isClosing()) throw new ApiError(503, 'shutting_down', 'This instance is shutting down.');
    await store.ping();
    return { status: 'ready' };
  });
}
