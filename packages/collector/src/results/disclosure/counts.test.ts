import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  byPublishedCount,
  publish,
  publishPartition,
  publishRecord,
  roundToBase,
  type DisclosurePolicy,
  type Published,
} from './counts.js';

/** As a collector publishes by default: under 5 hidden, the rest rounded to 5. */
const DEFAULT: DisclosurePolicy = { minGroupSize: 5, roundTo: 5 };

describe('roundToBase', () => {
  test('to the nearest multiple of 5, halves up', () => {
    const cases: [number, number][] = [
      [0, 0],
      [1, 0],
      [2, 0],
      [2.5, 5],
      [3, 5],
      [5, 5],
      [7, 5],
      [7.5, 10],
      [8, 10],
      [12, 10],
      [12.5, 15],
      [13, 15],
      [1002, 1000],
      [1003, 1005],
    ];
    for (const [count, rounded] of cases) assert.equal(roundToBase(count, 5), rounded, String(count));
  });

  test('to other bases: a whole count lands on a half with an even base, and goes up', () => {
    const cases: [number, number, number][] = [
      [1, 2, 2],
      [2, 2, 2],
      [3, 2, 4],
      [1, 3, 0],
      [2, 3, 3],
      [4, 3, 3],
      [5, 3, 6],
      [5, 10, 10],
      [14, 10, 10],
      [15, 10, 20],
      [24, 10, 20],
      [25, 10, 30],
    ];
    for (const [count, base, rounded] of cases) {
      assert.equal(roundToBase(count, base), rounded, `${String(count)} to ${String(base)}`);
    }
  });

  test('base 1 leaves every count as it is', () => {
    for (const count of [0, 1, 4, 7, 13, 1003]) assert.equal(roundToBase(count, 1), count);
  });
});

describe('publish', () => {
  test('by default: 1 to 4 hidden, the rest rounded to 5, zero stays zero', () => {
    const cases: [number, Published][] = [
      [0, 0],
      [1, null],
      [2, null],
      [3, null],
      [4, null],
      [5, 5],
      [6, 5],
      [7, 5],
      [8, 10],
      [12, 10],
      [13, 15],
    ];
    for (const [count, shown] of cases) assert.equal(publish(count, DEFAULT), shown, String(count));
  });

  test('roundTo 1 shows exactly what it does not hide', () => {
    const exact = { minGroupSize: 5, roundTo: 1 };
    assert.deepEqual(
      [0, 4, 5, 7, 13].map((count) => publish(count, exact)),
      [0, null, 5, 7, 13],
    );
  });

  test('the threshold and the base are separate: 9 hidden under 10, 3 rounded to 5 under none', () => {
    const strict = { minGroupSize: 10, roundTo: 5 };
    assert.deepEqual(
      [9, 10, 12, 13].map((count) => publish(count, strict)),
      [null, 10, 10, 15],
    );
    const none = { minGroupSize: 0, roundTo: 5 };
    assert.deepEqual(
      [1, 3, 7].map((count) => publish(count, none)),
      [0, 5, 5],
    );
  });
});

describe('publishPartition', () => {
  const cases: [string, number[], Published[]][] = [
    ['nothing', [], []],
    ['no one at all: zeros stay', [0, 0], [0, 0]],
    ['nothing small: rounded, the zero kept', [12, 8, 0], [10, 10, 0]],
    ['nothing small, zeros beside a shown count', [0, 0, 7], [0, 0, 5]],
    ['one small of two: the other hidden too', [10, 3], [null, null]],
    ['one small of six: the smallest other, 6, hidden too', [10, 9, 8, 7, 6, 2], [10, 10, 10, 5, null, null]],
    ['one small and a zero: the zero hidden, nothing more', [10, 6, 2, 0], [10, 5, null, null]],
    ['two small: hidden, nothing more', [10, 2, 3], [10, null, null]],
    ['one small alone: nothing else to hide', [3], [null]],
    ['one small beside a zero: both hidden', [3, 0], [null, null]],
    ['a tie for the smallest other: the first of them', [10, 6, 6, 2], [10, null, 5, null]],
  ];
  for (const [name, exact, shown] of cases) {
    test(`${name}: [${exact.join(', ')}]`, () => {
      assert.deepEqual(publishPartition(exact, DEFAULT), shown);
    });
  }

  test('with roundTo 1 the same cells are hidden and the rest are exact', () => {
    assert.deepEqual(publishPartition([10, 6, 2], { minGroupSize: 5, roundTo: 1 }), [10, null, null]);
    assert.deepEqual(publishPartition([10, 6, 0], { minGroupSize: 5, roundTo: 1 }), [10, 6, 0]);
  });

  test('with a threshold of 1 nothing is hidden', () => {
    assert.deepEqual(publishPartition([3, 1, 0], { minGroupSize: 1, roundTo: 1 }), [3, 1, 0]);
  });

  test('publishRecord does the same over a record, keeping its keys', () => {
    assert.deepEqual(publishRecord({ yes: 10, no: 3 }, DEFAULT), { yes: null, no: null });
    assert.deepEqual(publishRecord({ once: 13, regular: 7, ongoing: 0 }, DEFAULT), {
      once: 15,
      regular: 5,
      ongoing: 0,
    });
  });
});

describe('byPublishedCount', () => {
  test('most first, then zero, hidden last; ties by name in code-point order', () => {
    const items: { name: string; count: Published }[] = [
      { name: 'b', count: 5 },
      { name: 'd', count: null },
      { name: 'a', count: null },
      { name: 'c', count: 10 },
      { name: 'e', count: 0 },
      { name: 'B', count: 5 },
    ];
    const order = byPublishedCount<(typeof items)[number]>(
      (item) => item.count,
      (item) => item.name,
    );
    assert.deepEqual(
      [...items].sort(order).map((item) => item.name),
      ['c', 'B', 'b', 'e', 'a', 'd'],
    );
    assert.equal(order({ name: 'x', count: null }, { name: 'x', count: null }), 0);
  });
});
