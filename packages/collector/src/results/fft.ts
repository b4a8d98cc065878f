import { FFT_RATINGS, type FftRating } from '@participate/schema';

/** How many chose each of the six Friends and Family Test responses. */
export type FftRatingCounts = Record<FftRating, number>;

export interface FftSummary {
  ratings: FftRatingCounts;
  total: number;
  percentPositive: number;
  percentNegative: number;
}

export const noFftRatings = (): FftRatingCounts =>
  Object.fromEntries(FFT_RATINGS.map((rating) => [rating, 0])) as FftRatingCounts;

const RATING_KEY = 'rating:';

/** The rating a tally key counts (`rating:very-good`), or undefined for any other key. */
export function ratingOf(key: string): FftRating | undefined {
  if (!key.startsWith(RATING_KEY)) return undefined;
  const rating = key.slice(RATING_KEY.length);
  return (FFT_RATINGS as readonly string[]).includes(rating) ? (rating as FftRating) : undefined;
}

/**
 * `part` of `total` as a whole percentage, halves rounded up (12.5 → 13), in integers so
 * that no floating-point error can tip a half either way. `total` must be above zero.
 */
export function wholePercent(part: number, total: number): number {
  return Math.floor((200 * part + total) / (2 * total));
}

/**
 * Totals and percentages as NHS England calculates them. Since October 2014 NHS England
 * has presented FFT results as the percentage of respondents who would or would not
 * recommend the service, in place of the older Net Promoter Score. The denominator is
 * every response, "don't know" included: NHS trusts publish the formula as positive
 * responses divided by the sum of all six, and when GP practices objected in 2015 that
 * "don't know" lowered their score, NHS England said it would keep publishing it that way.
 * The 2020 scale (very good … very poor, don't know) kept the same calculation:
 * positive = very good + good, negative = poor + very poor, "neither" and "don't know"
 * in neither but both in the total. NHS England's tables show whole percentages; we found
 * no published rule for halves, so halves are rounded up.
 */
export function fftSummary(ratings: FftRatingCounts): FftSummary {
  const total = FFT_RATINGS.reduce((sum, rating) => sum + ratings[rating], 0);
  return {
    ratings,
    total,
    percentPositive: wholePercent(ratings['very-good'] + ratings.good, total),
    percentNegative: wholePercent(ratings.poor + ratings['very-poor'], total),
  };
}
