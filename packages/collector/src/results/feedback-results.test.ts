import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TallyRow } from './answers.js';
import { feedbackResults, type ResultsOptions } from './feedback-results.js';

const topic = 'gp-appointments';
const options: ResultsOptions = { topic, minGroupSize: 5, timeZone: 'Europe/London' };

const tally = (
  variant: 'page-useful' | 'fft',
  hour: string,
  key: string,
  count: number,
  ofTopic = topic,
): TallyRow => ({
  topic: ofTopic,
  widget: 'feedback-prompt',
  variant,
  hour,
  key,
  count,
});
const fft = (hour: string, rating: string, count: number) => tally('fft', hour, `rating:${rating}`, count);
const useful = (hour: string, key: string, count: number) => tally('page-useful', hour, key, count);

const ratings = (counts: Partial<Record<string, number>>) => ({
  'very-good': 0,
  good: 0,
  neither: 0,
  poor: 0,
  'very-poor': 0,
  'dont-know': 0,
  ...counts,
});

describe('feedbackResults: months', () => {
  // BST runs from 29 March to 25 October 2026 (01:00 UTC both times).
  const rows = [
    fft('2026-09-30T22', 'good', 1), // 23:00 BST on 30 September
    fft('2026-09-30T23', 'good', 2), // 00:00 BST on 1 October
    fft('2026-10-31T23', 'poor', 4), // 23:00 GMT on 31 October: still October
    fft('2026-11-30T23', 'neither', 8), // 23:00 GMT on 30 November
  ];
  const monthsIn = (timeZone: string) =>
    feedbackResults(rows, { ...options, minGroupSize: 1, timeZone }).feedback.fft?.months.map((month) =>
      month.suppressed ? [month.month] : [month.month, month.total],
    );

  test('are calendar months in the configured time zone, summer time included, in ascending order', () => {
    assert.deepEqual(monthsIn('Europe/London'), [
      ['2026-09', 1],
      ['2026-10', 6],
      ['2026-11', 8],
    ]);
  });

  test('differ in another time zone', () => {
    assert.deepEqual(monthsIn('UTC'), [
      ['2026-09', 3],
      ['2026-10', 4],
      ['2026-11', 8],
    ]);
    // 2026-10-31T23 UTC is 19:00 in New York; 2026-11-30T23 UTC is 18:00.
    assert.deepEqual(monthsIn('America/New_York'), [
      ['2026-09', 3],
      ['2026-10', 4],
      ['2026-11', 8],
    ]);
    assert.deepEqual(
      feedbackResults([fft('2026-11-01T03', 'good', 1), fft('2026-11-01T04', 'good', 2)], {
        ...options,
        minGroupSize: 1,
        timeZone: 'America/New_York',
      }).feedback.fft?.months.map((month) => [month.month, month.suppressed ? 0 : month.total]),
      [
        ['2026-10', 1], // 23:00 EDT on 31 October
        ['2026-11', 2],
      ],
    );
  });

  test('an unknown time zone is refused', () => {
    assert.throws(() => feedbackResults([], { ...options, timeZone: 'Europe/Atlantis' }), RangeError);
  });
});

