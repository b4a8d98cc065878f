import { FFT_RATINGS } from '@participate/schema';
import { csvLine } from '../export/csv.js';
import type { TallyRow } from './answers.js';
import { fftSummary, noFftRatings, ratingOf, type FftRatingCounts } from './fft.js';
import { monthOfHourIn } from './month.js';
import { byText } from './ranking/ballot.js';

export const FFT_REPORT_COLUMNS = [
  'topic',
  'very_good',
  'good',
  'neither',
  'poor',
  'very_poor',
  'dont_know',
  'total',
  'percent_positive',
  'percent_negative',
] as const;

export interface FftReportOptions {
  /** The calendar month to report, YYYY-MM. */
  month: string;
  /** IANA time zone whose calendar month is meant. */
  timeZone: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `value` if it is a calendar month written YYYY-MM (2026-10), else undefined. */
export function parseMonth(value: unknown): string | undefined {
  return typeof value === 'string' && MONTH.test(value) ? value : undefined;
}

/**
 * One month's Friends and Family Test counts per topic, as CSV for the organisation's
 * monthly return: a header, then one line per topic that had FFT answers that month,
 * by topic. Nothing is suppressed, unlike the public results: the return needs every
 * count, and only an administrator with access to the database can run it.
 */
export function fftReportCsv(rows: readonly TallyRow[], { month, timeZone }: FftReportOptions): string {
  if (parseMonth(month) === undefined) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const monthOf = monthOfHourIn(timeZone);
  const topics = new Map<string, FftRatingCounts>();
  for (const row of rows) {
    const rating = ratingOf(row.key);
    if (row.variant !== 'fft' || rating === undefined || row.count <= 0 || monthOf(row.hour) !== month) continue;
    const ratings = topics.get(row.topic) ?? noFftRatings();
    ratings[rating] += row.count;
    topics.set(row.topic, ratings);
  }
  const lines = [...topics]
    .sort(([a], [b]) => byText(a, b))
    .map(([topic, ratings]) => {
      const { total, percentPositive, percentNegative } = fftSummary(ratings);
      const counts = FFT_RATINGS.map((rating) => String(ratings[rating]));
      return csvLine([topic, ...counts, String(total), String(percentPositive), String(percentNegative)]);
    });
  return [csvLine(FFT_REPORT_COLUMNS), ...lines].join('');
}
