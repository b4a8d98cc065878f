import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PairwiseComparison } from '@participate/schema';
import { decidedOutcomes, optionsCompared } from './pairwise.js';

const comparisons: PairwiseComparison[] = [
  { a: 'roads', b: 'libraries', choice: 'a' },
  { a: 'roads', b: 'parks', choice: 'cant-decide' },
  { a: 'libraries', b: 'parks', choice: 'b' },
];

test('decidedOutcomes: "a" means a won, "b" means b won, and "can\'t decide" is dropped, in order', () => {
  assert.deepEqual(decidedOutcomes(comparisons), [
    { winner: 'roads', loser: 'libraries' },
    { winner: 'parks', loser: 'libraries' },
  ]);
  assert.deepEqual(decidedOutcomes([]), []);
});

test('optionsCompared: every option named on either side, once, in code-point order', () => {
  assert.deepEqual(optionsCompared(comparisons), ['libraries', 'parks', 'roads']);
});
