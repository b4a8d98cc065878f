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

test("Schulze: the 30-voter example of Schulze's paper, with no Condorcet winner, gives D > A > C > B", () => {
  // Pairwise counts d[X][Y] (hand-tallied): A–B 11:19, A–C 20:10, A–D 14:16, B–C 9:21,
  // B–D 12:18, C–D 17:13. Every option loses a pairwise contest, yet the strongest paths
  // D→A 18 > A→D 17, A→C 20 > C→A 19 and C→B 21 > B→C 19 order all four.
  const ballots = [
    ...times(5, 'ACBD'),
    ...times(2, 'ACDB'),
    ...times(3, 'ADCB'),
    ...times(4, 'BACD'),
    ...times(3, 'CBDA'),
    ...times(3, 'CDBA'),
    ...times(1, 'DACB'),
    ...times(5, 'DBAC'),
    ...times(4, 'DCBA'),
  ].map(({ ranked }) => ({ shown: ['A', 'B', 'C', 'D'], ranked }));
  assert.equal(ballots.length, 30);
  const { order, beats } = schulzeOrder(ballots);
  assert.deepEqual(order, ['D', 'A', 'C', 'B']);
  assert.deepEqual(Object.fromEntries(beats), { A: 2, B: 0, C: 1, D: 3 });
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

test('Schulze: a three-way cycle of equal strength is a tie, broken in code-point order', () => {
  const shown = ['c', 'b', 'a'];
  const { order, beats } = schulzeOrder([
    { shown, ranked: ['a', 'b', 'c'] },
    { shown, ranked: ['b', 'c', 'a'] },
    { shown, ranked: ['c', 'a', 'b'] },
  ]);
  // Each option beats the next 2 to 1 and loses to the one before 1 to 2: every path is 2.
  assert.deepEqual(order, ['a', 'b', 'c']);
  assert.deepEqual(Object.fromEntries(beats), { a: 0, b: 0, c: 0 });
});

test('Schulze: a stronger path through a third option overrides a direct defeat', () => {
  const shown = ['x', 'y', 'z'];
  const ballots = [
    ...Array.from({ length: 4 }, () => ({ shown, ranked: ['x', 'y', 'z'] })),
    ...Array.from({ length: 3 }, () => ({ shown, ranked: ['y', 'z', 'x'] })),
    ...Array.from({ length: 2 }, () => ({ shown, ranked: ['z', 'x', 'y'] })),
  ];
  // d: x–y 6:3, y–z 7:2, z–x 5:4. Links x→y 6, y→z 7, z→x 5. Strongest paths:
  // x→z min(6, 7) = 6 beats z→x 5; y→x min(7, 5) = 5 loses to x→y 6; y→z 7 beats z→y 5.
  const { order, beats } = schulzeOrder(ballots);
  assert.deepEqual(order, ['x', 'y', 'z']);
  assert.deepEqual(Object.fromEntries(beats), { x: 2, y: 1, z: 0 });
});

test('Schulze: each top-N ballot puts its chosen options above the ones it did not choose', () => {
  const shown = ['a', 'b', 'c'];
  // d: a–b 2:1, a–c 2:1, b–c 1:0. Were the options ranked on one ballot still taken as
  // ranked on the next, the last ballot's a would count above nothing and tie with b.
  const { order, beats } = schulzeOrder([
    { shown, ranked: ['a'] },
    { shown, ranked: ['b', 'c', 'a'] },
    { shown, ranked: ['a'] },
  ]);
  assert.deepEqual(order, ['a', 'b', 'c']);
  assert.deepEqual(Object.fromEntries(beats), { a: 2, b: 1, c: 0 });
});

test('Schulze: a ballot says nothing about options it did not show', () => {
  const { beats } = schulzeOrder([
    { shown: ['a', 'b'], ranked: ['a', 'b'] },
    { shown: ['b', 'c'], ranked: ['b', 'c'] },
  ]);
  // a beats b and b beats c directly; a beats c only through b.
  assert.deepEqual(Object.fromEntries(beats), { a: 2, b: 1, c: 0 });
});

test('Schulze: the Tennessee capital example elects Nashville, the Condorcet winner', () => {
  const shown = ['memphis', 'nashville', 'chattanooga', 'knoxville'];
  const group = (count: number, ranked: string[]) => Array.from({ length: count }, () => ({ shown, ranked }));
  const { order } = schulzeOrder([
    ...group(42, ['memphis', 'nashville', 'chattanooga', 'knoxville']),
    ...group(26, ['nashville', 'chattanooga', 'knoxville', 'memphis']),
    ...group(15, ['chattanooga', 'knoxville', 'nashville', 'memphis']),
    ...group(17, ['knoxville', 'chattanooga', 'nashville', 'memphis']),
  ]);
  assert.deepEqual(order, ['nashville', 'chattanooga', 'knoxville', 'memphis']);
});

test('Schulze: a pair that ties links neither way, so a path through a third option decides it', () => {
  const shown = ['a', 'b', 'c'];
  // d: a–b 2:2, a–c 1:2, b–c 2:1. Links b→c 2 and c→a 2 only; b→a through c is 2, a→b is 0.
  const { order, beats } = schulzeOrder([
    { shown, ranked: ['b', 'c'] },
    { shown, ranked: ['c', 'a'] },
    { shown, ranked: ['b'] },
    { shown, ranked: ['a'] },
  ]);
  assert.deepEqual(order, ['b', 'c', 'a']);
  assert.deepEqual(Object.fromEntries(beats), { a: 0, b: 2, c: 1 });
});

test('Schulze: an option a ballot ranked is not also counted among those it left unranked', () => {
  const shown = ['a', 'b', 'c', 'd'];
  // d: a–b 2:2, a–c 1:2, a–d 2:1, b–c 1:2, b–d 1:3, c–d 1:2. Everyone beats b on paths of
  // strength 2 or 3; a, c and d tie with one another at 2 each way.
  const { order, beats } = schulzeOrder([
    { shown, ranked: ['a', 'd'] },
    { shown, ranked: ['c', 'a', 'd', 'b'] },
    { shown, ranked: ['d', 'c', 'b', 'a'] },
    { shown, ranked: ['b'] },
  ]);
  assert.deepEqual(order, ['a', 'c', 'd', 'b']);
  assert.deepEqual(Object.fromEntries(beats), { a: 1, b: 0, c: 1, d: 1 });
});

test('Schulze: one option beating both others, which tie, stays alone at the top', () => {
  const shown = ['a', 'b', 'c'];
  // d: a–b 0:5, a–c 3:3, b–c 4:2.
  const { order, beats } = schulzeOrder([
    { shown, ranked: ['c'] },
    { shown, ranked: ['b', 'c', 'a'] },
    { shown, ranked: ['b', 'a'] },
    { shown, ranked: ['b', 'a'] },
    { shown, ranked: ['b', 'a', 'c'] },
    { shown, ranked: ['c', 'b'] },
  ]);
  assert.deepEqual(order, ['b', 'a', 'c']);
  assert.deepEqual(Object.fromEntries(beats), { a: 0, b: 2, c: 0 });
});

test('Schulze with roundTo: pair counts are rounded first, so 7 to 6 rounded to 5 is a tie', () => {
  const shown = ['a', 'b'];
  const ballots = [
    ...Array.from({ length: 7 }, () => ({ shown, ranked: ['b', 'a'] })),
    ...Array.from({ length: 6 }, () => ({ shown, ranked: ['a', 'b'] })),
  ];
  assert.deepEqual(schulzeOrder(ballots).order, ['b', 'a']);
  assert.deepEqual(schulzeOrder(ballots, { roundTo: 1 }).order, ['b', 'a']);
  const rounded = schulzeOrder(ballots, { roundTo: 5 });
  assert.deepEqual(rounded.order, ['a', 'b']);
  assert.deepEqual(Object.fromEntries(rounded.beats), { a: 0, b: 0 });
  // 8 to 6 rounds to 10 to 5: b still wins.
  const more = [...ballots, { shown, ranked: ['b', 'a'] }];
  assert.deepEqual(schulzeOrder(more, { roundTo: 5 }).order, ['b', 'a']);
});
