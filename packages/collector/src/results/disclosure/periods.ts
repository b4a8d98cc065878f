import type { LatestAnswer } from '../../store/store.js';
import { monthOfHourIn } from '../month.js';

/**
 * Only answers whose chain began in a calendar month (in `timeZone`) that has ended by `now`:
 * a month still open would let anyone read its growth from one snapshot to the next.
 */
export function closedPeriodsOnly(answers: readonly LatestAnswer[], timeZone: string, now: Date): LatestAnswer[] {
  const monthOf = monthOfHourIn(timeZone);
  const current = currentMonth(timeZone, now);
  return answers.filter((latest) => monthOf(latest.chainStartedAt.slice(0, 13)) < current);
}

/** The calendar month (YYYY-MM) in `timeZone` at `now`. */
export function currentMonth(timeZone: string, now: Date): string {
  return monthOfHourIn(timeZone)(now.toISOString().slice(0, 13));
}
