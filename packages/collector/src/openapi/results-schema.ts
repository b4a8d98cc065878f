import {
  EFFORTS,
  EFFORT_FILTERS,
  FFT_RATINGS,
  FRUIT_TREE_VIEWS,
  LIMITS,
  RANKING_MODES,
  SLUG_PATTERN,
  USEFUL_ANSWERS,
} from '@participate/schema';
import { count as exactCount, nullable, object, oneOfStrings, type JsonSchema } from './json-schema.js';

/**
 * A published count: rounded to `roundTo`, or null when under `minGroupSize` (or hidden so that
 * another hidden count does not follow from a total).
 */
const count: JsonSchema = {
  anyOf: [exactCount, { type: 'null' }],
  description: 'Rounded to the nearest `roundTo`; null when too few to show.',
};
/** A count that is always shown (rounded): points, or a total of a group already big enough to show. */
const roundedCount: JsonSchema = { ...exactCount, description: 'Rounded to the nearest `roundTo`.' };
const countsOf = (words: readonly string[]): JsonSchema =>
  object(Object.fromEntries(words.map((word) => [word, count])));

const figure = (description: string): JsonSchema => ({ type: 'number', description });
const fraction = (description: string): JsonSchema => ({ type: 'number', minimum: 0, maximum: 1, description });
const orNull = (schema: JsonSchema, description: string): JsonSchema => ({ ...nullable(schema), description });

const percent: JsonSchema = { type: 'integer', minimum: 0, maximum: 100 };
const month: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}$',
  description: 'A calendar month (YYYY-MM) in `timeZone`.',
};

const pageUsefulCounts = {
  suppressed: { const: false },
  total: roundedCount,
  answers: countsOf(USEFUL_ANSWERS),
  reasons: {
    type: 'array',
    description:
      'Reasons ticked, most often given first; a person may tick several. Reasons given by fewer than `minGroupSize` people are left out.',
    items: object({ reason: { type: 'string', pattern: SLUG_PATTERN }, count: roundedCount }),
  },
};

const fftCounts = {
  suppressed: { const: false },
  total: { ...roundedCount, description: 'Every rating, "don\'t know" included; rounded.' },
  ratings: countsOf(FFT_RATINGS),
  percentPositive: orNull(
    { ...percent, description: 'Very good + good, of the total, from the rounded counts; halves rounded up.' },
    'Null when very good or good is hidden.',
  ),
  percentNegative: orNull(
    { ...percent, description: 'Poor + very poor, of the total, from the rounded counts; halves rounded up.' },
    'Null when poor or very poor is hidden.',
  ),
};

const suppressed = { suppressed: { const: true } };

/** Counts, or only `suppressed: true` when the group is too small to show. */
const group = (counts: Record<string, JsonSchema>): JsonSchema => ({ oneOf: [object(counts), object(suppressed)] });
const months = (counts: Record<string, JsonSchema>): JsonSchema => ({
  type: 'array',
  description: 'In ascending order; only months with answers.',
  items: { oneOf: [object({ month, ...counts }), object({ month, ...suppressed })] },
});

const option: JsonSchema = { type: 'string', pattern: SLUG_PATTERN, description: "An option's value." };

/** One mode's figures, only its count when suppressed, or null when nobody answered in that mode. */
function mode(figures: Record<string, JsonSchema>, description: string): JsonSchema {
  const responses = { ...roundedCount, description: 'Responses in this mode, the latest of each chain; rounded.' };
  return {
    description: `${description} Null when nobody answered in this mode; only \`suppressed: true\` when fewer than \`minGroupSize\`.`,
    anyOf: [object({ responses, suppressed: { const: false }, ...figures }), object(suppressed), { type: 'null' }],
  };
}

const rankedOptions: JsonSchema = {
  type: 'array',
  description: 'Every option shown, in Schulze order over rounded pair counts (ties in code-point order).',
  items: object({
    option,
    borda: {
      ...roundedCount,
      description: 'Borda total: m − p for position p of m shown; 0 when not chosen. Rounded.',
    },
    firstPreferences: { ...count, description: 'Responses that put it first.' },
    ranked: { ...count, description: 'Responses that ranked it (top: that chose it).' },
    meanPosition: orNull(
      figure('1 = most important; from the rounded total of positions and `ranked`; 4 decimal places.'),
      'Null when `ranked` is 0 or hidden.',
    ),
    schulzeBeats: {
      ...exactCount,
      description: 'Options it beats by the Schulze method, worked out from rounded pair counts.',
    },
  }),
};

const pointsOptions: JsonSchema = {
  type: 'array',
  description: 'Every option shown, highest mean first (ties in code-point order).',
  items: object({
    option,
    shownTo: { ...count, description: 'Responses that showed it.' },
    total: { ...roundedCount, description: 'Points given to it, rounded.' },
    mean: orNull(
      figure('Rounded `total` over rounded `shownTo`, none given counting as 0; 4 decimal places.'),
      'Null when `shownTo` is 0 or hidden.',
    ),
    share: fraction('Its rounded points as a fraction of all rounded points; 4 decimal places.'),
  }),
};

