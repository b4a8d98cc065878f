import type { FftRating, Usefulness } from '@participate/schema';
import type { FftRatingCounts } from '../fft.js';
import { wholePercent } from '../fft.js';
import type { FeedbackResults, FftCounts, Monthly, PageUsefulCounts, SuppressedGroup } from '../feedback-results.js';
import {
  byPublishedCount,
  publish,
  publishRecord,
  roundToBase,
  type DisclosurePolicy,
  type Published,
} from './counts.js';

export interface PublishedPageUseful {
  suppressed: false;
  total: Published;
  answers: Record<Usefulness, Published>;
  /** Reasons given by too few people to show are left out: that anyone gave them is telling. */
  reasons: { reason: string; count: number }[];
}

export interface PublishedFft {
  suppressed: false;
  total: Published;
  ratings: Record<keyof FftRatingCounts, Published>;
  /**
   * Worked out from the rounded counts, so that they say no more than the counts do; null
   * when a rating they add up is hidden.
   */
  percentPositive: number | null;
  percentNegative: number | null;
}

export interface PublishedFeedback {
  pageUseful: {
    overall: PublishedPageUseful | SuppressedGroup;
    months: Monthly<PublishedPageUseful | SuppressedGroup>[];
  } | null;
  fft: { months: Monthly<PublishedFft | SuppressedGroup>[] } | null;
}

function pageUseful(exact: PageUsefulCounts, policy: DisclosurePolicy): PublishedPageUseful {
  return {
    suppressed: false,
    total: publish(exact.total, policy),
    answers: publishRecord(exact.answers, policy),
    // A person may give several reasons: they add up to no total, so each stands on its own.
    reasons: exact.reasons
      .flatMap(({ reason, count }) => {
        const shown = publish(count, policy);
        return shown === null ? [] : [{ reason, count: shown }];
      })
      .sort(
        byPublishedCount(
          (item) => item.count,
          (item) => item.reason,
        ),
      ),
  };
}

function fft(exact: FftCounts, policy: DisclosurePolicy): PublishedFft {
  const ratings = publishRecord(exact.ratings, policy);
  const total = roundToBase(exact.total, policy.roundTo);
  const percentOf = (...rated: FftRating[]) => {
    if (total === 0) return null;
    const part = rated.reduce<number | null>(
      (sum, rating) => (sum === null || ratings[rating] === null ? null : sum + ratings[rating]),
      0,
    );
    return part === null ? null : wholePercent(part, total);
  };
  return {
    suppressed: false,
    total: publish(exact.total, policy),
    ratings,
    percentPositive: percentOf('very-good', 'good'),
    percentNegative: percentOf('poor', 'very-poor'),
  };
}

const group =
  <Exact extends { suppressed: false }, Shown>(show: (exact: Exact, policy: DisclosurePolicy) => Shown) =>
  (exact: Exact | SuppressedGroup, policy: DisclosurePolicy): Shown | SuppressedGroup =>
    exact.suppressed ? { suppressed: true } : show(exact, policy);

const monthly =
  <Exact extends { suppressed: false }, Shown>(show: (exact: Exact, policy: DisclosurePolicy) => Shown) =>
  ({ month, ...exact }: Monthly<Exact | SuppressedGroup>, policy: DisclosurePolicy) => ({
    month,
    ...group(show)(exact as Exact | SuppressedGroup, policy),
  });

/** The feedback prompt's public figures: groups already suppressed stay so, the rest rounded. */
export function publishFeedback(exact: FeedbackResults['feedback'], policy: DisclosurePolicy): PublishedFeedback {
  return {
    pageUseful: exact.pageUseful && {
      overall: group(pageUseful)(exact.pageUseful.overall, policy),
      months: exact.pageUseful.months.map((month) => monthly(pageUseful)(month, policy)),
    },
    fft: exact.fft && { months: exact.fft.months.map((month) => monthly(fft)(month, policy)) },
  };
}
