import { readFileSync } from 'node:fs';
import { LIMITS, SLUG_PATTERN } from '@participate/schema';
import { ref } from './json-schema.js';
import { paths } from './paths.js';
import { componentSchemas } from './schemas.js';

/** The collector's own version: the document describes this build, not the schema package. */
function collectorVersion(): string {
  // From dist/openapi/ (or src/openapi/), two levels up is the package root.
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return packageJson.version;
}

const error = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/json': { schema: ref('Error') } },
});

const retryAfter = { $ref: '#/components/headers/RetryAfter' };

export type OpenApiDocument = Record<string, unknown> & { openapi: string; paths: Record<string, unknown> };

/**
 * The collector's contract as OpenAPI 3.1, built from the same TypeBox schema the collector
 * validates posts with, so that a site can build its own endpoint from it.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Participate collector',
      version: collectorVersion(),
      summary: 'Receives responses from Participate widgets; any endpoint that follows this contract will do.',
      description: [
        `Responses are JSON of at most ${LIMITS.bodyBytes} bytes, validated strictly against \`Response\` (JSON Schema 2020-12, versioned by \`schemaVersion\`).`,
        'Widgets retry network errors, 408, 429 and 5xx with backoff, honouring `Retry-After`, always with the same `id`; they do not retry other 4xx.',
        `Topics and option values are slugs matching \`${SLUG_PATTERN}\`.`,
        'Every answer carries `Cache-Control: no-store` unless stated otherwise, and errors are `Error` objects.',
        'A request that is not well-formed HTTP/1.1 gets `400 malformed_request`, one that does not arrive within the request timeout `408 request_timeout`, and headers that are too large `431 headers_too_large`; each closes the connection.',
      ].join(' '),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'Responses', description: 'What the widgets post.' },
      { name: 'Results', description: 'Public counts.' },
      { name: 'Admin', description: 'Needs the admin token.' },
      { name: 'Health', description: 'For load balancers and orchestrators.' },
      { name: 'Contract', description: 'This document.' },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      responses: {
        Unauthorized: error('`unauthorized`: no admin token, or the wrong one.', {
          'WWW-Authenticate': { schema: { type: 'string', const: 'Bearer' } },
        }),
        StoreUnavailable: error('`store_unavailable`: the database cannot be reached. Retry later.', {
          'Retry-After': retryAfter,
        }),
        Unexpected: error('`internal_error`, or `not_found` for a path that does not exist.'),
        RequestTimeout: error(
          '`request_timeout`: the headers and body did not arrive within the request timeout (30 seconds unless configured). The connection is closed; send the request again.',
        ),
        HeadersTooLarge: error('`headers_too_large`: the request headers are too large. The connection is closed.'),
      },
      parameters: {
        Format: {
          name: 'format',
          in: 'query',
          schema: { type: 'string', enum: ['ndjson', 'csv'], default: 'ndjson' },
        },
        Topic: {
          name: 'topic',
          in: 'query',
          description: 'Only this topic.',
          schema: { type: 'string', maxLength: LIMITS.topicLength, pattern: SLUG_PATTERN },
        },
      },
      headers: {
        RetryAfter: {
          description: 'Seconds to wait before trying again.',
          schema: { type: 'integer', minimum: 1 },
        },
        IdempotentReplayed: {
          description: '`true` when this `id` and body were already stored: nothing new was stored.',
          schema: { type: 'string', const: 'true' },
        },
        ETag: { description: 'A strong validator for the body.', schema: { type: 'string' } },
        PublicCache: {
          description: 'Shared caches may keep the answer this long.',
          schema: { type: 'string', examples: ['public, max-age=60'] },
        },
      },
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: "The collector's admin token (`PARTICIPATE_ADMIN_TOKEN`), compared in constant time.",
        },
      },
    },
  };
}
