import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { createResponseValidator, LIMITS } from '@participate/schema';
import { ApiError, errorBody, rateLimited, toApiError } from './http/errors.js';
import { enteredFromForm, type FormFields } from './http/form.js';
import { sharedRateLimitStore } from './http/shared-rate-limit.js';
import { normaliseAllowedOrigins } from './http/origins.js';
import { TRUST_PROXY_INSTEAD, type TrustProxy } from './http/trust-proxy.js';
import { clientErrorHandler } from './http/client-error.js';
import { requestTimeouts } from './http/timeouts.js';
import { refuseContentEncoding } from './http/content-encoding.js';
import { addFormBodyParser, FormBodyError } from './http/form-body.js';
import { pickLanguage, type ProblemKey } from './html/messages.js';
import { renderProblem } from './html/pages.js';
import { backLinkFor } from './routes/back-link.js';
import { registerExportRoute } from './routes/export.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerOpenApiRoute } from './routes/openapi.js';
import type { ResultsWorkers } from './results/results-workers.js';
import { registerResultsRoute } from './routes/results.js';
import { FORM_MEDIA_TYPE, mediaTypeOf, registerSubmitRoute } from './routes/submit.js';
import { scheduleRetention, type RetentionPolicy } from './retention.js';
import { StoreUnavailableError, type ResponseStore } from './store/store.js';

export interface ServerOptions {
  store: ResponseStore;
  /** Exact origins allowed to post, e.g. `https://www.example.gov.uk`. `*` is refused. */
  allowedOrigins: readonly string[];
  /** Bearer token for the export. */
  adminToken: string;
  /** Log each request's method, route and status, and server errors. Off by default. */
  logger?: boolean;
  /** Where log lines go when `logger` is on; standard output otherwise. */
  logDestination?: { write(line: string): void };
  /** Posts each client may make per minute; 0 turns the limit off. Default 60. */
  rateLimitPerMinute?: number;
  /**
   * Answers a widget sends sooner than this after it appeared are taken for a script and
   * thrown away (answered as if stored, and counted). 0 turns the check off. Default 1000.
   */
  minFillMs?: number;
  /**
   * Take the client address from X-Forwarded-For as the proxies in front vouch for it: their
   * addresses and CIDR ranges (default false: the connection's address). See `TrustProxy`.
   */
  trustProxy?: TrustProxy;
  /** Milliseconds a request may take to arrive, headers and body; then 408 and the connection closes. Default 30000. */
  requestTimeoutMs?: number;
  /** Where results are worked out; by default a small pool of worker threads reading the store. */
  resultsWorkers?: ResultsWorkers;
  /** Requests for results each client may make per minute; 0 turns the limit off. Default 120. */
  resultsRateLimitPerMinute?: number;
  /** Groups and counts under this many people are not shown in results. Default 5. */
  minGroupSize?: number;
  /** Counts in results are rounded to the nearest multiple of this; 1 shows them exactly. Default 5. */
  roundTo?: number;
  /** Publish the month still open too; by default results count completed months only. */
  publishOpenPeriod?: boolean;
  /** The clock results go by (which months have closed); the system clock by default. */
  now?: () => Date;
  /** Results are cut into calendar months in this IANA time zone. Default Europe/London. */
  timeZone?: string;
  /** How long answers and contact details are kept; applied hourly and by `POST /v1/purge`. Default: forever. */
  retention?: RetentionPolicy;
}

export const SERVER_DEFAULTS = {
  rateLimitPerMinute: 60,
  resultsRateLimitPerMinute: 120,
  minFillMs: 1000,
  trustProxy: false,
  requestTimeoutMs: 30_000,
  minGroupSize: 5,
  roundTo: 5,
  publishOpenPeriod: false,
  timeZone: 'Europe/London',
} as const;

/** Sent with every response: nothing here is meant to be sniffed, framed, cached or referred on. */
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
} as const;

function problemKeyFor(error: ApiError): ProblemKey {
  switch (error.code) {
    case 'body_too_large':
      return 'tooLarge';
    case 'origin_not_allowed':
      return 'originNotAllowed';
    case 'store_unavailable':
    case 'results_busy':
    case 'shutting_down':
      return 'unavailable';
    case 'rate_limited':
      return 'tooManyRequests';
    case 'id_conflict':
      return 'idConflict';
    default:
      return 'formBroken';
  }
}

/** A stack without its first line, which repeats the message. */
const stackFrames = (stack: string | undefined) => stack?.split('\n').slice(1).join('\n') ?? '';

/**
 * Only what is needed to run the service: never bodies, free text, URLs with queries
 * or IP addresses (S6).
 */
function loggerOptions(destination: ServerOptions['logDestination']) {
  return {
    level: 'info',
    serializers: {
      // Fastify passes its own request and reply objects to these.
      req: (request: { method?: string; routeOptions?: { url?: string } }) => ({
        method: request.method,
        route: request.routeOptions?.url ?? null,
      }),
      res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      // An error message can quote the body (the JSON parser's does); keep only what it is.
      err: (error: { name?: string; code?: string; stack?: string }) => ({
        type: error.name ?? 'Error',
        code: error.code,
        message: '(not logged)',
        stack: stackFrames(error.stack),
      }),
    },
    ...(destination ? { stream: destination } : {}),
  };
}

