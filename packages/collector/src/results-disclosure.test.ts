/**
 * `GET /v1/results` as a site sees it with the default settings: only completed calendar
 * months (Europe/London) counted, counts under 5 hidden, the rest rounded to 5. Answers are
 * stored at chosen times and the collector's clock is set by the test.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FeedbackPromptAnswer, FftRating, PriorityRankingAnswer } from '@participate/schema';
import type { AcceptedResponse } from './store/store.js';
import {
  fetchResults,
  fruitTreePayload,
  insertAll,
  rankingPayload,
  resultsBody,
  startCollector,
  validPayload,
  type Collector,
  type ResultsBody,
} from './testing/harness.js';

let clock = new Date('2026-11-15T12:00:00Z');
let collector: Collector;
before(async () => {
  collector = await startCollector({ now: () => clock });
});
after(() => collector.close());

/** `count` answers, each a new person's. */
const times = <T>(count: number, answer: (index: number) => T): T[] =>
  Array.from({ length: count }, (_, index) => answer(index));

const feedback = (answer: FeedbackPromptAnswer) => validPayload({ answer });
const useful = (answer: 'yes' | 'no', reasons: string[] = []) =>
  feedback({ variant: 'page-useful', useful: answer, ...(reasons.length > 0 ? { reasons } : {}) });
const fft = (rating: FftRating) => feedback({ variant: 'fft', rating, standardWording: true });

/** FFT answers: so many of each rating. */
const ratings = (counts: Partial<Record<FftRating, number>>): AcceptedResponse[] =>
  Object.entries(counts).flatMap(([rating, count]) => times(count, () => fft(rating as FftRating)));

const OCTOBER = '2026-10-14T10:00:00.000Z';

/** The results of `topic` with the clock in November: October closed, November open. */
async function inNovember(topic: string) {
  clock = new Date('2026-11-15T12:00:00Z');
  return resultsBody(collector.url, topic);
}

describe('GET /v1/results by default: completed months only', () => {
  test('answers of the month still open are counted once it closes, by the London calendar; the ETag changes then', async () => {
    const topic = 'closing-month';
    await insertAll(
      collector,
      topic,
      times(10, () => useful('yes')),
      '2026-06-10T10:00:00.000Z',
    );
    // 00:30 on 1 July in London (BST), though still June in UTC.
    await insertAll(
      collector,
      topic,
      times(7, () => useful('yes')),
      '2026-06-30T23:30:00.000Z',
    );

    clock = new Date('2026-07-15T12:00:00Z');
    const july = await fetchResults(collector.url, topic);
    assert.equal(july.status, 200);
    const etag = july.headers.get('etag') ?? '';
    const june = { suppressed: false, total: 10, answers: { yes: 10, no: 0 }, reasons: [] };
    assert.deepEqual(await july.json(), {
      topic,
      timeZone: 'Europe/London',
      minGroupSize: 5,
      roundTo: 5,
      countedBefore: '2026-07',
      feedback: { pageUseful: { overall: june, months: [{ month: '2026-06', ...june }] }, fft: null },
      ranking: null,
      fruitTree: null,
    });

    // 23:59:59 on 31 July in London: July is still open, nothing has changed.
    clock = new Date('2026-07-31T22:59:59Z');
    const lastSecond = await fetchResults(collector.url, topic, { 'if-none-match': etag });
    assert.equal(lastSecond.status, 304);

    // Midnight in London: July has closed, and its 7 answers count (rounded to 5).
    clock = new Date('2026-07-31T23:00:00Z');
    const closed = await fetchResults(collector.url, topic, { 'if-none-match': etag });
    assert.equal(closed.status, 200);
    assert.notEqual(closed.headers.get('etag'), etag);
    const body = (await closed.json()) as ResultsBody;
    assert.equal(body.countedBefore, '2026-08');
    const rounded = (total: number, yes: number) => ({
      suppressed: false,
      total,
      answers: { yes, no: 0 },
      reasons: [],
    });
    assert.deepEqual(body.feedback, {
      pageUseful: {
        overall: rounded(15, 15),
        months: [
          { month: '2026-06', ...rounded(10, 10) },
          { month: '2026-07', ...rounded(5, 5) },
        ],
      },
      fft: null,
    });
  });
});

