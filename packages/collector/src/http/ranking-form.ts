import type { ProblemKey } from '../html/messages.js';

type FieldValue = string | string[] | undefined;

/** What a ranking form gave: an answer for the validator to judge, or what the person must fix. */
export type RankingFormResult = { answer: Record<string, unknown>; problems: [] } | { problems: ProblemKey[] };

const WHOLE_NUMBER = /^\d{1,15}$/;

/** A whole number typed in a box, spaces allowed around it; undefined for anything else. */
function wholeNumber(value: FieldValue): number | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return WHOLE_NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

/** A setting the form author put in a hidden field: a number when it is one, else as sent, for the validator. */
function setting(value: FieldValue): unknown {
  return wholeNumber(value) ?? value;
}

const isBlank = (value: FieldValue) => value === undefined || (typeof value === 'string' && value.trim() === '');

/** The options named by `<prefix><value>` fields, in the order the form sent them, with what was typed. */
function optionFields(fields: Readonly<Record<string, FieldValue>>, prefix: string): [string, FieldValue][] {
  return Object.entries(fields)
    .filter(([name]) => name.startsWith(prefix))
    .map(([name, value]) => [name.slice(prefix.length), value]);
}

/**
 * Positions typed for rank or top: every box filled for rank, at least one for top; whole
 * numbers from 1, each used once. The options come back sorted by the numbers typed.
 */
function ordered(boxes: [string, FieldValue][], everyOption: boolean): string[] | ProblemKey {
  const filled = boxes.filter(([, value]) => !isBlank(value));
  if (everyOption && filled.length < boxes.length) return 'rankEveryOption';
  if (filled.length === 0) return 'chooseTop';
  const positions = filled.map(([option, value]) => [option, wholeNumber(value)] as const);
  const numbers = positions.map(([, position]) => position);
  if (numbers.some((position) => position === undefined || position < 1) || new Set(numbers).size < numbers.length) {
    return 'rankNumbersInvalid';
  }
  return positions.sort(([, a], [, b]) => (a ?? 0) - (b ?? 0)).map(([option]) => option);
}

/**
 * Builds a priority-ranking answer from the no-JavaScript form. `shown` is the options in
 * the order the form lists them and `shuffled` is false: a plain form cannot shuffle.
 * - `mode=rank`: a box `rank.<value>` per option, each given a different number, 1 = most important.
 * - `mode=top`: the same boxes, filled only for the options chosen; `max` (hidden) is how many may be.
 * - `mode=points`: a box `points.<value>` per option, a whole number (blank is stored as 0); `budget`
 *   (hidden) is the points to share and `mustSpendAll=true` (hidden) asks for all of them.
 * Anything the person could not have caused (no mode, a bad option value, no budget) is
 * left for the validator, which reports it as a broken form.
 */
export function rankingAnswerFromForm(fields: Readonly<Record<string, FieldValue>>): RankingFormResult {
  const mode = fields.mode;
  if (mode === 'rank' || mode === 'top') {
    const boxes = optionFields(fields, 'rank.');
    const shown = boxes.map(([option]) => option);
    if (boxes.length === 0) return { answer: { mode, shown, shuffled: false }, problems: [] };
    const order = ordered(boxes, mode === 'rank');
    if (typeof order === 'string') return { problems: [order] };
    if (mode === 'rank') return { answer: { mode, shown, shuffled: false, order }, problems: [] };
    const max = setting(fields.max);
    if (typeof max === 'number' && order.length > max) return { problems: ['tooManyChosen'] };
    return { answer: { mode, shown, shuffled: false, max, top: order }, problems: [] };
  }
  if (mode === 'points') {
    const boxes = optionFields(fields, 'points.');
    const points: Record<string, number> = {};
    for (const [option, value] of boxes) {
      // A blank box is 0, stored as the widget sends it: every option shown has its points.
      const given = isBlank(value) ? 0 : wholeNumber(value);
      if (given === undefined) return { problems: ['pointsInvalid'] };
      points[option] = given;
    }
    const budget = setting(fields.budget);
    const mustSpendAll = fields.mustSpendAll === 'true';
    const spent = Object.values(points).reduce((sum, given) => sum + given, 0);
    if (typeof budget === 'number' && spent > budget) return { problems: ['pointsOverBudget'] };
    if (typeof budget === 'number' && mustSpendAll && spent !== budget) return { problems: ['pointsNotAllSpent'] };
    const shown = boxes.map(([option]) => option);
    return { answer: { mode, shown, shuffled: false, budget, mustSpendAll, points }, problems: [] };
  }
  // No mode, pairwise (which needs the widget) or an unknown one: the validator says the form is broken.
  return { answer: mode === undefined ? {} : { mode }, problems: [] };
}
