import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstPreferences } from './first-preferences.js';
import { meanPositions } from './positions.js';

const full = (ranked: string[]) => ({ shown: ['a', 'b', 'c'], ranked });
const ballots = [full(['a', 'b', 'c']), full(['a', 'c', 'b']), full(['b', 'a', 'c'])];

test('mean position over a full ranking: every ballot counts', () => {
  assert.deepEqual(Object.fromEntries(meanPositions(ballots)), {
    a: { ranked: 3, meanPosition: 4 / 3 },
    b: { ranked: 3, meanPosition: 2 },
    c: { ranked: 3, meanPosition: 8 / 3 },
  });
});

test('mean position for top-N: only the ballots that chose the option; null when none did', () => {
  const shown = ['a', 'b', 'c', 'd'];
  const top = meanPositions([
    { shown, ranked: ['c', 'a'] },
    { shown, ranked: ['c'] },
    { shown, ranked: ['a', 'b'] },
  ]);
  assert.deepEqual(Object.fromEntries(top), {
    a: { ranked: 2, meanPosition: 1.5 },
    b: { ranked: 1, meanPosition: 2 },
    c: { ranked: 2, meanPosition: 1 },
    d: { ranked: 0, meanPosition: null },
  });
});

test('first preferences count the ballots that put each option first', () => {
  assert.deepEqual(Object.fromEntries(firstPreferences(ballots)), { a: 2, b: 1, c: 0 });
});

test('first preferences: a ballot that ranked nothing puts nothing first', () => {
  assert.deepEqual(Object.fromEntries(firstPreferences([{ shown: ['a', 'b'], ranked: [] }, full(['b', 'a', 'c'])])), {
    a: 0,
    b: 1,
    c: 0,
  });
});