describe('GET /v1/results by default: counts rounded to 5, small ones hidden', () => {
  test('counts are rounded to the nearest 5 (7 → 5, 8 → 10, 12 → 10, 13 → 15), and percentages follow them', async () => {
    const topic = 'rounded-fft';
    await insertAll(collector, topic, ratings({ 'very-good': 13, good: 12, neither: 8, poor: 7 }), OCTOBER);
    const [month] = (await inNovember(topic)).feedback.fft?.months ?? [];
    // 40 in all. Positive: 15 + 10 of 40 is 62.5%, 63. Negative: 5 of 40 is 12.5%, 13 (7 of
    // 40, 18%, would give the exact count away).
    assert.deepEqual(month, {
      month: '2026-10',
      suppressed: false,
      total: 40,
      ratings: { 'very-good': 15, good: 10, neither: 10, poor: 5, 'very-poor': 0, 'dont-know': 0 },
      percentPositive: 63,
      percentNegative: 13,
    });
  });

  test('answers and reasons are rounded; a reason given by fewer than 5 is left out', async () => {
    const topic = 'rounded-useful';
    const no = [
      ...times(7, () => useful('no', ['out-of-date'])),
      ...times(1, () => useful('no', ['out-of-date', 'hard-to-understand'])),
      ...times(3, () => useful('no', ['hard-to-understand', 'broken-link'])),
      ...times(2, () => useful('no', ['hard-to-understand'])),
    ];
    await insertAll(collector, topic, [...times(12, () => useful('yes')), ...no], OCTOBER);
    // Out of date 8, hard to understand 6, broken link 3.
    const counts = {
      suppressed: false,
      total: 25,
      answers: { yes: 10, no: 15 },
      reasons: [
        { reason: 'out-of-date', count: 10 },
        { reason: 'hard-to-understand', count: 5 },
      ],
    };
    const { pageUseful } = (await inNovember(topic)).feedback;
    assert.deepEqual(pageUseful, { overall: counts, months: [{ month: '2026-10', ...counts }] });
  });

  test('a count of 1, 2, 3 or 4 is hidden; 0 and 5 are shown', async () => {
    const contact = { name: 'Ada Lovelace', email: 'ada@example.org', consent: true as const };
    for (const given of [0, 1, 2, 3, 4, 5]) {
      const topic = `contact-given-${String(given)}`;
      const people = times(5, (index) =>
        fruitTreePayload(['news@stay-informed:once'], {}, index < given ? { contact } : {}),
      );
      await insertAll(collector, topic, people, OCTOBER);
      const tree = (await inNovember(topic)).fruitTree;
      assert.ok(tree && !tree.suppressed);
      assert.equal(tree.contactGiven, given >= 1 && given <= 4 ? null : given, `${String(given)} gave contact details`);
    }

    const topic = 'small-ratings';
    await insertAll(
      collector,
      topic,
      ratings({ 'very-good': 10, good: 1, neither: 2, poor: 3, 'very-poor': 4 }),
      OCTOBER,
    );
    const [month] = (await inNovember(topic)).feedback.fft?.months ?? [];
    // The empty "don't know" is hidden with them: which rating nobody gave would tell.
    assert.deepEqual(month, {
      month: '2026-10',
      suppressed: false,
      total: 20,
      ratings: { 'very-good': 10, good: null, neither: null, poor: null, 'very-poor': null, 'dont-know': null },
      percentPositive: null,
      percentNegative: null,
    });
  });

  test('a partition with one small count hides a second, the smallest of the rest', async () => {
    await insertAll(
      collector,
      'one-small-no',
      [...times(10, () => useful('yes')), ...times(3, () => useful('no'))],
      OCTOBER,
    );
    const overall = (await inNovember('one-small-no')).feedback.pageUseful?.overall;
    assert.deepEqual(overall, { suppressed: false, total: 15, answers: { yes: null, no: null }, reasons: [] });

    const topic = 'one-small-rating';
    const each = { 'very-good': 10, good: 9, neither: 8, poor: 7, 'very-poor': 6, 'dont-know': 2 };
    await insertAll(collector, topic, ratings(each), OCTOBER);
    const [month] = (await inNovember(topic)).feedback.fft?.months ?? [];
    // 42 in all, shown as 40: positive 20 of 40; negative needs the hidden "very poor".
    assert.deepEqual(month, {
      month: '2026-10',
      suppressed: false,
      total: 40,
      ratings: { 'very-good': 10, good: 10, neither: 10, poor: 5, 'very-poor': null, 'dont-know': null },
      percentPositive: 50,
      percentNegative: null,
    });
  });

  test("a hidden month's total never follows from the overall less the months shown", async () => {
    // The answers of each month in each world; months of fewer than 5 are hidden.
    const worlds: [string, number][][] = [];
    for (const shown of [5, 7, 8, 12, 13]) {
      for (const hidden of [1, 2, 3, 4]) {
        worlds.push([
          ['2026-09', shown],
          ['2026-10', hidden],
        ]);
      }
    }
    // Hidden months that add up to 5 or more, with and without a month shown.
    worlds.push(
      [
        ['2026-08', 10],
        ['2026-09', 3],
        ['2026-10', 4],
      ],
      [
        ['2026-08', 12],
        ['2026-09', 2],
        ['2026-10', 4],
      ],
      [
        ['2026-09', 3],
        ['2026-10', 4],
      ],
    );
    for (const [index, world] of worlds.entries()) {
      const topic = `hidden-month-${String(index)}`;
      for (const [month, count] of world) {
        await insertAll(
          collector,
          topic,
          times(count, () => useful('yes')),
          `${month}-14T10:00:00.000Z`,
        );
      }
      const what = JSON.stringify(world);
      const hidden = world.filter(([, count]) => count < 5);
      const { pageUseful } = (await inNovember(topic)).feedback;
      assert.ok(pageUseful, what);
      assert.deepEqual(
        pageUseful.months.map(({ month }) => month),
        world.map(([month]) => month),
      );
      let shownTotal = 0;
      for (const month of pageUseful.months) {
        if (hidden.some(([small]) => small === month.month)) {
          assert.deepEqual(month, { month: month.month, suppressed: true }, what);
        } else {
          assert.ok(!month.suppressed && month.total !== null, what);
          shownTotal += month.total;
        }
      }
      const hiddenTotal = hidden.reduce((sum, [, count]) => sum + count, 0);
      if (hiddenTotal < 5) {
        // What is left over would be the hidden months together, a small group: no overall.
        assert.deepEqual(pageUseful.overall, { suppressed: true }, what);
        continue;
      }
      assert.ok(!pageUseful.overall.suppressed && pageUseful.overall.total !== null, what);
      // Every count shown is a multiple of 5, so what is left over is too: never a hidden
      // month's count.
      const leftOver = pageUseful.overall.total - shownTotal;
      assert.equal(leftOver % 5, 0, what);
      for (const [, count] of hidden) assert.notEqual(leftOver, count, what);
    }
  });
});

