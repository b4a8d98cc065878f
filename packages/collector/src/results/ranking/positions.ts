import { optionsOf, type Ballot } from './ballot.js';

export interface PositionSummary {
  /** Ballots that ranked the option (for top-N: that chose it). */
  ranked: number;
  /** Mean of its positions (1 = most important) on those ballots; null when none ranked it. */
  meanPosition: number | null;
}

/**
 * Mean position of each option among the ballots that ranked it. For a full ranking this
 * is every ballot that showed it; for top-N it is only the people who chose it, so read
 * it with `ranked` beside it: first for 2 people is not first for 200.
 */
export function meanPositions(ballots: readonly Ballot[]): Map<string, PositionSummary> {
  const sums = new Map(optionsOf(ballots).map((option) => [option, { ranked: 0, total: 0 }]));
  for (const { ranked } of ballots) {
    ranked.forEach((option, index) => {
      // Stryker disable next-line ObjectLiteral: a ranked option is one shown, so its sum is always in the map.
      const sum = sums.get(option) ?? { ranked: 0, total: 0 };
      sum.ranked += 1;
      sum.total += index + 1;
      sums.set(option, sum);
    });
  }
  return new Map(
    [...sums].map(([option, { ranked, total }]) => [
      option,
      { ranked, meanPosition: ranked > 0 ? total / ranked : null },
    ]),
  );
}
