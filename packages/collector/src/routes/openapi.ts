import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../openapi/document.js';

/** The contract changes only with a new release, so caches may keep it a while. */
const CACHE_CONTROL = 'public, max-age=300';

/** `GET /v1/openapi.json`: the collector's contract, for sites building their own endpoint. */
export function registerOpenApiRoute(app: FastifyInstance) {
  // Built and serialised once, at start-up.
  const body = JSON.stringify(buildOpenApiDocument());
  app.get('/v1/openapi.json', (_request, reply) =>
    // Replaces the no-store that the server's onRequest hook set.
    reply.header('Cache-Control', CACHE_CONTROL).type('application/json; charset=utf-8').send(body),
  );
}
