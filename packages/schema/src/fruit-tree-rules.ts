import type { FruitTreeResponse } from './payload.js';
import type { ValidationProblem } from './validate.js';

/**
 * What JSON Schema cannot say about a fruit-tree response: each fruit is chosen once, no
 * more are chosen than were offered, and `contactGiven` tells the truth about `contact`.
 */
export function fruitTreeProblems(response: FruitTreeResponse): ValidationProblem[] {
  const { answer } = response;
  const problems: ValidationProblem[] = [];
  const problem = (path: string, keyword: string, message: string) => {
    problems.push({ path, keyword, message: `${path} ${message}` });
  };
  const seen = new Set<string>();
  answer.chosen.forEach(({ fruit }, index) => {
    if (seen.has(fruit)) problem(`/answer/chosen/${index}/fruit`, 'uniqueFruit', `"${fruit}" is chosen twice`);
    seen.add(fruit);
  });
  if (answer.chosen.length > answer.offered) {
    problem(
      '/answer/chosen',
      'offered',
      `holds ${answer.chosen.length} fruits, more than the ${answer.offered} offered`,
    );
  }
  const hasContact = response.contact !== undefined;
  if (answer.contactGiven !== hasContact) {
    problem(
      '/answer/contactGiven',
      'contact',
      `must be ${String(hasContact)}: contact details are ${hasContact ? '' : 'not '}given`,
    );
  }
  return problems;
}
