import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Ballot } from './ballot.js';
import { schulzeOrder } from './schulze.js';

const candidates = ['A', 'B', 'C', 'D', 'E'];
const times = (count: number, order: string): Ballot[] =>
  Array.from({ length: count }, () => ({ shown: candidates, ranked: Array.from(order) }));

test("Schulze: the 45-voter example of Schulze's paper gives E > A > C > B > D", () => {
  const ballots = [
    ...times(5, 'ACBED'),
    ...times(5, 'ADECB'),
    ...times(8, 'BEDAC'),
    ...times(3, 'CABED'),
    ...times(7, 'CAEBD'),
    ...times(2, 'CBADE'),
    ...times(7, 'DCEBA'),
    ...times(8, 'EBADC'),
  ];
  assert.equal(ballots.length, 45);
  const { order, beats } = schulzeOrder(ballots);
  assert.deepEqual(order, ['E', 'A', 'C', 'B', 'D']);
  assert.deepEqual(Object.fromEntries(beats), { A: 3, B: 1, C: 2, D: 0, E: 4 });
});

test('Schulze: options neither of which beats the other come out in code-point order', () => {
  const { order, beats } = schulzeOrder([
    { shown: ['b', 'a'], ranked: ['b', 'a'] },
    { shown: ['b', 'a'], ranked: ['a', 'b'] },
  ]);
  assert.deepEqual(order, ['a', 'b']);
  assert.deepEqual(Object.fromEntries(beats), { a: 0, b: 0 });
});

test('Schulze on top-N: a chosen option is above every unchosen one, and unchosen ones tie', () => {
  const shown = ['a', 'b', 'c'];
  const { order, beats } = schulzeOrder([
    { shown, ranked: ['c'] },
    { shown, ranked: ['c', 'b'] },
  ]);
  // c over a and b on both ballots; b over a on one, a over b on none.
  assert.deepEqual(order, ['c', 'b', 'a']);
  assert.deepEqual(Object.fromEntries(beats), { a: 0, b: 1, c: 2 });
});

test('Schulze: a ballot says nothing about options it did not show', () => {
  const { beats } = schulzeOrder([
    { shown: ['a', 'b'], ranked: ['a', 'b'] },
    { shown: ['b', 'c'], ranked: ['b', 'c'] },
  ]);
  // a beats b and b beats c directly; a beats c only through b.
  assert.deepEqual(Object.fromEntries(beats), { a: 2, b: 1, c: 0 });
});
