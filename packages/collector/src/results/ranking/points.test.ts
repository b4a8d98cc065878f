import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointsSummaries } from './points.js';

test('points: mean, median and share, an option given nothing counting as 0', () => {
  const shown = ['a', 'b', 'c'];
  const summaries = pointsSummaries([
    { shown, points: { a: 6, b: 4 } },
    { shown, points: { a: 2, c: 8 } },
    { shown, points: { b: 10, c: 0 } },
  ]);
  assert.deepEqual(Object.fromEntries(summaries), {
    a: { shownTo: 3, total: 8, mean: 8 / 3, median: 2, share: 8 / 30 },
    b: { shownTo: 3, total: 14, mean: 14 / 3, median: 4, share: 14 / 30 },
    c: { shownTo: 3, total: 8, mean: 8 / 3, median: 0, share: 8 / 30 },
  });
});

test('points: the median of an even count is the mean of the middle two; only ballots showing it count', () => {
  const summaries = pointsSummaries([
    { shown: ['a', 'b'], points: { a: 3 } },
    { shown: ['a', 'b'], points: { a: 6 } },
    { shown: ['b', 'c'], points: { b: 0 } },
  ]);
  assert.deepEqual(summaries.get('a'), { shownTo: 2, total: 9, mean: 4.5, median: 4.5, share: 1 });
  assert.deepEqual(summaries.get('b'), { shownTo: 3, total: 0, mean: 0, median: 0, share: 0 });
  assert.deepEqual(summaries.get('c'), { shownTo: 1, total: 0, mean: 0, median: 0, share: 0 });
});
