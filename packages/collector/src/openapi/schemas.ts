import {
  FEEDBACK_VARIANTS,
  FeedbackPromptAnswer,
  FruitTreeAnswer,
  LIMITS,
  PriorityRankingAnswer,
  RANKING_MODES,
  ResponsePayload,
  SLUG_PATTERN,
  STAGES,
  WIDGETS,
} from '@participate/schema';
import { ERROR_CODES } from '../http/errors.js';
import { count, fromTypeBox, nullable, object, oneOfStrings, ref, type JsonSchema } from './json-schema.js';
import { feedbackResultsSchema } from './results-schema.js';

const uuid: JsonSchema = { type: 'string', format: 'uuid' };
const instant: JsonSchema = { type: 'string', format: 'date-time' };
const topic: JsonSchema = { type: 'string', minLength: 1, maxLength: LIMITS.topicLength, pattern: SLUG_PATTERN };

/** The schemas under `components.schemas`. `Response` is the one the collector validates posts with. */
export function componentSchemas(): Record<string, JsonSchema> {
  return {
    Response: fromTypeBox(ResponsePayload),
    Accepted: {
      ...object({ id: uuid, receivedAt: instant, status: { const: 'stored' } }),
      description:
        'The response is committed. `receivedAt` is when it was first received, so a replay gets the same body.',
    },
    Error: object({
      error: object(
        {
          code: oneOfStrings(ERROR_CODES, 'Machine-readable; the message is for people and may change.'),
          message: { type: 'string' },
          problems: { type: 'array', items: ref('ValidationProblem'), description: 'Only with `invalid_response`.' },
        },
        ['problems'],
      ),
    }),
    ValidationProblem: object({
      path: { type: 'string', description: 'JSON Pointer to the field, `/` for the whole body.' },
      keyword: { type: 'string', description: 'The JSON Schema keyword that failed, e.g. `required`.' },
      message: { type: 'string' },
    }),
    StoredResponse: {
      ...object({
        id: uuid,
        schemaVersion: { type: 'integer' },
        widget: oneOfStrings(WIDGETS),
        variant: oneOfStrings(
          [...FEEDBACK_VARIANTS, ...RANKING_MODES, 'fruit-tree'],
          "How to read `answer`: the feedback prompt's variant, the ranking's mode, or `fruit-tree`.",
        ),
        topic,
        stage: nullable(oneOfStrings(STAGES)),
        locale: { type: 'string' },
        page: { type: 'string' },
        submittedAt: instant,
        receivedAt: instant,
        amends: nullable(uuid),
        answer: {
          description: 'As sent: a feedback prompt, priority ranking or fruit-tree answer, as `widget` says.',
          anyOf: [fromTypeBox(FeedbackPromptAnswer), fromTypeBox(PriorityRankingAnswer), fromTypeBox(FruitTreeAnswer)],
        },
      }),
      description:
        'One line of the NDJSON export: a response as stored, without its bot check or contact details (a fruit-tree answer says only whether they were given).',
    },
    StoredContact: {
      ...object({
        responseId: uuid,
        topic,
        widget: oneOfStrings(WIDGETS),
        receivedAt: instant,
        name: { type: 'string' },
        email: nullable({ type: 'string' }),
        phone: nullable({ type: 'string' }),
        fruits: {
          type: 'array',
          items: { type: 'string', pattern: SLUG_PATTERN },
          description:
            'Fruit tree: the fruits this person chose, as the latest answer of their chain has them, in no particular order. Empty for other widgets.',
        },
        branches: {
          type: 'array',
          items: { type: 'string', pattern: SLUG_PATTERN },
          description: 'Fruit tree: the branches of those fruits, each once. Empty for other widgets.',
        },
      }),
      description: 'One line of the NDJSON contact export.',
    },
    FeedbackResults: feedbackResultsSchema(),
    Stats: object({
      responses: { ...count, description: 'Responses stored.' },
      discarded: {
        type: 'array',
        description: 'Posts answered as stored but thrown away as spam, per UTC day and reason.',
        items: object({
          day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
          reason: oneOfStrings(['honeypot', 'too-fast']),
          count,
        }),
      },
    }),
    Purged: object({
      responses: { ...count, description: 'Responses deleted, with their contact details.' },
      contacts: { ...count, description: 'Contact details deleted, those of the responses deleted included.' },
      responsesBefore: {
        ...nullable(instant),
        description: 'Responses received before this went; null: kept forever.',
      },
      contactsBefore: { ...nullable(instant), description: 'Contact details received before this went; null: kept.' },
    }),
    Deleted: object({ deleted: { type: 'integer', minimum: 1, description: 'Responses deleted.' } }),
  };
}
