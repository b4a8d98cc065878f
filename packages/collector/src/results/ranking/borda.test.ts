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