describe('feedbackResults: Friends and Family Test', () => {
  const monthOf = (rows: TallyRow[], minGroupSize = 5) =>
    feedbackResults(rows, { ...options, minGroupSize }).feedback.fft?.months[0];

  test('counts every option; positive is very good + good, negative poor + very poor, over all responses', () => {
    const hour = '2026-11-02T10';
    const month = monthOf([
      fft(hour, 'very-good', 3),
      fft(hour, 'good', 2),
      fft(hour, 'neither', 1),
      fft(hour, 'poor', 1),
      fft(hour, 'very-poor', 2),
      fft(hour, 'dont-know', 1),
    ]);
    assert.deepEqual(month, {
      month: '2026-11',
      suppressed: false,
      total: 10,
      ratings: ratings({ 'very-good': 3, good: 2, neither: 1, poor: 1, 'very-poor': 2, 'dont-know': 1 }),
      percentPositive: 50,
      percentNegative: 30,
    });
  });

  test('"don\'t know" counts in the total, so it lowers both percentages', () => {
    const hour = '2026-11-02T10';
    const month = monthOf([fft(hour, 'very-good', 3), fft(hour, 'good', 1), fft(hour, 'dont-know', 4)]);
    assert.ok(month && !month.suppressed);
    assert.equal(month.total, 8);
    assert.equal(month.percentPositive, 50); // 4 of 8, not 4 of 4
    assert.equal(month.percentNegative, 0);

    const onlyDontKnow = monthOf([fft(hour, 'dont-know', 5)]);
    assert.ok(onlyDontKnow && !onlyDontKnow.suppressed);
    assert.deepEqual([onlyDontKnow.percentPositive, onlyDontKnow.percentNegative], [0, 0]);
  });

  test('percentages are whole numbers, halves rounded up', () => {
    const hour = '2026-11-02T10';
    const percents = (rows: TallyRow[]) => {
      const month = monthOf(rows);
      assert.ok(month && !month.suppressed);
      return [month.percentPositive, month.percentNegative];
    };
    // 1/8 = 12.5% → 13; 1/8 → 13.
    assert.deepEqual(percents([fft(hour, 'good', 1), fft(hour, 'very-poor', 1), fft(hour, 'neither', 6)]), [13, 13]);
    // 2/6 = 33.3% → 33; 1/6 = 16.7% → 17.
    assert.deepEqual(
      percents([fft(hour, 'very-good', 1), fft(hour, 'good', 1), fft(hour, 'poor', 1), fft(hour, 'neither', 3)]),
      [33, 17],
    );
    // 2/3 = 66.7% → 67; 1/3 = 33.3% → 33.
    assert.deepEqual(percents([fft(hour, 'very-good', 4), fft(hour, 'very-poor', 2)]), [67, 33]);
    // 199/200 = 99.5% → 100: rounding up a half can reach 100 with one negative answer.
    assert.deepEqual(percents([fft(hour, 'very-good', 199), fft(hour, 'poor', 1)]), [100, 1]);
  });

  test('a month of minGroupSize − 1 responses is suppressed; one of minGroupSize is shown', () => {
    const four = [fft('2026-10-05T09', 'good', 3), fft('2026-10-20T09', 'poor', 1)];
    assert.deepEqual(monthOf(four), { month: '2026-10', suppressed: true });
    const five = [...four, fft('2026-10-21T09', 'dont-know', 1)];
    assert.deepEqual(monthOf(five), {
      month: '2026-10',
      suppressed: false,
      total: 5,
      ratings: ratings({ good: 3, poor: 1, 'dont-know': 1 }),
      percentPositive: 60,
      percentNegative: 20,
    });
    // The threshold is a setting.
    assert.deepEqual(monthOf(five, 6), { month: '2026-10', suppressed: true });
    assert.equal(monthOf(four, 4)?.suppressed, false);
  });

  test('suppression is per month', () => {
    const months = feedbackResults(
      [fft('2026-10-05T09', 'good', 5), fft('2026-11-05T09', 'good', 4), fft('2026-12-05T09', 'poor', 7)],
      options,
    ).feedback.fft?.months;
    assert.deepEqual(
      months?.map((month) => [month.month, month.suppressed]),
      [
        ['2026-10', false],
        ['2026-11', true],
        ['2026-12', false],
      ],
    );
  });
});

