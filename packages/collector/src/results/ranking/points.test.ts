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

test('points: the median orders numbers as numbers, not as text', () => {
  // As text 10 < 2 < 9, which would make 2 the median.
  const shown = ['a', 'b'];
  const summaries = pointsSummaries([
    { shown, points: { a: 10 } },
    { shown, points: { a: 2 } },
    { shown, points: { a: 9 } },
    { shown, points: { b: 25 } },
  ]);
  assert.deepEqual(summaries.get('a'), { shownTo: 4, total: 21, mean: 21 / 4, median: 5.5, share: 21 / 46 });
  assert.deepEqual(summaries.get('b'), { shownTo: 4, total: 25, mean: 25 / 4, median: 0, share: 25 / 46 });
  const odd = pointsSummaries([10, 2, 9].map((a) => ({ shown: ['a'], points: { a } })));
  assert.equal(odd.get('a')?.median, 9);
});

test('points: nobody gave any points, so every share is 0', () => {
  const summaries = pointsSummaries([{ shown: ['a', 'b'], points: {} }]);
  assert.deepEqual(Object.fromEntries(summaries), {
    a: { shownTo: 1, total: 0, mean: 0, median: 0, share: 0 },
    b: { shownTo: 1, total: 0, mean: 0, median: 0, share: 0 },
  });
});
