import type { LatestAnswer } from '../store/store.js';
import { feedbackTally, fruitTreeAnswers, rankingAnswers } from './answers.js';
import { publishFeedback } from './disclosure/feedback.js';
import { publishFruitTree } from './disclosure/fruit-tree.js';
import { closedPeriodsOnly, currentMonth } from './disclosure/periods.js';
import { publishRanking } from './disclosure/ranking.js';
import { feedbackResults } from './feedback-results.js';
import { fruitTreeResults } from './fruit-tree-results.js';
import { rankingResults } from './ranking-results.js';

/** How public results are cut and protected; the same for every topic of a collector. */
export interface ResultsSettings {
  /** Groups and counts under this many people are not shown. */
  minGroupSize: number;
  /** Counts shown are rounded to the nearest multiple of this; 1 shows them exactly. */
  roundTo: number;
  /** Count answers of the month still open too (by default only completed months are published). */
  publishOpenPeriod: boolean;
  /** IANA time zone whose calendar months the results are cut into. */
  timeZone: string;
}

/**
 * The body of `GET /v1/results` for one topic at `now`, from the latest answer of each of its
 * chains: exact results of the periods published, then disclosure control. Deterministic: the
 * same answers in the same order at the same month give the same text, so it can be kept and
 * compared by hash.
 */
export function topicResults(
  topic: string,
  answers: readonly LatestAnswer[],
  settings: ResultsSettings,
  now: Date,
): string {
  const { minGroupSize, roundTo, publishOpenPeriod, timeZone } = settings;
  const policy = { minGroupSize, roundTo };
  const ofTopic = answers.filter((latest) => latest.topic === topic);
  const counted = publishOpenPeriod ? ofTopic : closedPeriodsOnly(ofTopic, timeZone, now);
  const exact = feedbackResults(feedbackTally(counted), { topic, minGroupSize, timeZone });
  const ranking = rankingAnswers(counted);
  return JSON.stringify({
    topic,
    timeZone,
    minGroupSize,
    roundTo,
    countedBefore: publishOpenPeriod ? null : currentMonth(timeZone, now),
    feedback: publishFeedback(exact.feedback, policy),
    ranking: publishRanking(rankingResults(ranking, minGroupSize), ranking, policy),
    fruitTree: publishFruitTree(fruitTreeResults(fruitTreeAnswers(counted), minGroupSize), policy),
  });
}