const pairwiseOptions: JsonSchema = {
  type: 'array',
  description: 'Every option shown, strongest first (ties in code-point order).',
  items: object({
    option,
    comparisons: { ...count, description: 'Pairs it was in, "can\'t decide" included.' },
    wins: count,
    losses: count,
    cantDecide: count,
    winRate: orNull(fraction('Wins over decided comparisons.'), 'Null when it was in no decided comparison.'),
    strength: fraction(
      'Bradley–Terry strength fitted to rounded pair counts; the strengths add up to 1 (to rounding).',
    ),
  }),
};

function rankingSchema(): JsonSchema {
  return orNull(
    object({
      responses: {
        ...count,
        description:
          'Ranking responses counted, every mode: the latest of each chain. Null when it would give away the one mode hidden.',
      },
      modes: { type: 'array', items: oneOfStrings(RANKING_MODES), description: 'The modes answered.' },
      rank: mode({ options: rankedOptions }, 'Full rankings.'),
      top: mode({ options: rankedOptions }, 'Top few chosen and ordered.'),
      points: mode({ options: pointsOptions }, 'Points shared out.'),
      pairwise: mode(
        {
          comparisons: { ...count, description: 'Every pair compared, "can\'t decide" included.' },
          cantDecide: count,
          stoppedEarly: { ...count, description: 'Responses that stopped before the last pair.' },
          options: pairwiseOptions,
        },
        'Pairs compared.',
      ),
    }),
    'The priority ranking, mode by mode. Null when the topic has no ranking answers.',
  );
}

const value = (description: string): JsonSchema => ({ type: 'string', pattern: SLUG_PATTERN, description });
const people = (description: string): JsonSchema => ({ ...count, description });

function fruitTreeSchema(): JsonSchema {
  const responses = { ...roundedCount, description: 'People counted: the latest response of each chain; rounded.' };
  const figures = {
    fruits: {
      type: 'array',
      description:
        'Each fruit chosen by enough people to show, most people first (ties in code-point order). A fruit moved to another branch or effort between answers is listed once per placing.',
      items: object({
        fruit: value("The fruit's value."),
        branch: value('The branch it grows on.'),
        effort: oneOfStrings(EFFORTS, 'What it asks of a person.'),
        people: { ...roundedCount, description: 'People who chose it, rounded.' },
      }),
    },
    branches: {
      type: 'array',
      description:
        'Each branch chosen on by enough people to show, most people first (ties in code-point order). Branches have no order of their own: not a ladder.',
      items: object({
        branch: value("The branch's value."),
        people: { ...roundedCount, description: 'People who chose at least one fruit on it, rounded.' },
        fruits: people('Fruits chosen on it, all people together.'),
      }),
    },
    branchesPerPerson: {
      type: 'array',
      description:
        'How many people chose fruits on 1, 2, 3, … different branches: every number from 1 to the most that enough people chose to show.',
      items: object({ branches: { type: 'integer', minimum: 1 }, people: count }),
    },
    efforts: { ...countsOf(EFFORTS), description: 'Fruits chosen, by the effort each asks.' },
    effortFilters: {
      ...countsOf(EFFORT_FILTERS),
      description: 'People, by the "How much time can you give?" filter set when they sent their answer.',
    },
    views: { ...countsOf(FRUIT_TREE_VIEWS), description: 'People, by the view they answered in.' },
    contactGiven: people('People who gave contact details with their answer (a count only, never the details).'),
  };
  return {
    description:
      'The participation fruit tree: the mix of involvement people chose. Null when the topic has no fruit-tree answers; only `suppressed: true` when fewer than `minGroupSize`.',
    anyOf: [object({ responses, suppressed: { const: false }, ...figures }), object(suppressed), { type: 'null' }],
  };
}

/** The body of `GET /v1/results`: counts only, never an answer's text or anything about a person. */
export function feedbackResultsSchema(): JsonSchema {
  return object({
    topic: { type: 'string', maxLength: LIMITS.topicLength, pattern: SLUG_PATTERN },
    timeZone: { type: 'string', description: 'The IANA time zone the months are cut in.' },
    minGroupSize: { ...exactCount, description: 'Groups and counts of fewer people than this are not shown.' },
    roundTo: { ...exactCount, minimum: 1, description: 'Counts shown are rounded to the nearest multiple of this.' },
    countedBefore: orNull(
      month,
      'Answers whose chain began in this month or later are not counted yet: only completed months are published. Null when the month still open is published too.',
    ),
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
    ranking: rankingSchema(),
    fruitTree: fruitTreeSchema(),
  });
}
