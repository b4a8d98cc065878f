import type { LatestAnswer } from '../store/store.js';
import { feedbackTally, fruitTreeAnswers, rankingAnswers } from './answers.js';
import { feedbackResults } from './feedback-results.js';
import { fruitTreeResults } from './fruit-tree-results.js';
import { rankingResults } from './ranking-results.js';

/** How public results are cut and protected; the same for every topic of a collector. */
export interface ResultsSettings {
  /** Groups with fewer responses than this are reported as suppressed. */
  minGroupSize: number;
  /** IANA time zone whose calendar months the results are cut into. */
  timeZone: string;
}

/**
 * The body of `GET /v1/results` for one topic, from the latest answer of each of its chains.
 * Deterministic: the same answers in the same order give the same text, so it can be kept and
 * compared by hash.
 */
export function topicResults(topic: string, answers: readonly LatestAnswer[], settings: ResultsSettings): string {
  const { minGroupSize, timeZone } = settings;
  const ofTopic = answers.filter((latest) => latest.topic === topic);
  return JSON.stringify({
    ...feedbackResults(feedbackTally(ofTopic), { topic, minGroupSize, timeZone }),
    ranking: rankingResults(rankingAnswers(ofTopic), minGroupSize),
    fruitTree: fruitTreeResults(fruitTreeAnswers(ofTopic), minGroupSize),
  });
}
