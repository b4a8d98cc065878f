import 'axe-core/axe.min.js';
import type { AxeResults, ElementContext } from 'axe-core';

declare const axe: { run(context: ElementContext, options: object): Promise<AxeResults> };

/** The WCAG 2.2 AA rule set QUALITY.md A1 asks for. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with a readable list when axe-core finds any violation in `element`. */
export async function expectNoAxeViolations(element: Element): Promise<void> {
  const results = await axe.run(element, { runOnly: { type: 'tag', values: TAGS } });
  if (results.violations.length === 0) return;
  const lines = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  throw new Error(`axe-core found ${results.violations.length} violation(s):\n  ${lines.join('\n  ')}`);
}