/** Builds the collector's HTTP server without listening, so tests and the CLI share it. */
export function buildServer(options: ServerOptions): FastifyInstance {
  const allowedOrigins = new Set(normaliseAllowedOrigins(options.allowedOrigins));
  if (options.adminToken.trim() === '') throw new Error('adminToken must not be empty.');
  const { store } = options;
  const retention = options.retention ?? {};

  // A JavaScript caller can still pass the old `true`, which trusts what the client wrote, or a count.
  const trustProxy: unknown = options.trustProxy ?? SERVER_DEFAULTS.trustProxy;
  if (trustProxy === true || typeof trustProxy === 'number') {
    throw new Error(`trustProxy: ${String(trustProxy)} is refused: ${TRUST_PROXY_INSTEAD}.`);
  }

  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logDestination) : false,
    bodyLimit: LIMITS.bodyBytes,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    trustProxy: options.trustProxy ? [...options.trustProxy] : false,
    ...requestTimeouts(options.requestTimeoutMs ?? SERVER_DEFAULTS.requestTimeoutMs),
    clientErrorHandler: clientErrorHandler(SECURITY_HEADERS),
  });

  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });

  let stopRetention: () => void = () => undefined;
  app.addHook('onReady', (done) => {
    stopRetention = scheduleRetention(store, retention, (outcome) => {
      if (outcome instanceof Error) app.log.error({ type: outcome.name, detail: outcome.message }, 'purge failed');
      else app.log.info({ purged: outcome }, 'retention applied');
    });
    done();
  });
  app.addHook('onClose', (_instance, done) => {
    stopRetention();
    done();
  });

  // Only JSON and the fallback form are accepted; Fastify would otherwise take text/plain.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
  app.addHook('onRequest', refuseContentEncoding);

  app.register(cors, {
    // Always an array: @fastify/cors sends a lone string as the allowed origin to everyone.
    origin: [...allowedOrigins],
    credentials: false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['content-type'],
    // A widget reads Retry-After to wait as long as it is asked to.
    exposedHeaders: ['Idempotent-Replayed', 'Retry-After'],
    maxAge: 600,
    // A bare OPTIONS gets a plain 204 instead of a text/plain 400.
    strictPreflight: false,
  });
  addFormBodyParser(app, LIMITS.bodyBytes);
  // Per client address and route. A store shared by instances (PostgreSQL) counts for all of
  // them; otherwise (SQLite, one machine) this instance counts in its memory.
  app.register(rateLimit, {
    global: false,
    ...(store.rateLimits && {
      store: sharedRateLimitStore(store.rateLimits, {
        // Every instance behind one load balancer needs the same admin token already.
        secret: options.adminToken,
        onCountFailed: (error) => {
          app.log.error({ type: error.name, detail: error.message }, 'rate limit not counted; request let through');
        },
      }),
    }),
    // Fail open: a post that cannot be counted goes on to the store, which answers 503 itself
    // when the database is down; a hiccup in counting alone loses no answer.
    skipOnError: true,
    errorResponseBuilder: (_request, context) => rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  });

  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.statusCode >= 500) {
      // Name, code and stack frames only: a message could quote what someone wrote. A store's
      // own message (from SQLite, never holding answer text) is kept: it says what broke.
      const { name, code, stack } = error as { name?: string; code?: string; stack?: string };
      const detail = error instanceof StoreUnavailableError ? { detail: error.message } : {};
      request.log.error({ type: name, code, ...detail, frames: stackFrames(stack) }, 'request failed');
    }
    reply.code(apiError.statusCode);
    if (apiError.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer');
    if (apiError.statusCode === 503) reply.header('Retry-After', '5');
    // A person posting the no-JavaScript form gets a page, not JSON.
    if (request.method === 'POST' && mediaTypeOf(request) === FORM_MEDIA_TYPE) {
      // The form's own locale when its body was read (it is, when the rate limit turns it away),
      // or could be read in part (a broken % sequence, text not in its charset).
      const fields =
        (request.body as FormFields | undefined) ?? (error instanceof FormBodyError ? error.readable : undefined);
      const locale = fields?.locale;
      const language = pickLanguage(
        typeof locale === 'string' ? locale : undefined,
        request.headers['accept-language'],
      );
      const backTo = backLinkFor(request.headers.referer, allowedOrigins);
      // What the person entered is shown back whenever the body was read (a 429), as on every form error page.
      const entered = fields ? enteredFromForm(fields) : undefined;
      return reply
        .type('text/html; charset=utf-8')
        .send(renderProblem(language, [problemKeyFor(apiError)], backTo, entered));
    }
    return reply.send(errorBody(apiError));
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send(errorBody(new ApiError(404, 'not_found', 'There is nothing at this address.'))),
  );

  const validate = createResponseValidator();
  // Routes go in a plugin so they load after CORS, and get their hooks.
  app.register((routes, _options, done) => {
    registerSubmitRoute(routes, {
      store,
      validate,
      allowedOrigins,
      minFillMs: options.minFillMs ?? SERVER_DEFAULTS.minFillMs,
      rateLimitPerMinute: options.rateLimitPerMinute ?? SERVER_DEFAULTS.rateLimitPerMinute,
    });
    registerExportRoute(routes, { store, adminToken: options.adminToken });
    registerAdminRoutes(routes, { store, adminToken: options.adminToken, retention });
    registerHealthRoutes(routes, { store, isClosing: () => closing });
    registerOpenApiRoute(routes);
    registerResultsRoute(routes, {
      store,
      rateLimitPerMinute: options.resultsRateLimitPerMinute ?? SERVER_DEFAULTS.resultsRateLimitPerMinute,
      ...(options.resultsWorkers ? { workers: options.resultsWorkers } : {}),
      minGroupSize: options.minGroupSize ?? SERVER_DEFAULTS.minGroupSize,
      roundTo: options.roundTo ?? SERVER_DEFAULTS.roundTo,
      publishOpenPeriod: options.publishOpenPeriod ?? SERVER_DEFAULTS.publishOpenPeriod,
      timeZone: options.timeZone ?? SERVER_DEFAULTS.timeZone,
      now: options.now ?? (() => new Date()),
    });
    done();
  });

  return app;
}
