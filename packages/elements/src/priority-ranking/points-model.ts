/**
 * The arithmetic of `points` mode, kept apart from the DOM. A person's entries are kept as
 * the text they typed (so nothing they wrote is lost on an error); these functions read that
 * text, add it up and say what, if anything, is wrong.
 */

/** What one box holds, read: a whole number, nothing (counts as 0), or a problem. */
export type Entry =
  { kind: 'points'; points: number } | { kind: 'empty' } | { kind: 'negative' } | { kind: 'not-whole' };

/** Reads a box's text. Spaces around are ignored; "1,000" is read as 1000. */
export function readEntry(raw: string | undefined): Entry {
  const text = (raw ?? '').trim().replace(/,/g, '');
  if (text === '') return { kind: 'empty' };
  if (/^[-\u2212]\s*\d+(\.\d+)?$/.test(text)) return { kind: 'negative' };
  if (!/^\d+$/.test(text)) return { kind: 'not-whole' };
  return { kind: 'points', points: Number(text) };
}

/** The points an entry counts for in the running total (0 for anything that is not a number). */
export function pointsOf(raw: string | undefined): number {
  const entry = readEntry(raw);
  return entry.kind === 'points' ? entry.points : 0;
}

/** Points given so far, counting only boxes that hold whole numbers. */
export function spent(entries: Readonly<Record<string, string>>, values: readonly string[]): number {
  return values.reduce((sum, value) => sum + pointsOf(entries[value]), 0);
}

/** A problem found on checking: with one box (`value`) or with the total (`value` undefined). */
export type PointsProblem =
  | { kind: 'negative' | 'not-whole'; value: string }
  | { kind: 'over'; value?: undefined; spent: number; budget: number }
  | { kind: 'not-all-spent'; value?: undefined; left: number; budget: number }
  | { kind: 'none-given'; value?: undefined };

/** Everything wrong with the entries, boxes first in the order shown, then the total. */
export function pointsProblems(
  entries: Readonly<Record<string, string>>,
  values: readonly string[],
  budget: number,
  mustSpendAll: boolean,
): PointsProblem[] {
  const problems: PointsProblem[] = [];
  for (const value of values) {
    const { kind } = readEntry(entries[value]);
    if (kind === 'negative' || kind === 'not-whole') problems.push({ kind, value });
  }
  if (problems.length > 0) return problems;
  const total = spent(entries, values);
  if (total > budget) problems.push({ kind: 'over', spent: total, budget });
  else if (mustSpendAll && total < budget) problems.push({ kind: 'not-all-spent', left: budget - total, budget });
  else if (total === 0) problems.push({ kind: 'none-given' });
  return problems;
}

/** The points to send: every option shown, 0 where nothing was given. Only call once there are no problems. */
export function pointsAnswer(
  entries: Readonly<Record<string, string>>,
  values: readonly string[],
): Record<string, number> {
  return Object.fromEntries(values.map((value) => [value, pointsOf(entries[value])]));
}

/**
 * What a − or + press makes of a box: `step` fewer or more, never below 0 and never taking the
 * total over `budget`. Text that is not a number starts from 0.
 */
export function stepped(
  entries: Readonly<Record<string, string>>,
  values: readonly string[],
  value: string,
  by: number,
  budget: number,
): number {
  const current = pointsOf(entries[value]);
  if (by < 0) return Math.max(0, current + by);
  const others = spent(entries, values) - current;
  return Math.max(current, Math.min(current + by, budget - others));
}

/** The step for − and +: `step` when it is a whole number from 1, else a tenth of the budget (at least 1). */
export function stepFor(step: number | undefined, budget: number): number {
  if (step !== undefined && Number.isInteger(step) && step >= 1) return Math.min(step, budget);
  return Math.max(1, Math.round(budget / 10));
}
