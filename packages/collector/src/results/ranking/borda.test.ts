import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bordaScores } from './borda.js';

const full = (ranked: string[]) => ({ shown: ['a', 'b', 'c'], ranked });

test('Borda: a full ranking of m options gives m − 1 to first down to 0 for last, summed over ballots', () => {
  const scores = bordaScores([full(['a', 'b', 'c']), full(['a', 'c', 'b']), full(['b', 'a', 'c'])]);
  assert.deepEqual(
    [...scores],
    [
      ['a', 5],
      ['b', 3],
      ['c', 1],
    ],
  );
});

test('Borda: a top-2 of 4 shown gives 3 and 2, and 0 to the two not chosen', () => {
  const scores = bordaScores([{ shown: ['a', 'b', 'c', 'd'], ranked: ['c', 'a'] }]);
  assert.deepEqual(Object.fromEntries(scores), { a: 2, b: 0, c: 3, d: 0 });
});

test('Borda: the Tennessee capital example gives Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107', () => {
  // 100 voters, each ranking the four cities by distance from home (the textbook example).
  const shown = ['memphis', 'nashville', 'chattanooga', 'knoxville'];
  const group = (count: number, ranked: string[]) => Array.from({ length: count }, () => ({ shown, ranked }));
  const scores = bordaScores([
    ...group(42, ['memphis', 'nashville', 'chattanooga', 'knoxville']),
    ...group(26, ['nashville', 'chattanooga', 'knoxville', 'memphis']),
    ...group(15, ['chattanooga', 'knoxville', 'nashville', 'memphis']),
    ...group(17, ['knoxville', 'chattanooga', 'nashville', 'memphis']),
  ]);
  assert.deepEqual(Object.fromEntries(scores), { chattanooga: 173, knoxville: 107, memphis: 126, nashville: 194 });
});

test('Borda: a ballot gives nothing to an option it did not show, and options come in code-point order', () => {
  const scores = bordaScores([
    { shown: ['b', 'a'], ranked: ['b', 'a'] },
    { shown: ['c', 'b', 'a'], ranked: ['c', 'b', 'a'] },
  ]);
  assert.deepEqual(
    [...scores],
    [
      ['a', 0],
      ['b', 2],
      ['c', 2],
    ],
  );
});