describe('feedbackResults: "Is this page useful?"', () => {
  test('counts answers and reasons overall and per month, reasons most given first', () => {
    const results = feedbackResults(
      [
        useful('2026-10-01T09', 'useful:yes', 4),
        useful('2026-10-01T09', 'useful:no', 2),
        useful('2026-10-01T09', 'reason:out-of-date', 2),
        useful('2026-10-01T09', 'reason:hard-to-understand', 1),
        useful('2026-11-03T12', 'useful:no', 5),
        useful('2026-11-03T12', 'reason:hard-to-understand', 3),
        useful('2026-11-03T12', 'reason:missing-information', 2),
      ],
      options,
    );
    assert.deepEqual(results.feedback.pageUseful, {
      overall: {
        suppressed: false,
        total: 11,
        answers: { yes: 4, no: 7 },
        reasons: [
          { reason: 'hard-to-understand', count: 4 },
          { reason: 'missing-information', count: 2 },
          { reason: 'out-of-date', count: 2 },
        ],
      },
      months: [
        {
          month: '2026-10',
          suppressed: false,
          total: 6,
          answers: { yes: 4, no: 2 },
          reasons: [
            { reason: 'out-of-date', count: 2 },
            { reason: 'hard-to-understand', count: 1 },
          ],
        },
        {
          month: '2026-11',
          suppressed: false,
          total: 5,
          answers: { yes: 0, no: 5 },
          reasons: [
            { reason: 'hard-to-understand', count: 3 },
            { reason: 'missing-information', count: 2 },
          ],
        },
      ],
    });
    assert.equal(results.feedback.fft, null);
  });

  test('a month of 4 is suppressed, and so is the overall when it would give that month away', () => {
    const shown = useful('2026-10-01T09', 'useful:yes', 8);
    const hidden = useful('2026-11-01T09', 'useful:no', 4);
    const results = feedbackResults([shown, hidden], options).feedback.pageUseful;
    assert.ok(results);
    assert.deepEqual(results.months[1], { month: '2026-11', suppressed: true });
    // Overall (12) minus October (8) would be November's 4 "no" answers.
    assert.deepEqual(results.overall, { suppressed: true });
  });

  test('the overall is shown when the months hidden add up to a group big enough to show', () => {
    const results = feedbackResults(
      [
        useful('2026-10-01T09', 'useful:yes', 8),
        useful('2026-11-01T09', 'useful:no', 3),
        useful('2026-12-01T09', 'useful:no', 2),
      ],
      options,
    ).feedback.pageUseful;
    assert.ok(results);
    assert.deepEqual(
      results.months.map((month) => month.suppressed),
      [false, true, true],
    );
    assert.deepEqual(results.overall, {
      suppressed: false,
      total: 13,
      answers: { yes: 8, no: 5 },
      reasons: [],
    });
  });

  test('the overall is suppressed below minGroupSize and shown at it, even when every month is hidden', () => {
    const months = (perMonth: number[]) =>
      perMonth.map((count, index) => useful(`2026-0${String(index + 1)}-10T10`, 'useful:yes', count));
    assert.deepEqual(feedbackResults(months([2, 2]), options).feedback.pageUseful?.overall, { suppressed: true });
    assert.deepEqual(feedbackResults(months([2, 3]), options).feedback.pageUseful?.overall, {
      suppressed: false,
      total: 5,
      answers: { yes: 5, no: 0 },
      reasons: [],
    });
  });
});

describe('feedbackResults: the body', () => {
  test('a topic with no answers has both sections null', () => {
    assert.deepEqual(feedbackResults([], options), {
      topic,
      timeZone: 'Europe/London',
      minGroupSize: 5,
      feedback: { pageUseful: null, fft: null },
    });
  });

  test("other topics' rows are left out", () => {
    const results = feedbackResults(
      [tally('fft', '2026-10-01T09', 'rating:good', 9, 'other-topic'), fft('2026-10-01T09', 'poor', 5)],
      options,
    );
    const [month] = results.feedback.fft?.months ?? [];
    assert.ok(month && !month.suppressed);
    assert.deepEqual(month.ratings, ratings({ poor: 5 }));
  });

  test('is the same, byte for byte, whatever order the rows come in', () => {
    const rows = [
      useful('2026-10-01T09', 'useful:yes', 4),
      useful('2026-10-02T09', 'useful:no', 3),
      useful('2026-10-02T09', 'reason:out-of-date', 3),
      useful('2026-10-01T09', 'reason:hard-to-understand', 1),
      useful('2026-10-01T09', 'reason:out-of-date', 1),
      fft('2026-11-02T10', 'good', 3),
      fft('2026-12-02T10', 'poor', 6),
      fft('2026-11-03T10', 'very-good', 2),
    ];
    const once = JSON.stringify(feedbackResults(rows, options));
    assert.equal(JSON.stringify(feedbackResults([...rows].reverse(), options)), once);
    assert.match(once, /"out-of-date","count":4\},\{"reason":"hard-to-understand","count":1\}/);
  });
});
