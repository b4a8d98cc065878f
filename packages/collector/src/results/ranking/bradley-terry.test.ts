import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bradleyTerry } from './bradley-terry.js';
import type { PairwiseOutcome } from './pairwise.js';

const wins = (winner: string, loser: string, count: number): PairwiseOutcome[] =>
  Array.from({ length: count }, () => ({ winner, loser }));

const close = (actual: number | undefined, expected: number, tolerance = 1e-9) => {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${String(actual)} ≉ ${expected}`);
};

test('Bradley–Terry: 3 wins to 1 gives strengths 3:1 without the prior', () => {
  const strengths = bradleyTerry(['a', 'b'], [...wins('a', 'b', 3), ...wins('b', 'a', 1)], { prior: 0 });
  close(strengths.get('a'), 0.75);
  close(strengths.get('b'), 0.25);
});

test('Bradley–Terry: with the default prior of half a win each way, 3 to 1 becomes 3.5 to 1.5', () => {
  const strengths = bradleyTerry(['a', 'b'], [...wins('a', 'b', 3), ...wins('b', 'a', 1)]);
  close(strengths.get('a'), 0.7);
  close(strengths.get('b'), 0.3);
});

test('Bradley–Terry: an option that never lost stays finite, and a transitive order is recovered', () => {
  const outcomes = [...wins('a', 'b', 3), ...wins('a', 'c', 3), ...wins('b', 'c', 3)];
  const strengths = bradleyTerry(['a', 'b', 'c'], outcomes);
  const [a, b, c] = ['a', 'b', 'c'].map((option) => strengths.get(option) ?? Number.NaN);
  assert.ok(a !== undefined && b !== undefined && c !== undefined);
  assert.ok(Number.isFinite(a) && a < 1 && c > 0, `a=${a} c=${c}`);
  assert.ok(a > b && b > c, `a=${a} b=${b} c=${c}`);
  close(a + b + c, 1, 1e-12);
  // Symmetric data: a is as far above b as c is below it.
  close(a / b, b / c, 1e-6);
});

test('Bradley–Terry without the prior satisfies the likelihood equations: expected wins equal actual wins', () => {
  const outcomes = [
    ...wins('a', 'b', 2),
    ...wins('b', 'a', 1),
    ...wins('b', 'c', 3),
    ...wins('c', 'b', 1),
    ...wins('a', 'c', 1),
    ...wins('c', 'a', 1),
  ];
  const options = ['a', 'b', 'c'];
  const strengths = bradleyTerry(options, outcomes, { prior: 0 });
  for (const option of options) {
    const actual = outcomes.filter((outcome) => outcome.winner === option).length;
    let expected = 0;
    for (const { winner, loser } of outcomes) {
      if (winner !== option && loser !== option) continue;
      const other = winner === option ? loser : winner;
      const s = strengths.get(option) ?? 0;
      expected += s / (s + (strengths.get(other) ?? 0));
    }
    close(expected, actual, 1e-8);
  }
});
