import type { FruitTreeAnswer, PriorityRankingAnswer } from '@participate/schema';
import type { StoredResponse } from '../store/store.js';

export const CSV_COLUMNS = [
  'id',
  'amends',
  'received_at',
  'submitted_at',
  'widget',
  'variant',
  'topic',
  'stage',
  'locale',
  'page',
  'useful',
  'rating',
  'standard_wording',
  'reasons',
  'comment',
  // Priority ranking (empty for the feedback prompt).
  'shown',
  'shuffled',
  'ranking',
  'top_max',
  'points_budget',
  'must_spend_all',
  'stopped_early',
  // Fruit tree (empty for the other widgets). Never the contact details: only whether given.
  'fruits',
  'branches',
  'efforts',
  'effort_filter',
  'view',
  'contact_given',
  'fruits_offered',
] as const;

/**
 * A cell a spreadsheet could run as a formula (OWASP CSV injection): one that starts with
 * `= + - @`, their full-width forms (which some spreadsheets read as the same), or a tab,
 * CR or LF, after any white space or zero-width characters, which spreadsheets skip and
 * readers cannot see.
 */
const FORMULA_START = /^[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;

/**
 * One RFC 4180 field. A cell that a spreadsheet would run as a formula is prefixed with
 * a single quote, so `=HYPERLINK(…)` is shown as text instead of becoming a live link.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * A ranking answer in one cell, options joined with `;`:
 * - rank and top: the options in order, most important first (`b;a;c`);
 * - points: every option shown, in the order shown, with its points (`a:6;b:4;c:0`);
 * - pairwise: each pair in the order shown, the chosen option first (`b>a`), or the two
 *   joined by `=` when the person could not decide (`a=c`).
 */
export function rankingCell(answer: PriorityRankingAnswer): string {
  switch (answer.mode) {
    case 'rank':
      return answer.order.join(';');
    case 'top':
      return answer.top.join(';');
    case 'points':
      return answer.shown.map((option) => `${option}:${String(answer.points[option] ?? 0)}`).join(';');
    case 'pairwise':
      return answer.comparisons
        .map(({ a, b, choice }) => (choice === 'a' ? `${a}>${b}` : choice === 'b' ? `${b}>${a}` : `${a}=${b}`))
        .join(';');
  }
}

/**
 * A fruit-tree answer's lists, each joined with `;`: the fruits chosen, in the order the
 * answer gives them (which means nothing); the effort of each, in the same order; and the
 * branches they grow on, each once, in the order first met.
 */
export function fruitCells(answer: FruitTreeAnswer): { fruits: string; branches: string; efforts: string } {
  return {
    fruits: answer.chosen.map((choice) => choice.fruit).join(';'),
    branches: [...new Set(answer.chosen.map((choice) => choice.branch))].join(';'),
    efforts: answer.chosen.map((choice) => choice.effort).join(';'),
  };
}

export function csvCells(response: StoredResponse): string[] {
  const { answer } = response;
  const feedback = 'variant' in answer ? answer : undefined;
  const ranking = 'mode' in answer ? answer : undefined;
  const fruitTree = 'chosen' in answer ? answer : undefined;
  const fruits = fruitTree ? fruitCells(fruitTree) : undefined;
  return [
    response.id,
    response.amends ?? '',
    response.receivedAt,
    response.submittedAt,
    response.widget,
    response.variant,
    response.topic,
    response.stage ?? '',
    response.locale,
    response.page,
    feedback?.variant === 'page-useful' ? feedback.useful : '',
    feedback?.variant === 'fft' ? feedback.rating : '',
    feedback?.variant === 'fft' ? String(feedback.standardWording) : '',
    feedback?.variant === 'page-useful' ? (feedback.reasons ?? []).join(';') : '',
    feedback?.comment ?? '',
    ranking?.shown.join(';') ?? '',
    ranking ? String(ranking.shuffled) : '',
    ranking ? rankingCell(ranking) : '',
    ranking?.mode === 'top' ? String(ranking.max) : '',
    ranking?.mode === 'points' ? String(ranking.budget) : '',
    ranking?.mode === 'points' ? String(ranking.mustSpendAll) : '',
    ranking?.mode === 'pairwise' ? String(ranking.stoppedEarly) : '',
    fruits?.fruits ?? '',
    fruits?.branches ?? '',
    fruits?.efforts ?? '',
    fruitTree?.effortFilter ?? '',
    fruitTree?.view ?? '',
    fruitTree ? String(fruitTree.contactGiven) : '',
    fruitTree ? String(fruitTree.offered) : '',
  ];
}

/** The header row, then one line per response. */
export async function* csvLines(responses: AsyncIterable<StoredResponse>): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  for await (const response of responses) yield csvLine(csvCells(response));
}
