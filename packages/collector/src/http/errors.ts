import type { ValidationProblem } from '@participate/schema';
import { LIMITS } from '@participate/schema';
import { StoreUnavailableError } from '../store/store.js';

/** Every machine-readable code the collector can answer with. */
export const ERROR_CODES = [
  'malformed_json',
  'malformed_request',
  'unsupported_media_type',
  'body_too_large',
  'invalid_response',
  'id_conflict',
  'origin_not_allowed',
  'unauthorized',
  'rate_limited',
  'request_timeout',
  'headers_too_large',
  'invalid_query',
  'not_found',
  'store_unavailable',
  'results_busy',
  'shutting_down',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error the server answers with a specific status and code, never a bare 500. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly problems?: ValidationProblem[],
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; problems?: ValidationProblem[] };
}

export function errorBody(error: ApiError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.problems ? { problems: error.problems } : {}),
    },
  };
}

export function invalidResponse(problems: ValidationProblem[]): ApiError {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  const message = first
    ? `The response does not match the schema: ${first.message}${more}.`
    : 'The response does not match the schema.';
  return new ApiError(422, 'invalid_response', message, problems);
}

export const idConflict = (id: string) =>
  new ApiError(
    422,
    'id_conflict',
    `A different response was already stored with id ${id}. A new response needs a new id; a retry must send the same body.`,
  );

export const rateLimited = (retryAfterSeconds: number) =>
  new ApiError(
    429,
    'rate_limited',
    `Too many responses from this client. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
  );

export const unsupportedMediaType = () =>
  new ApiError(
    415,
    'unsupported_media_type',
    'Send the response as application/json (or application/x-www-form-urlencoded from the fallback form).',
  );

/**
 * Maps whatever reached the error handler to an answer. Parser errors are the client's
 * fault and must never become a 500. Fastify's messages are not echoed: the JSON
 * parser's message quotes part of the body, which may be someone's free text.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreUnavailableError) {
    return new ApiError(503, 'store_unavailable', 'Responses cannot be stored right now. Try again shortly.');
  }
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return unsupportedMediaType();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'body_too_large', `The request body is larger than ${LIMITS.bodyBytes} bytes.`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError(400, 'malformed_json', 'The request body is empty; expected a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError(400, 'malformed_request', 'The Content-Length header does not match the body.');
  }
  if (error instanceof SyntaxError) {
    return new ApiError(400, 'malformed_json', 'The request body is not valid JSON.');
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError(status, 'malformed_request', 'The request could not be read.');
  }
  return new ApiError(500, 'internal_error', 'Something went wrong in the collector.');
}
