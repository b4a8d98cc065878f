import type { FastifyInstance } from 'fastify';
import type { ResponseStore } from '../store/store.js';

/** `GET /healthz`: 200 only when the store answers, so a load balancer stops sending answers we would lose. */
export function registerHealthRoute(app: FastifyInstance, store: ResponseStore) {
  app.get('/healthz', async () => {
    await store.ping();
    return { status: 'ok' };
  });
}
