import { optionsOf } from './ballot.js';

/** One person's share-out: the options shown, and the points given (an option left out got 0). */
export interface PointsBallot {
  shown: readonly string[];
  points: Readonly<Record<string, number>>;
}

export interface PointsSummary {
  /** Ballots that showed the option: the denominator of the mean and median. */
  shownTo: number;
  /** All points it was given. */
  total: number;
  mean: number;
  median: number;
  /** Its total as a fraction of every point given to any option (0 when nobody gave any). */
  share: number;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  // Stryker disable next-line ConditionalExpression: never runs, as every option was shown to someone; the fallbacks below would give 0 as well.
  if (sorted.length === 0) return 0;
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Mean and median points per option over the people who were shown it, an option they
 * gave nothing counting as 0; and each option's share of all points given. The median of
 * an even number of ballots is the mean of the middle two.
 */
export function pointsSummaries(ballots: readonly PointsBallot[]): Map<string, PointsSummary> {
  const given = new Map(optionsOf(ballots).map((option) => [option, [] as number[]]));
  for (const { shown, points } of ballots) {
    // Stryker disable next-line OptionalChaining: every option shown is in the map, built from the same ballots.
    for (const option of shown) given.get(option)?.push(points[option] ?? 0);
  }
  const totals = new Map([...given].map(([option, values]) => [option, values.reduce((sum, v) => sum + v, 0)]));
  const grandTotal = [...totals.values()].reduce((sum, total) => sum + total, 0);
  return new Map(
    [...given].map(([option, values]) => {
      const total = totals.get(option) ?? 0;
      return [
        option,
        {
          shownTo: values.length,
          total,
          // Stryker disable next-line ConditionalExpression,EqualityOperator: every option was shown to someone, so there is always a value.
          mean: values.length > 0 ? total / values.length : 0,
          median: medianOf(values),
          share: grandTotal > 0 ? total / grandTotal : 0,
        },
      ];
    }),
  );
}
