// Answers as the widgets post them, for the benchmarks to seed and post. Each is valid
// against the collector's schema (packages/schema), and deterministic in `i` apart from
// its fresh id.
import { randomUUID } from 'node:crypto';

/** The origin of the pages the benchmarks' answers come from; the collector is told to allow it. */
export const ORIGIN = 'https://www.example.gov.uk';

/** When the first seeded row arrived; row `i` arrives `i` seconds later. */
export const SEED_START = Date.parse('2026-01-01T00:00:00.000Z');

export const RANKED_OPTIONS = Array.from({ length: 50 }, (_, i) => `option-${i + 1}`);

/** A generator of pseudo-random whole numbers below `n`, the same for the same seed. */
function lehmer(seed) {
  let state = (seed % 2147483646) + 1;
  return (n) => {
    state = (state * 48271) % 2147483647;
    return state % n;
  };
}

/** Ranking `i`: a full ranking of 50 options, in an order of its own, as a widget posts it. */
export function rankingResponse(i, submittedAt) {
  const order = [...RANKED_OPTIONS];
  let seed = i + 1;
  for (let j = order.length - 1; j > 0; j--) {
    seed = (seed * 48271) % 2147483647;
    const k = seed % (j + 1);
    [order[j], order[k]] = [order[k], order[j]];
  }
  return {
    schemaVersion: 1,
    id: randomUUID(),
    widget: 'priority-ranking',
    topic: 'budget-priorities',
    locale: 'en',
    page: `${ORIGIN}/budget`,
    submittedAt,
    answer: { mode: 'rank', shown: RANKED_OPTIONS, shuffled: false, order },
  };
}

const COMPARISONS = 200;
const CHOICES = ['a', 'a', 'b', 'cant-decide'];

/** Pairwise answer `i` to `topic`: 200 comparisons of two of the 50 options, as a widget posts it. */
export function pairwiseResponse(i, submittedAt, topic = 'service-priorities') {
  const next = lehmer(i);
  const comparisons = Array.from({ length: COMPARISONS }, () => {
    const a = next(RANKED_OPTIONS.length);
    // Another option than a: one of the other 49, counted on from a.
    const b = (a + 1 + next(RANKED_OPTIONS.length - 1)) % RANKED_OPTIONS.length;
    return { a: RANKED_OPTIONS[a], b: RANKED_OPTIONS[b], choice: CHOICES[next(CHOICES.length)] };
  });
  return {
    schemaVersion: 1,
    id: randomUUID(),
    widget: 'priority-ranking',
    topic,
    locale: 'en',
    page: `${ORIGIN}/priorities`,
    submittedAt,
    answer: { mode: 'pairwise', shown: RANKED_OPTIONS, shuffled: true, comparisons, stoppedEarly: i % 7 === 0 },
  };
}

const REASONS = ['out-of-date', 'hard-to-find', 'not-enough-detail', 'confusing', 'broken-link'];

/** "Is this page useful?" answer `i` to `topic`: every other one "no", with one to three reasons. */
export function pageUsefulResponse(i, submittedAt, topic = 'gp-appointments') {
  const answer =
    i % 2 === 0
      ? { variant: 'page-useful', useful: 'yes' }
      : { variant: 'page-useful', useful: 'no', reasons: REASONS.slice(i % 3, (i % 3) + 1 + (i % 3)) };
  return {
    schemaVersion: 1,
    id: randomUUID(),
    widget: 'feedback-prompt',
    topic,
    stage: 'improve-services',
    locale: 'en',
    page: `${ORIGIN}/${topic}/page-${i % 97}`,
    submittedAt,
    answer,
  };
}