describe('GET /v1/results by default: what is hidden gives no count', () => {
  const shown = ['libraries', 'parks', 'roads'];

  test('a suppressed ranking mode says only that, and the total beside a mode shown is hidden too', async () => {
    const topic = 'hidden-mode';
    const rank: PriorityRankingAnswer = {
      mode: 'rank',
      shown,
      shuffled: false,
      order: ['parks', 'roads', 'libraries'],
    };
    const points: PriorityRankingAnswer = {
      mode: 'points',
      shown,
      shuffled: false,
      budget: 10,
      mustSpendAll: true,
      points: { roads: 10 },
    };
    const answers = [...times(6, () => rankingPayload(rank)), ...times(3, () => rankingPayload(points))];
    await insertAll(collector, topic, answers, OCTOBER);
    const { ranking } = await inNovember(topic);
    assert.ok(ranking);
    // 9 in all less the 5 shown would leave the points mode's count within rounding.
    assert.equal(ranking.responses, null);
    assert.deepEqual(ranking.modes, ['rank', 'points']);
    assert.deepEqual(ranking.points, { suppressed: true });
    assert.equal(ranking.top, null);
    assert.equal(ranking.pairwise, null);
    assert.ok(ranking.rank && !ranking.rank.suppressed);
    assert.equal(ranking.rank.responses, 5);
    assert.deepEqual(
      ranking.rank.options.map(({ option, firstPreferences, ranked }) => ({ option, firstPreferences, ranked })),
      [
        { option: 'parks', firstPreferences: 5, ranked: 5 },
        { option: 'roads', firstPreferences: 0, ranked: 5 },
        { option: 'libraries', firstPreferences: 0, ranked: 5 },
      ],
    );
  });

  test('a suppressed fruit tree and "Is this page useful?" say only that', async () => {
    await insertAll(
      collector,
      'small-tree',
      times(4, () => fruitTreePayload(['news@stay-informed:once'])),
      OCTOBER,
    );
    assert.deepEqual((await inNovember('small-tree')).fruitTree, { suppressed: true });

    await insertAll(
      collector,
      'small-useful',
      times(4, () => useful('no', ['out-of-date'])),
      OCTOBER,
    );
    assert.deepEqual((await inNovember('small-useful')).feedback.pageUseful, {
      overall: { suppressed: true },
      months: [{ month: '2026-10', suppressed: true }],
    });
  });
});
