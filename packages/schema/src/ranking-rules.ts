import type { PriorityRankingAnswer } from './payload.js';
import type { ValidationProblem } from './validate.js';

/**
 * What JSON Schema cannot say about a ranking answer: that it speaks only of the options
 * shown, and adds up. Checked after the schema, by the collector and by anyone who
 * validates with `createResponseValidator`.
 */
export function rankingProblems(answer: PriorityRankingAnswer): ValidationProblem[] {
  const shown = new Set(answer.shown);
  const problems: ValidationProblem[] = [];
  const problem = (path: string, keyword: string, message: string) => {
    problems.push({ path, keyword, message: `${path} ${message}` });
  };
  const notShown = (path: string, values: readonly string[]) => {
    values.forEach((value, index) => {
      if (!shown.has(value)) problem(`${path}/${index}`, 'shown', `"${value}" is not one of the options shown`);
    });
  };

  switch (answer.mode) {
    case 'rank':
      notShown('/answer/order', answer.order);
      if (answer.order.length !== shown.size) {
        problem('/answer/order', 'shown', `must put all ${shown.size} options shown in order`);
      }
      break;
    case 'top':
      notShown('/answer/top', answer.top);
      if (answer.max > shown.size)
        problem('/answer/max', 'shown', `must not be more than the ${shown.size} options shown`);
      if (answer.top.length > answer.max) problem('/answer/top', 'max', `must hold at most ${answer.max} options`);
      break;
    case 'points': {
      notShown('/answer/points', Object.keys(answer.points));
      const spent = Object.values(answer.points).reduce((sum, points) => sum + points, 0);
      if (spent > answer.budget)
        problem('/answer/points', 'budget', `add up to ${spent}, over the budget of ${answer.budget}`);
      else if (answer.mustSpendAll && spent !== answer.budget) {
        problem('/answer/points', 'budget', `add up to ${spent}, but all ${answer.budget} had to be shared out`);
      }
      break;
    }
    case 'pairwise':
      answer.comparisons.forEach(({ a, b }, index) => {
        const path = `/answer/comparisons/${index}`;
        notShown(path, [a, b]);
        if (a === b) problem(path, 'pair', 'must compare two different options');
      });
      break;
  }
  return problems;
}
