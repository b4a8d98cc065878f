import { FEEDBACK_VARIANTS, LIMITS, SLUG_PATTERN, STAGES, WIDGETS } from '@participate/schema';
import { CONTACT_CSV_COLUMNS } from '../export/contacts-csv.js';
import { CSV_COLUMNS } from '../export/csv.js';
import { object, oneOfStrings, ref, type JsonSchema } from './json-schema.js';

type Json = Record<string, unknown>;

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const html = { 'text/html': { schema: { type: 'string' } } };
const use = (kind: 'responses' | 'parameters' | 'headers', name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** Every operation may also fail unexpectedly, or at the HTTP level; those answers are documented once. */
const operation = (fields: Json & { responses: Json }): Json => ({
  ...fields,
  responses: {
    ...fields.responses,
    '408': use('responses', 'RequestTimeout'),
    '431': use('responses', 'HeadersTooLarge'),
    default: use('responses', 'Unexpected'),
  },
});

const admin = { security: [{ adminToken: [] }], tags: ['Admin'] };
const adminErrors = { '401': use('responses', 'Unauthorized'), '503': use('responses', 'StoreUnavailable') };

/** An error on `POST /v1/responses`: JSON, or an HTML page when the post came from the no-JavaScript form. */
function postError(description: string, headers?: Json): Json {
  return {
    description: `${description} A form post gets an HTML page in the person's language instead.`,
    ...(headers ? { headers } : {}),
    content: { ...json(ref('Error')), ...html },
  };
}

function streamed(schemaName: string, columns: readonly string[], filename: string): Json {
  return {
    description: 'Streamed, oldest first.',
    headers: {
      'Content-Disposition': {
        description: `With CSV: \`attachment; filename="${filename}"\`.`,
        schema: { type: 'string' },
      },
    },
    // OpenAPI 3.1 cannot give the schema of each line; the description names it.
    content: {
      'application/x-ndjson': {
        schema: {
          type: 'string',
          description: `One \`${schemaName}\` JSON object per line (see components.schemas.${schemaName}).`,
        },
      },
      'text/csv': {
        schema: {
          type: 'string',
          description: `A header row, then one row per item (RFC 4180, CRLF). Columns: ${columns.join(', ')}. A cell that a spreadsheet would run as a formula starts with \`'\`.`,
        },
      },
    },
  };
}

/** The no-JavaScript form's fields, from which the collector builds the same payload a widget posts. */
const formFields: JsonSchema = {
  type: 'object',
  required: ['topic'],
  description: 'Other fields (a submit button, say) are ignored. The collector timestamps the response.',
  properties: {
    topic: { type: 'string', pattern: SLUG_PATTERN },
    useful: { type: 'string', description: '`yes` or `no`, for the `page-useful` variant.' },
    rating: { type: 'string', description: 'An FFT rating, for the `fft` variant.' },
    reasons: { type: 'array', items: { type: 'string' }, description: 'Repeated once per reason ticked.' },
    comment: { type: 'string', description: 'Empty means none.' },
    stage: { type: 'string', description: 'Empty means none.' },
    variant: { ...oneOfStrings(FEEDBACK_VARIANTS), default: 'page-useful' },
    widget: { ...oneOfStrings(WIDGETS), default: 'feedback-prompt' },
    locale: { type: 'string', default: 'en', description: 'Also the language of the page answered.' },
    id: {
      type: 'string',
      format: 'uuid',
      description: 'So that a double submission counts once; generated if absent.',
    },
    page: { type: 'string', description: 'Used when the Referer gives no path on the same origin.' },
    website: { type: 'string', description: 'The honeypot: hidden from people, so anything in it marks a bot.' },
    _charset_: {
      type: 'string',
      description:
        'An empty hidden field the browser fills in with the encoding it sent the form in; read when the Content-Type names no charset.',
    },
    mode: {
      type: 'string',
      enum: ['rank', 'top', 'points'],
      description: 'With `widget=priority-ranking`: how the ranking asks.',
    },
    max: { type: 'string', description: 'Priority ranking, `top`: how many options may be chosen (a whole number).' },
    budget: { type: 'string', description: 'Priority ranking, `points`: the points to share out (a whole number).' },
    mustSpendAll: { type: 'string', description: 'Priority ranking, `points`: `true` when every point must be given.' },
  },
  patternProperties: {
    '^rank\\.': {
      type: 'string',
      description:
        'Priority ranking, `rank` and `top`: `rank.<option value>` holds its position, 1 = most important; every option for `rank`, only those chosen for `top`. The options are stored as shown in the order the form lists them.',
    },
    '^points\\.': {
      type: 'string',
      description:
        'Priority ranking, `points`: `points.<option value>` holds its points, a whole number; empty means 0.',
    },
  },
};

const submitResponse = operation({
  operationId: 'submitResponse',
  summary: 'Submit a response',
  tags: ['Responses'],
  description: [
    `The body is validated strictly against \`Response\` and is at most ${LIMITS.bodyBytes} bytes.`,
    'The page must be on an allowed origin: `Origin` is checked, or the `Referer` without it (CORS allowlist, no credentials).',
    'The `id` is the idempotency key: the same `id` and body again is answered as the first time, with `Idempotent-Replayed: true`, and stores nothing; a different body is `422 id_conflict`.',
    'A 2xx is sent only once the response is committed. A response whose `botCheck` marks a script is thrown away and counted, yet answered as if stored.',
    'Posts are rate limited per client address.',
  ].join(' '),
  parameters: [
    {
      name: 'Origin',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description: 'Set by the browser. Must be an allowed origin.',
    },
  ],
  requestBody: {
    required: true,
    content: {
      'application/json': { schema: ref('Response') },
      'application/x-www-form-urlencoded': {
        schema: formFields,
        encoding: { reasons: { style: 'form', explode: true } },
      },
    },
  },
  responses: {
    '200': {
      description: 'Stored (or thrown away as spam), from the no-JavaScript form: a thank-you page.',
      content: html,
    },
    '201': {
      description: 'Stored (or thrown away as spam).',
      headers: { 'Idempotent-Replayed': use('headers', 'IdempotentReplayed') },
      content: json(ref('Accepted')),
    },
    '400': postError(
      '`malformed_json` or `malformed_request`: the body could not be read, for example a form with a `%` not followed by two hexadecimal digits, or text that is not valid in its charset (UTF-8 unless the `Content-Type` or a `_charset_` field says otherwise).',
    ),
    '403': postError('`origin_not_allowed`: no `Origin` or `Referer`, or not an allowed origin.'),
    '413': postError(`\`body_too_large\`: the body is over ${LIMITS.bodyBytes} bytes.`),
    '415': postError(
      '`unsupported_media_type`: a body other than JSON or a form; a form charset the collector cannot read (UTF-16, or one the WHATWG Encoding Standard does not name); or any `Content-Encoding` but `identity`, answered with `Accept-Encoding: identity`.',
    ),
    '422': postError(
      '`invalid_response`: the body does not match `Response` (`problems` says where); or `id_conflict`: the `id` was stored with a different body.',
    ),
    '429': postError('`rate_limited`: too many posts from this client.', {
      'Retry-After': use('headers', 'RetryAfter'),
    }),
    '503': postError('`store_unavailable`: nothing can be stored right now.', {
      'Retry-After': use('headers', 'RetryAfter'),
    }),
  },
});

const exportResponses = operation({
  ...admin,
  operationId: 'exportResponses',
  summary: 'Export responses',
  description: 'Every matching response as one consistent snapshot; answers keep being accepted meanwhile.',
  parameters: [
    use('parameters', 'Format'),
    use('parameters', 'Topic'),
    { name: 'widget', in: 'query', schema: oneOfStrings(WIDGETS) },
    { name: 'stage', in: 'query', schema: oneOfStrings(STAGES) },
    {
      name: 'from',
      in: 'query',
      schema: { type: 'string' },
      description:
        'Received on or after: a date (2026-10-01, from the start of that day in UTC) or an ISO 8601 date-time (UTC unless it gives an offset), from 1970-01-01 to 9999-12-30.',
    },
    {
      name: 'to',
      in: 'query',
      schema: { type: 'string' },
      description:
        'Received on or before: a date (the whole of that day in UTC) or an ISO 8601 date-time (UTC unless it gives an offset), from 1970-01-01 to 9999-12-30.',
    },
    {
      name: 'since',
      in: 'query',
      schema: { type: 'string' },
      deprecated: true,
      description: 'The old name of `from`.',
    },
  ],
  responses: {
    '200': streamed('StoredResponse', CSV_COLUMNS, 'participate-responses.csv'),
    '400': {
      description:
        '`invalid_query`: a value that is not what its parameter takes, `from` after `to`, or an unknown parameter.',
      content: json(ref('Error')),
    },
    '422': {
      description: '`invalid_query`: `from` or `to` is outside 1970-01-01 to 9999-12-30 (UTC).',
      content: json(ref('Error')),
    },
    ...adminErrors,
  },
});

const deleteResponse = operation({
  ...admin,
  operationId: 'deleteResponse',
  summary: 'Delete a response',
  description: 'Deletes the response, the responses amending it and their contact details, for a person who asks.',
  parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
  responses: {
    '200': { description: 'Deleted.', content: json(ref('Deleted')) },
    '400': { description: '`invalid_query`: the id is not a UUID.', content: json(ref('Error')) },
    '404': { description: '`not_found`: no response has this id.', content: json(ref('Error')) },
    ...adminErrors,
  },
});

const purge = operation({
  ...admin,
  operationId: 'purgeExpired',
  summary: 'Apply the retention settings now',
  description: 'The collector also applies them every hour. Without retention settings nothing is deleted.',
  responses: { '200': { description: 'What was deleted.', content: json(ref('Purged')) }, ...adminErrors },
});

const exportContacts = operation({
  ...admin,
  operationId: 'exportContacts',
  summary: 'Export contact details',
  description:
    'Names and emails or phone numbers people gave, with consent, to be contacted. Each comes with the fruits and branches the person chose on the fruit tree (their latest answer), so an engagement team can follow up the people who chose a fruit.',
  parameters: [
    use('parameters', 'Format'),
    use('parameters', 'Topic'),
    {
      name: 'fruit',
      in: 'query',
      schema: { type: 'string', maxLength: LIMITS.valueLength, pattern: SLUG_PATTERN },
      description: 'Only people whose fruit-tree answer (the latest of their chain) holds this fruit, e.g. `governor`.',
    },
    {
      name: 'branch',
      in: 'query',
      schema: { type: 'string', maxLength: LIMITS.valueLength, pattern: SLUG_PATTERN },
      description: 'Only people who chose a fruit on this branch, e.g. `lead-and-govern`.',
    },
  ],
  responses: {
    '200': streamed('StoredContact', CONTACT_CSV_COLUMNS, 'participate-contacts.csv'),
    '400': {
      description: '`invalid_query`: a value that is not what its parameter takes, or an unknown parameter.',
      content: json(ref('Error')),
    },
    ...adminErrors,
  },
});

const stats = operation({
  ...admin,
  operationId: 'getStats',
  summary: 'Counts',
  responses: { '200': { description: 'Counts.', content: json(ref('Stats')) }, ...adminErrors },
});

const results = operation({
  operationId: 'getResults',
  summary: "A topic's public results",
  tags: ['Results'],
  description:
    "Counts of the feedback prompt's answers, by calendar month; the Friends and Family Test with % positive and negative; the priority ranking's figures per mode (Borda, first preferences, mean position and Schulze order; points mean and share; pairwise win rate and Bradley–Terry strength); the fruit tree's people per fruit and per branch, branches per person, efforts, effort filters, views and how many gave contact details (never the details). Only the latest response of each `amends` chain counts, and only chains begun in a completed calendar month unless the collector publishes the open one (`countedBefore`). Statistical disclosure control: groups of fewer than `minGroupSize` people show only `suppressed: true`; counts under it are null or left out of lists; the rest are rounded to `roundTo`; where a hidden count would follow from a shown total, more are hidden; percentages, means, shares, orders and strengths come from rounded counts. Public, rate limited per client, and cacheable for 60 seconds.",
  parameters: [
    {
      name: 'topic',
      in: 'query',
      required: true,
      schema: { type: 'string', maxLength: LIMITS.topicLength, pattern: SLUG_PATTERN },
    },
    { name: 'If-None-Match', in: 'header', schema: { type: 'string' }, description: 'An ETag from an earlier answer.' },
  ],
  responses: {
    '200': {
      description: 'The results.',
      headers: { ETag: use('headers', 'ETag'), 'Cache-Control': use('headers', 'PublicCache') },
      content: json(ref('FeedbackResults')),
    },
    '304': {
      description: 'Not modified since the ETag given.',
      headers: { ETag: use('headers', 'ETag'), 'Cache-Control': use('headers', 'PublicCache') },
    },
    '400': { description: '`invalid_query`: no topic, or not a slug.', content: json(ref('Error')) },
    '429': {
      description: '`rate_limited`: too many requests for results from this client.',
      headers: { 'Retry-After': use('headers', 'RetryAfter') },
      content: json(ref('Error')),
    },
    '503': {
      description:
        '`store_unavailable`: the database cannot be read; or `results_busy`: results are being worked out for many topics already. Retry after the time given.',
      headers: { 'Retry-After': use('headers', 'RetryAfter') },
      content: json(ref('Error')),
    },
  },
});

const status = (value: string) => object({ status: { const: value } });

const healthz = operation({
  operationId: 'getHealth',
  summary: 'Liveness: the process is up',
  tags: ['Health'],
  responses: { '200': { description: 'Alive.', content: json(status('ok')) } },
});

const readyz = operation({
  operationId: 'getReadiness',
  summary: 'Readiness: the database answers',
  tags: ['Health'],
  responses: {
    '200': { description: 'Ready to store responses.', content: json(status('ready')) },
    '503': {
      description: '`store_unavailable`, or `shutting_down` while the instance stops.',
      headers: { 'Retry-After': use('headers', 'RetryAfter') },
      content: json(ref('Error')),
    },
  },
});

const openApi = operation({
  operationId: 'getOpenApiDocument',
  summary: 'This document',
  tags: ['Contract'],
  responses: {
    '200': {
      description: 'OpenAPI 3.1; may be cached for 5 minutes.',
      content: json({ type: 'object' }),
    },
  },
});

/** Every route the collector serves, keyed as OpenAPI writes them (`{id}`, not Fastify's `:id`). */
export const paths: Json = {
  '/v1/responses': { post: submitResponse, get: exportResponses },
  '/v1/responses/{id}': { delete: deleteResponse },
  '/v1/purge': { post: purge },
  '/v1/contacts': { get: exportContacts },
  '/v1/stats': { get: stats },
  '/v1/results': { get: results },
  '/healthz': { get: healthz },
  '/readyz': { get: readyz },
  '/v1/openapi.json': { get: openApi },
};
