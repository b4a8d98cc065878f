import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { createResponseValidator, ValidationProblem } from '@participate/schema';
import { ApiError, idConflict, invalidResponse, unsupportedMediaType } from '../http/errors.js';
import { enteredFromForm, problemKeysFor, readForm, type FormFields } from '../http/form.js';
import { FORM_MEDIA_TYPE } from '../http/form-body.js';
import { requestOrigin } from '../http/origins.js';
import { pickLanguage, type ProblemKey } from '../html/messages.js';
import { renderProblem, renderThankYou } from '../html/pages.js';
import { StoreUnavailableError, type InsertResult, type ResponseStore } from '../store/store.js';
import { spamReason, utcDay } from '../http/bot-check.js';
import { backLinkFor } from './back-link.js';

export interface SubmitRouteOptions {
  store: ResponseStore;
  validate: ReturnType<typeof createResponseValidator>;
  allowedOrigins: ReadonlySet<string>;
  minFillMs: number;
  /** Posts per client per minute; 0 for no limit. */
  rateLimitPerMinute: number;
}

/** The no-JavaScript form's honeypot: a field bots fill in and people never see. */
export const HONEYPOT_FIELD = 'website';

export { FORM_MEDIA_TYPE };

export function mediaTypeOf(request: FastifyRequest): string | undefined {
  return request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
}

const HTML = 'text/html; charset=utf-8';

/** A UTF-16 surrogate without its other half: not a character, so not text any store can keep as sent. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Strings the schema allows but a store cannot keep: NUL, which PostgreSQL refuses in a
 * text column and cannot read back out of JSON (one in a comment breaks the results), and
 * lone surrogates. Refused the same way whichever store is used.
 */
function unstorableText(value: unknown, path = ''): ValidationProblem[] {
  if (typeof value === 'string') {
    if (!value.includes('\u0000') && !LONE_SURROGATE.test(value)) return [];
    const where = path || '/';
    return [
      {
        path: where,
        keyword: 'pattern',
        message: `${where} must not contain a NUL character or an unpaired surrogate`,
      },
    ];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableText(item, `${path}/${index}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => unstorableText(item, `${path}/${key}`));
  }
  return [];
}

/** `POST /v1/responses`: JSON from the widgets, urlencoded from the no-JavaScript form. */
export function registerSubmitRoute(
  app: FastifyInstance,
  { store, validate, allowedOrigins, minFillMs, rateLimitPerMinute }: SubmitRouteOptions,
) {
  /** The schema's verdict, then whether the text can be stored; the bot check is not stored, so not judged. */
  function validateStorable(input: unknown): ReturnType<typeof validate> {
    const result = validate(input);
    if (!result.ok) return result;
    const problems = unstorableText({ ...result.value, botCheck: undefined });
    return problems.length > 0 ? { ok: false, problems } : result;
  }

  /**
   * Spam is answered exactly as a stored response would be, so a script learns nothing,
   * and only counted. Returns true when the post was discarded.
   */
  async function discarded(request: FastifyRequest, check: Parameters<typeof spamReason>[0]): Promise<boolean> {
    const reason = spamReason(check, minFillMs);
    if (reason === undefined) return false;
    await store.countDiscarded(reason, utcDay(new Date()));
    request.log.info({ discarded: reason }, 'response discarded as spam');
    return true;
  }

  function originProblem(request: FastifyRequest): ApiError | undefined {
    const origin = requestOrigin(request.headers);
    if (origin === undefined) {
      return new ApiError(
        403,
        'origin_not_allowed',
        'Responses must be posted from a page on an allowed origin; this request has neither an Origin nor a Referer header.',
      );
    }
    if (!allowedOrigins.has(origin)) {
      return new ApiError(403, 'origin_not_allowed', `The origin ${origin} is not allowed to post responses here.`);
    }
    return undefined;
  }

  // Runs before the body is read: a post from anywhere else costs no parsing.
  function checkOrigin(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) {
    done(originProblem(request));
  }

  async function submitJson(request: FastifyRequest, reply: FastifyReply) {
    const result = validateStorable(request.body);
    if (!result.ok) throw invalidResponse(result.problems);
    const { botCheck, ...response } = result.value;
    if (await discarded(request, botCheck)) {
      return reply.code(201).send({ id: response.id, receivedAt: new Date().toISOString(), status: 'stored' });
    }
    const stored = await store.insert(response, new Date().toISOString());
    if (stored.outcome === 'conflict') throw idConflict(stored.id);
    if (stored.outcome === 'duplicate') reply.header('Idempotent-Replayed', 'true');
    return reply.code(201).send({ id: stored.id, receivedAt: stored.receivedAt, status: 'stored' });
  }

  async function submitForm(request: FastifyRequest, reply: FastifyReply) {
    const fields = (request.body ?? {}) as FormFields;
    const { payload, problems: formProblems } = readForm(fields, {
      referer: request.headers.referer,
      now: new Date().toISOString(),
      newId: randomUUID,
    });
    const language = pickLanguage(
      typeof payload.locale === 'string' ? payload.locale : undefined,
      request.headers['accept-language'],
    );
    const backTo = backLinkFor(payload.page, allowedOrigins);
    // Every problem page shows back what the person entered, even when the fault is not
    // theirs (a broken form, a store that is down): whatever went wrong, nothing they wrote is lost.
    const problem = (status: number, keys: ProblemKey[]) =>
      reply
        .code(status)
        .type(HTML)
        .send(renderProblem(language, keys, backTo, enteredFromForm(fields)));
    const thanks = () => renderThankYou(language, backTo, payload.widget);

    if (formProblems.length > 0) return problem(422, formProblems);
    const result = validateStorable(payload);
    if (!result.ok) return problem(422, problemKeysFor(result.problems));
    let stored: InsertResult;
    try {
      const honeypot = fields[HONEYPOT_FIELD];
      if (await discarded(request, { honeypot: typeof honeypot === 'string' ? honeypot : String(honeypot ?? '') })) {
        return await reply.code(200).type(HTML).send(thanks());
      }
      stored = await store.insert(result.value, new Date().toISOString());
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      reply.header('Retry-After', '5');
      return problem(503, ['unavailable']);
    }
    if (stored.outcome === 'conflict') return problem(422, ['idConflict']);
    if (stored.outcome === 'duplicate') reply.header('Idempotent-Replayed', 'true');
    return reply.code(200).type(HTML).send(thanks());
  }

  const rateLimit =
    rateLimitPerMinute > 0
      ? // Counted once the body is read, so a form post turned away gets its page in the form's language.
        { rateLimit: { max: rateLimitPerMinute, timeWindow: 60_000, hook: 'preHandler' as const } }
      : { rateLimit: false as const };
  app.post('/v1/responses', { onRequest: checkOrigin, config: rateLimit }, async (request, reply) => {
    switch (mediaTypeOf(request)) {
      case 'application/json':
        return submitJson(request, reply);
      case FORM_MEDIA_TYPE:
        return submitForm(request, reply);
      default:
        throw unsupportedMediaType();
    }
  });
}
