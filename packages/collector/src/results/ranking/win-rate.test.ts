import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PairwiseComparison } from '@participate/schema';
import { winRates } from './win-rate.js';

test('win rate: wins over decided comparisons, "can\'t decide" counted apart', () => {
  const comparisons: PairwiseComparison[] = [
    { a: 'a', b: 'b', choice: 'a' },
    { a: 'a', b: 'b', choice: 'b' },
    { a: 'c', b: 'a', choice: 'b' },
    { a: 'b', b: 'c', choice: 'cant-decide' },
    { a: 'b', b: 'a', choice: 'b' },
    { a: 'd', b: 'c', choice: 'cant-decide' },
  ];
  assert.deepEqual(Object.fromEntries(winRates(comparisons)), {
    a: { comparisons: 4, wins: 3, losses: 1, cantDecide: 0, winRate: 0.75 },
    b: { comparisons: 4, wins: 1, losses: 2, cantDecide: 1, winRate: 1 / 3 },
    c: { comparisons: 3, wins: 0, losses: 1, cantDecide: 2, winRate: 0 },
    d: { comparisons: 1, wins: 0, losses: 0, cantDecide: 1, winRate: null },
  });
});
