import type { PairwiseComparison } from '@participate/schema';
import { byText } from './ballot.js';

/** One decided comparison: `winner` was chosen over `loser`. */
export interface PairwiseOutcome {
  winner: string;
  loser: string;
}

/** The decided comparisons of a set of answers, in order; "can't decide" dropped. */
export function decidedOutcomes(comparisons: readonly PairwiseComparison[]): PairwiseOutcome[] {
  const outcomes: PairwiseOutcome[] = [];
  for (const { a, b, choice } of comparisons) {
    if (choice === 'a') outcomes.push({ winner: a, loser: b });
    else if (choice === 'b') outcomes.push({ winner: b, loser: a });
  }
  return outcomes;
}

/** Every option named in any comparison, in code-point order. */
export function optionsCompared(comparisons: readonly PairwiseComparison[]): string[] {
  const options = new Set<string>();
  for (const { a, b } of comparisons) options.add(a).add(b);
  return [...options].sort(byText);
}
