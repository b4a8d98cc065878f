import { USEFUL_ANSWERS, type Usefulness } from '@participate/schema';
import type { TallyRow } from './answers.js';
import { fftSummary, noFftRatings, ratingOf, type FftRatingCounts } from './fft.js';
import { monthOfHourIn } from './month.js';

export interface ResultsOptions {
  topic: string;
  /** Groups with fewer responses than this are reported as suppressed. */
  minGroupSize: number;
  /** IANA time zone whose calendar months the results are cut into. */
  timeZone: string;
}

/** A group too small to show: its counts could point to the people in it. */
export interface SuppressedGroup {
  suppressed: true;
}

export interface ReasonCount {
  reason: string;
  count: number;
}

/** "Is this page useful?": answers, and the reasons given with them (a person may give several). */
export interface PageUsefulCounts {
  suppressed: false;
  total: number;
  answers: Record<Usefulness, number>;
  /** Most often given first. */
  reasons: ReasonCount[];
}

export interface FftCounts {
  suppressed: false;
  total: number;
  ratings: FftRatingCounts;
  percentPositive: number;
  percentNegative: number;
}

export type Monthly<Group> = { month: string } & Group;

export interface PageUsefulResults {
  overall: PageUsefulCounts | SuppressedGroup;
  months: Monthly<PageUsefulCounts | SuppressedGroup>[];
}

export interface FftResults {
  months: Monthly<FftCounts | SuppressedGroup>[];
}

/** The body of `GET /v1/results`: only counts, never an answer's text or anything about a person. */
export interface FeedbackResults {
  topic: string;
  timeZone: string;
  minGroupSize: number;
  feedback: {
    /** Null when the topic has no "Is this page useful?" answers. */
    pageUseful: PageUsefulResults | null;
    /** Null when the topic has no Friends and Family Test answers. */
    fft: FftResults | null;
  };
}

interface PageUsefulTally {
  answers: Record<Usefulness, number>;
  reasons: Map<string, number>;
}

const emptyPageUsefulTally = (): PageUsefulTally => ({ answers: { yes: 0, no: 0 }, reasons: new Map() });

function usefulnessOf(key: string): Usefulness | undefined {
  const answer = key.startsWith('useful:') ? key.slice('useful:'.length) : '';
  return (USEFUL_ANSWERS as readonly string[]).includes(answer) ? (answer as Usefulness) : undefined;
}

/** Adds one tally row to a page-useful tally; false when the row is not one it counts. */
function addPageUseful(tally: PageUsefulTally, { key, count }: TallyRow): boolean {
  const answer = usefulnessOf(key);
  if (answer !== undefined) {
    tally.answers[answer] += count;
    return true;
  }
  if (key.startsWith('reason:') && key.length > 'reason:'.length) {
    const reason = key.slice('reason:'.length);
    tally.reasons.set(reason, (tally.reasons.get(reason) ?? 0) + count);
    return true;
  }
  return false;
}

const pageUsefulTotal = (tally: PageUsefulTally) => tally.answers.yes + tally.answers.no;

function pageUsefulCounts(tally: PageUsefulTally): PageUsefulCounts {
  return {
    suppressed: false,
    total: pageUsefulTotal(tally),
    answers: { ...tally.answers },
    reasons: [...tally.reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)),
  };
}

function mergePageUseful(tallies: Iterable<PageUsefulTally>): PageUsefulTally {
  const merged = emptyPageUsefulTally();
  for (const tally of tallies) {
    for (const answer of USEFUL_ANSWERS) merged.answers[answer] += tally.answers[answer];
    for (const [reason, count] of tally.reasons) merged.reasons.set(reason, (merged.reasons.get(reason) ?? 0) + count);
  }
  return merged;
}

/** Groups rows by calendar month, in ascending order, keeping only months `add` counted something in. */
function byMonth<Tally>(
  rows: readonly TallyRow[],
  monthOf: (hour: string) => string,
  empty: () => Tally,
  add: (tally: Tally, row: TallyRow) => boolean,
): [string, Tally][] {
  const months = new Map<string, Tally>();
  for (const row of rows) {
    if (row.count <= 0) continue;
    const month = monthOf(row.hour);
    const tally = months.get(month) ?? empty();
    if (add(tally, row)) months.set(month, tally);
  }
  return [...months].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function pageUsefulResults(
  rows: readonly TallyRow[],
  monthOf: (hour: string) => string,
  minGroupSize: number,
): PageUsefulResults | null {
  const months = byMonth(rows, monthOf, emptyPageUsefulTally, addPageUseful);
  if (months.length === 0) return null;
  const isSmall = (total: number) => total < minGroupSize;
  const overall = mergePageUseful(months.map(([, tally]) => tally));
  const hiddenTotal = months
    .map(([, tally]) => pageUsefulTotal(tally))
    .filter(isSmall)
    .reduce((sum, total) => sum + total, 0);
  // The overall minus the months shown is the sum of the months hidden: when that is a
  // small group itself, showing the overall would give it away.
  const overallHidden = isSmall(pageUsefulTotal(overall)) || (hiddenTotal > 0 && isSmall(hiddenTotal));
  return {
    overall: overallHidden ? { suppressed: true } : pageUsefulCounts(overall),
    months: months.map(([month, tally]) =>
      isSmall(pageUsefulTotal(tally)) ? { month, suppressed: true } : { month, ...pageUsefulCounts(tally) },
    ),
  };
}

function addRating(ratings: FftRatingCounts, { key, count }: TallyRow): boolean {
  const rating = ratingOf(key);
  if (rating === undefined) return false;
  ratings[rating] += count;
  return true;
}

/** The Friends and Family Test is reported month by month, as NHS England collects it. */
function fftResults(
  rows: readonly TallyRow[],
  monthOf: (hour: string) => string,
  minGroupSize: number,
): FftResults | null {
  const months = byMonth(rows, monthOf, noFftRatings, addRating);
  if (months.length === 0) return null;
  return {
    months: months.map(([month, ratings]) => {
      const { total, percentPositive, percentNegative } = fftSummary(ratings);
      if (total < minGroupSize) return { month, suppressed: true as const };
      return { month, suppressed: false as const, total, ratings, percentPositive, percentNegative };
    }),
  };
}

/**
 * Turns a topic's tally into its public results. Deterministic: the same rows always give
 * the same body, key for key, so it can be cached and compared by hash.
 */
export function feedbackResults(rows: readonly TallyRow[], options: ResultsOptions): FeedbackResults {
  const { topic, minGroupSize, timeZone } = options;
  const monthOf = monthOfHourIn(timeZone);
  const ofTopic = rows.filter((row) => row.topic === topic);
  return {
    topic,
    timeZone,
    minGroupSize,
    feedback: {
      pageUseful: pageUsefulResults(
        ofTopic.filter((row) => row.variant === 'page-useful'),
        monthOf,
        minGroupSize,
      ),
      fft: fftResults(
        ofTopic.filter((row) => row.variant === 'fft'),
        monthOf,
        minGroupSize,
      ),
    },
  };
}
