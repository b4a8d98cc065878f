import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fftSummary, noFftRatings, ratingOf, wholePercent, type FftRatingCounts } from './fft.js';

const ratings = (counts: Partial<FftRatingCounts>): FftRatingCounts => ({ ...noFftRatings(), ...counts });

describe('wholePercent', () => {
  test('rounds to the nearest whole percentage', () => {
    assert.equal(wholePercent(1, 3), 33);
    assert.equal(wholePercent(2, 3), 67);
    assert.equal(wholePercent(1, 201), 0);
    assert.equal(wholePercent(0, 7), 0);
    assert.equal(wholePercent(7, 7), 100);
  });

  test('rounds halves up', () => {
    assert.equal(wholePercent(1, 8), 13);
    assert.equal(wholePercent(7, 8), 88);
    assert.equal(wholePercent(1, 200), 1);
    assert.equal(wholePercent(199, 200), 100);
  });

  test('rounds the half that floating point would put just below it', () => {
    // 29 / 200 * 100 is 14.499999999999998 in floating point; the exact value is 14.5.
    assert.equal(wholePercent(29, 200), 15);
    assert.equal(wholePercent(57, 200), 29);
  });
});

describe('ratingOf', () => {
  test('reads each of the six responses from its tally key', () => {
    for (const rating of ['very-good', 'good', 'neither', 'poor', 'very-poor', 'dont-know'] as const) {
      assert.equal(ratingOf(`rating:${rating}`), rating);
    }
  });

  test('is undefined for any other key', () => {
    for (const key of [
      'rating:',
      'rating:great',
      'good',
      'useful:yes',
      'answer:good',
      'xrating:good',
      'rating:good ',
      'Rating:good',
    ]) {
      assert.equal(ratingOf(key), undefined, key);
    }
  });
});

describe('fftSummary', () => {
  test('starts from no ratings at all', () => {
    assert.deepEqual(noFftRatings(), { 'very-good': 0, good: 0, neither: 0, poor: 0, 'very-poor': 0, 'dont-know': 0 });
  });

  test('counts every response in the total, "neither" and "don\'t know" included', () => {
    // 40 answers: 18 + 12 = 30 positive is 75 %, 2 + 2 = 4 negative is 10 %.
    const counts = ratings({ 'very-good': 18, good: 12, neither: 4, poor: 2, 'very-poor': 2, 'dont-know': 2 });
    assert.deepEqual(fftSummary(counts), { ratings: counts, total: 40, percentPositive: 75, percentNegative: 10 });
  });

  test('"don\'t know" lowers the percentage positive, as NHS England publishes it', () => {
    // 7 of 8 positive is 87.5 %, shown as 88; without the "don't know" it would be 100.
    assert.deepEqual(fftSummary(ratings({ 'very-good': 6, good: 1, 'dont-know': 1 })), {
      ratings: ratings({ 'very-good': 6, good: 1, 'dont-know': 1 }),
      total: 8,
      percentPositive: 88,
      percentNegative: 0,
    });
  });

  test('puts poor and very poor, and only those, in the percentage negative', () => {
    const summary = fftSummary(ratings({ poor: 1, 'very-poor': 2, neither: 5 }));
    assert.equal(summary.total, 8);
    assert.equal(summary.percentPositive, 0);
    assert.equal(summary.percentNegative, 38);
  });
});
