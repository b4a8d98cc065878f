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

test('Bradley–Terry: each step is s(i) ← W(i) / Σ n(i,j) / (s(i) + s(j)), then scaled to add up to 1', () => {
  // a beat b and c once each, b beat c once; no prior. From 1/3 each, by hand:
  // step 1: a = 2 / (1/(2/3) + 1/(2/3)) = 2/3, b = 1 / 3 = 1/3, c = 0; they add up to 1.
  // step 2: a = 2 / (1/1 + 1/(2/3)) = 0.8, b = 1 / (1/1 + 1/(1/3)) = 0.25, c = 0; scaled by 1.05.
  const outcomes = [...wins('a', 'b', 1), ...wins('a', 'c', 1), ...wins('b', 'c', 1)];
  const after = (maxIterations: number) => bradleyTerry(['a', 'b', 'c'], outcomes, { prior: 0, maxIterations });
  const one = after(1);
  close(one.get('a'), 2 / 3);
  close(one.get('b'), 1 / 3);
  close(one.get('c'), 0);
  const two = after(2);
  close(two.get('a'), 16 / 21);
  close(two.get('b'), 5 / 21);
  close(two.get('c'), 0);
});

test('Bradley–Terry: the default prior gives every ordered pair prior / (k − 1) of a win', () => {
  // Three options, no answers: each pair gets 0.25 a win each way, so all stay equal.
  const even = bradleyTerry(['a', 'b', 'c'], []);
  for (const option of ['a', 'b', 'c']) close(even.get(option), 1 / 3);
  // a beat b once, among three: a–b is 1.25 to 0.25, the rest 0.25 each way. The fit then
  // satisfies the likelihood equations with those pretend wins counted as real ones.
  const options = ['a', 'b', 'c'];
  // One round from 1/3 each, by hand: a = 1.5 / (1.5/(2/3) + 0.5/(2/3)) = 1/2,
  // b = 0.5 / (1.5/(2/3) + 0.5/(2/3)) = 1/6, c = 0.5 / (0.5/(2/3) + 0.5/(2/3)) = 1/3.
  const first = bradleyTerry(options, wins('a', 'b', 1), { maxIterations: 1 });
  close(first.get('a'), 1 / 2);
  close(first.get('b'), 1 / 6);
  close(first.get('c'), 1 / 3);
  const strengths = bradleyTerry(options, wins('a', 'b', 1));
  const w: Record<string, number> = { 'a>b': 1.25, 'b>a': 0.25, 'a>c': 0.25, 'c>a': 0.25, 'b>c': 0.25, 'c>b': 0.25 };
  for (const option of options) {
    let actual = 0;
    let expected = 0;
    for (const other of options) {
      if (other === option) continue;
      const games = (w[`${option}>${other}`] ?? 0) + (w[`${other}>${option}`] ?? 0);
      const s = strengths.get(option) ?? 0;
      actual += w[`${option}>${other}`] ?? 0;
      expected += (games * s) / (s + (strengths.get(other) ?? 0));
    }
    close(expected, actual, 1e-8);
  }
  // The answers' order in the fit: a above the untouched c above b.
  const [a, b, c] = options.map((option) => strengths.get(option) ?? Number.NaN);
  assert.ok(a !== undefined && b !== undefined && c !== undefined && a > c && c > b, `a=${a} b=${b} c=${c}`);
});

test('Bradley–Terry: an option with no comparisons and no prior is left at 1/k', () => {
  const strengths = bradleyTerry(['a', 'b', 'c'], [...wins('a', 'b', 3), ...wins('b', 'a', 1)], { prior: 0 });
  // c keeps 1/3; a and b share the other 2/3 at 3:1.
  close(strengths.get('a'), 0.5);
  close(strengths.get('b'), 1 / 6);
  close(strengths.get('c'), 1 / 3);
});

test('Bradley–Terry: comparisons of unknown options or of an option with itself are ignored', () => {
  const known = [...wins('a', 'b', 3), ...wins('b', 'a', 1)];
  const noise = [
    ...wins('a', 'a', 5),
    ...wins('z', 'a', 4),
    ...wins('a', 'z', 4),
    ...wins('z', 'b', 2),
    ...wins('b', 'z', 2),
  ];
  for (const maxIterations of [1, 10_000]) {
    const strengths = bradleyTerry(['a', 'b'], [...known, ...noise], { prior: 0, maxIterations });
    close(strengths.get('a'), 0.75);
    close(strengths.get('b'), 0.25);
  }
});

test('Bradley–Terry: no options give no strengths, and a single option has all of it', () => {
  assert.equal(bradleyTerry([], wins('a', 'b', 1)).size, 0);
  assert.deepEqual(Object.fromEntries(bradleyTerry(['a'], [])), { a: 1 });
});

test('Bradley–Terry: the fit stops at the first round in which no strength moves by more than `tolerance` of itself', () => {
  const outcomes = [...wins('a', 'b', 2), ...wins('b', 'c', 2), ...wins('c', 'a', 1), ...wins('a', 'c', 1)];
  const options = ['a', 'b', 'c'];
  const tolerance = 0.01;
  const loose = bradleyTerry(options, outcomes, { tolerance });
  const settled = (now: Map<string, number>, before: Map<string, number>) =>
    options.every(
      (option) => Math.abs((now.get(option) ?? 0) - (before.get(option) ?? 0)) <= tolerance * (now.get(option) ?? 0),
    );
  let before = bradleyTerry(options, outcomes, { maxIterations: 0 });
  let rounds = 1;
  for (; rounds < 100; rounds++) {
    const now = bradleyTerry(options, outcomes, { maxIterations: rounds });
    if (settled(now, before)) break;
    before = now;
  }
  assert.ok(rounds > 2 && rounds < 100, `settled after ${rounds} rounds`);
  assert.deepEqual(loose, bradleyTerry(options, outcomes, { maxIterations: rounds }));
  assert.notDeepEqual(loose, bradleyTerry(options, outcomes, { maxIterations: rounds - 1 }));
});

test('Bradley–Terry: before any round every option has 1/k', () => {
  const strengths = bradleyTerry(['a', 'b', 'c', 'd'], wins('a', 'b', 3), { maxIterations: 0 });
  assert.deepEqual(Object.fromEntries(strengths), { a: 0.25, b: 0.25, c: 0.25, d: 0.25 });
});

test('Bradley–Terry without the prior: one that never lost takes it all, two that never won and never met end at 0', () => {
  const strengths = bradleyTerry(['a', 'b', 'c'], [...wins('a', 'b', 1), ...wins('a', 'c', 1)], { prior: 0 });
  assert.deepEqual(Object.fromEntries(strengths), { a: 1, b: 0, c: 0 });
});
