import { FFT_RATINGS, LIMITS, SLUG_PATTERN, USEFUL_ANSWERS } from '@participate/schema';
import { count, countsOf, nullable, object, type JsonSchema } from './json-schema.js';

const percent: JsonSchema = { type: 'integer', minimum: 0, maximum: 100 };
const month: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}$',
  description: 'A calendar month (YYYY-MM) in `timeZone`.',
};

const pageUsefulCounts = {
  suppressed: { const: false },
  total: count,
  answers: countsOf(USEFUL_ANSWERS),
  reasons: {
    type: 'array',
    description: 'Reasons ticked, most often given first; a person may tick several.',
    items: object({ reason: { type: 'string', pattern: SLUG_PATTERN }, count }),
  },
};

const fftCounts = {
  suppressed: { const: false },
  total: { ...count, description: 'Every rating, "don\'t know" included.' },
  ratings: countsOf(FFT_RATINGS),
  percentPositive: { ...percent, description: 'Very good + good, of the total; halves rounded up.' },
  percentNegative: { ...percent, description: 'Poor + very poor, of the total; halves rounded up.' },
};

const suppressed = { suppressed: { const: true } };

/** Counts, or only `suppressed: true` when the group is too small to show. */
const group = (counts: Record<string, JsonSchema>): JsonSchema => ({ oneOf: [object(counts), object(suppressed)] });
const months = (counts: Record<string, JsonSchema>): JsonSchema => ({
  type: 'array',
  description: 'In ascending order; only months with answers.',
  items: { oneOf: [object({ month, ...counts }), object({ month, ...suppressed })] },
});

/** The body of `GET /v1/results`: counts only, never an answer's text or anything about a person. */
export function feedbackResultsSchema(): JsonSchema {
  return object({
    topic: { type: 'string', maxLength: LIMITS.topicLength, pattern: SLUG_PATTERN },
    timeZone: { type: 'string', description: 'The IANA time zone the months are cut in.' },
    minGroupSize: { ...count, description: 'Groups with fewer responses than this are suppressed.' },
    feedback: object({
      pageUseful: {
        ...nullable(object({ overall: group(pageUsefulCounts), months: months(pageUsefulCounts) })),
        description:
          '"Is this page useful?". Null when there are no answers. The overall is suppressed too when it would give away the months suppressed.',
      },
      fft: {
        ...nullable(object({ months: months(fftCounts) })),
        description: 'Friends and Family Test, month by month. Null when there are no answers.',
      },
    }),
  });
}
