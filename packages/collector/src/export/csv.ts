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
] as const;

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

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

export function csvCells(response: StoredResponse): string[] {
  const { answer } = response;
  const feedback = 'variant' in answer ? answer : undefined;
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
  ];
}

/** The header row, then one line per response. */
export async function* csvLines(responses: AsyncIterable<StoredResponse>): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  for await (const response of responses) yield csvLine(csvCells(response));
}
