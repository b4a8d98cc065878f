import type { PairwiseComparison } from '@participate/schema';
import { optionsCompared } from './pairwise.js';

export interface WinRate {
  /** Comparisons the option appeared in, "can't decide" included. */
  comparisons: number;
  wins: number;
  losses: number;
  cantDecide: number;
  /** wins / (wins + losses); null when every comparison it was in was undecided. */
  winRate: number | null;
}

/** Per option: how often it was chosen when a choice was made, with undecided pairs counted apart. */
export function winRates(comparisons: readonly PairwiseComparison[]): Map<string, WinRate> {
  const rates = new Map(
    optionsCompared(comparisons).map((option) => [
      option,
      { comparisons: 0, wins: 0, losses: 0, cantDecide: 0, winRate: null as number | null },
    ]),
  );
  for (const { a, b, choice } of comparisons) {
    const first = rates.get(a);
    const second = rates.get(b);
    // Stryker disable next-line ConditionalExpression,LogicalOperator: both are in the map, built from the same comparisons; the check is for the types.
    if (first === undefined || second === undefined) continue;
    first.comparisons += 1;
    second.comparisons += 1;
    if (choice === 'cant-decide') {
      first.cantDecide += 1;
      second.cantDecide += 1;
    } else {
      const [winner, loser] = choice === 'a' ? [first, second] : [second, first];
      winner.wins += 1;
      loser.losses += 1;
    }
  }
  for (const rate of rates.values()) {
    const decided = rate.wins + rate.losses;
    rate.winRate = decided > 0 ? rate.wins / decided : null;
  }
  return rates;
}
