// The topics the results bench seeds: three large enough that working their results out
// takes a noticeable time, and enough small ones that asking for random topics keeps
// missing the collector's kept results (it keeps 256 topics).
import { pageUsefulResponse, pairwiseResponse, rankingResponse, SEED_START } from './answers.mjs';

export const BIG_TOPICS = [
  {
    topic: 'budget-priorities',
    answers: 10_000,
    description: '10,000 rankings of 50 options',
    response: (i, submittedAt) => rankingResponse(i, submittedAt),
    counted: (results) => results.ranking?.rank?.responses,
  },
  {
    topic: 'service-priorities',
    answers: 10_000,
    description: '10,000 pairwise answers of 200 comparisons',
    response: (i, submittedAt) => pairwiseResponse(i, submittedAt, 'service-priorities'),
    counted: (results) => results.ranking?.pairwise?.responses,
  },
  {
    topic: 'gp-appointments',
    answers: 60_000,
    description: '60,000 page-useful answers with reasons',
    response: (i, submittedAt) => pageUsefulResponse(i, submittedAt, 'gp-appointments'),
    counted: (results) => results.feedback?.pageUseful?.overall?.total,
  },
];

/** Six answers each: at least the default smallest group of 5, so their results are not suppressed. */
const SMALL_TOPIC_ANSWERS = 6;

export const SMALL_TOPICS = Array.from({ length: 400 }, (_, i) => ({
  topic: `topic-${String(i + 1).padStart(3, '0')}`,
  answers: SMALL_TOPIC_ANSWERS,
  response: (j, submittedAt) => pageUsefulResponse(j, submittedAt, `topic-${String(i + 1).padStart(3, '0')}`),
}));

const BIG_ROWS = BIG_TOPICS.reduce((sum, { answers }) => sum + answers, 0);

export const SEEDED_ROWS = BIG_ROWS + SMALL_TOPICS.length * SMALL_TOPIC_ANSWERS;

/** The response seeded as row `i`: the big topics one after another, then the small ones in turn. */
function seededResponse(i, submittedAt) {
  let first = 0;
  for (const { answers, response } of BIG_TOPICS) {
    if (i < first + answers) return response(i - first, submittedAt);
    first += answers;
  }
  const j = i - BIG_ROWS;
  return SMALL_TOPICS[j % SMALL_TOPICS.length].response(Math.floor(j / SMALL_TOPICS.length), submittedAt);
}

/**
 * Row `i` of the seeded database, built by the collector's own row mapping; one response in
 * `checkEvery` is first checked against the collector's schema by `validate`.
 */
export function resultsSeedRow(validate, checkEvery = 50) {
  return (rowFrom, i) => {
    const receivedAt = SEED_START + i * 1000;
    const response = seededResponse(i, new Date(receivedAt - 400).toISOString());
    if (i % checkEvery === 0) {
      const result = validate(response);
      if (!result.ok) throw new Error(`seeded row ${i} is not a valid answer: ${result.problems[0]?.message}`);
    }
    return rowFrom(response, new Date(receivedAt).toISOString());
  };
}
