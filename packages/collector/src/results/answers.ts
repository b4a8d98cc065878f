import type { FruitTreeAnswer, PriorityRankingAnswer } from '@participate/schema';
import type { LatestAnswer } from '../store/store.js';

/**
 * One line of a topic's tally, over the latest response of each `amends` chain. `hour`
 * is the UTC hour the chain started (YYYY-MM-DDTHH), so results can be cut into months
 * in any time zone; `key` is what was counted: `useful:yes`, `reason:out-of-date`,
 * `rating:very-good`.
 */
export interface TallyRow {
  topic: string;
  widget: string;
  variant: string;
  hour: string;
  key: string;
  count: number;
}

/** One person's fruit-tree answer: the latest response of its `amends` chain. */
export interface FruitTreeAnswerRow {
  answer: FruitTreeAnswer;
  /** True when any response of the chain came with contact details, also ones since deleted. */
  contactGiven: boolean;
}

interface FeedbackAnswerFields {
  useful?: string;
  reasons?: string[];
  rating?: string;
}

/** The keys one feedback answer counts towards; each reason once, however often it was listed. */
function feedbackKeys(variant: string, answer: FeedbackAnswerFields): string[] {
  if (variant === 'fft') return answer.rating === undefined ? [] : [`rating:${answer.rating}`];
  if (variant !== 'page-useful' || answer.useful === undefined) return [];
  return [`useful:${answer.useful}`, ...[...new Set(answer.reasons ?? [])].map((reason) => `reason:${reason}`)];
}

/**
 * Counts feedback-prompt answers by topic, variant, the UTC hour their chain began and what
 * was said, ordered by topic, hour and key.
 */
export function feedbackTally(answers: Iterable<LatestAnswer>): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const latest of answers) {
    if (latest.widget !== 'feedback-prompt') continue;
    const hour = latest.chainStartedAt.slice(0, 13);
    for (const key of feedbackKeys(latest.variant, JSON.parse(latest.answer) as FeedbackAnswerFields)) {
      const id = JSON.stringify([latest.topic, latest.variant, hour, key]);
      const row = rows.get(id) ?? {
        topic: latest.topic,
        widget: latest.widget,
        variant: latest.variant,
        hour,
        key,
        count: 0,
      };
      row.count += 1;
      rows.set(id, row);
    }
  }
  const order = (row: TallyRow) => [row.topic, row.hour, row.key, row.variant];
  return [...rows.values()].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let index = 0; index < x.length; index += 1) {
      const [p, q] = [x[index] ?? '', y[index] ?? ''];
      if (p !== q) return p < q ? -1 : 1;
    }
    return 0;
  });
}

/** The priority-ranking answers among `answers`, in the order given. */
export const rankingAnswers = (answers: readonly LatestAnswer[]): PriorityRankingAnswer[] =>
  answers
    .filter((latest) => latest.widget === 'priority-ranking')
    .map((latest) => JSON.parse(latest.answer) as PriorityRankingAnswer);

/** The fruit-tree answers among `answers`, in the order given. */
export const fruitTreeAnswers = (answers: readonly LatestAnswer[]): FruitTreeAnswerRow[] =>
  answers
    .filter((latest) => latest.widget === 'fruit-tree')
    .map((latest) => ({ answer: JSON.parse(latest.answer) as FruitTreeAnswer, contactGiven: latest.contactGiven }));
