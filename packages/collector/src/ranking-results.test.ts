import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PairwiseComparison, PriorityRankingAnswer } from '@participate/schema';
import {
  ALL_EXACT_RESULTS,
  OPEN_EXACT_RESULTS,
  rankingPayload,
  resultsBody,
  startCollector,
  type Collector,
  type ResultsBody,
} from './testing/harness.js';

// Counted as they arrive, every count shown: for the arithmetic.
let collector: Collector;
// Counted as they arrive and shown exactly; modes and counts under 5 hidden, as by default.
let guarded: Collector;
before(async () => {
  collector = await startCollector(ALL_EXACT_RESULTS);
  guarded = await startCollector(OPEN_EXACT_RESULTS);
});
after(async () => {
  await collector.close();
  await guarded.close();
});

const shown = ['a', 'b', 'c'];

/** Posts to each collector given (by default the exact one) the same response; its id. */
async function post(
  answer: PriorityRankingAnswer,
  topic: string,
  amends?: string,
  to: Collector[] = [collector],
): Promise<string> {
  const payload = rankingPayload(answer, { topic, ...(amends === undefined ? {} : { amends }) });
  for (const at of to) assert.equal((await at.postJson(payload)).status, 201);
  return payload.id;
}

async function rankingOf(topic: string, at = collector): Promise<ResultsBody['ranking']> {
  return (await resultsBody(at.url, topic)).ranking;
}

const rank = (order: string): PriorityRankingAnswer => ({
  mode: 'rank',
  shown,
  shuffled: false,
  order: Array.from(order),
});

describe('GET /v1/results: the ranking section', () => {
  test('full rankings: Borda, first preferences, mean position and Schulze order, latest answer of each chain', async () => {
    const topic = 'ranking-rank';
    const both = [collector, guarded];
    for (const order of ['abc', 'acb', 'bac', 'abc']) await post(rank(order), topic, undefined, both);
    // Changed twice: only "cba" counts.
    const first = await post(rank('bca'), topic, undefined, both);
    await post(rank('acb'), topic, first, both);
    await post(rank('cba'), topic, first, both);
    // Four top-3 answers: too few to show where groups under 5 are hidden.
    for (let i = 0; i < 4; i++) {
      await post({ mode: 'top', shown, shuffled: true, max: 2, top: ['c'] }, topic, undefined, both);
    }

    // Borda (3 shown: 2, 1, 0): a 2+2+1+2+0 = 7, b 1+0+2+1+1 = 5, c 0+1+0+0+2 = 3.
    // Positions: a 1,1,2,1,3 (8/5), b 2,3,1,2,2 (10/5), c 3,2,3,3,1 (12/5).
    // Pairs: a over b 3–2, a over c 4–1, b over c 3–2, so Schulze gives a > b > c.
    const rankOptions = [
      { option: 'a', borda: 7, firstPreferences: 3, ranked: 5, meanPosition: 1.6, schulzeBeats: 2 },
      { option: 'b', borda: 5, firstPreferences: 1, ranked: 5, meanPosition: 2, schulzeBeats: 1 },
      { option: 'c', borda: 3, firstPreferences: 1, ranked: 5, meanPosition: 2.4, schulzeBeats: 0 },
    ];
    // Top: c first on every ballot (2 points of 3 shown), a and b shown, not chosen, tied.
    assert.deepEqual(await rankingOf(topic), {
      responses: 9,
      modes: ['rank', 'top'],
      rank: { responses: 5, suppressed: false, options: rankOptions },
      top: {
        responses: 4,
        suppressed: false,
        options: [
          { option: 'c', borda: 8, firstPreferences: 4, ranked: 4, meanPosition: 1, schulzeBeats: 2 },
          { option: 'a', borda: 0, firstPreferences: 0, ranked: 0, meanPosition: null, schulzeBeats: 0 },
          { option: 'b', borda: 0, firstPreferences: 0, ranked: 0, meanPosition: null, schulzeBeats: 0 },
        ],
      },
      points: null,
      pairwise: null,
    });
    // Under 5: the top mode says nothing, not even how many, so neither does the total beside
    // the rank mode's; first preferences 3, 1 and 1 add up to the 5 shown, so all are hidden.
    assert.deepEqual(await rankingOf(topic, guarded), {
      responses: null,
      modes: ['rank', 'top'],
      rank: {
        responses: 5,
        suppressed: false,
        options: rankOptions.map((option) => ({ ...option, firstPreferences: null })),
      },
      top: { suppressed: true },
      points: null,
      pairwise: null,
    });
  });

  test('top-N: options not chosen score 0 and have no mean position', async () => {
    const topic = 'ranking-top';
    const top = (chosen: string): PriorityRankingAnswer => ({
      mode: 'top',
      shown: ['a', 'b', 'c', 'd'],
      shuffled: false,
      max: 2,
      top: Array.from(chosen),
    });
    for (const chosen of ['ca', 'c', 'ab', 'cb', 'c']) await post(top(chosen), topic);
    const ranking = await rankingOf(topic);
    // Borda (4 shown: 3 for first, 2 for second): a 2+3 = 5, b 2+2 = 4, c 3×4 = 12, d 0.
    assert.deepEqual(ranking?.top, {
      responses: 5,
      suppressed: false,
      options: [
        { option: 'c', borda: 12, firstPreferences: 4, ranked: 4, meanPosition: 1, schulzeBeats: 3 },
        { option: 'a', borda: 5, firstPreferences: 1, ranked: 2, meanPosition: 1.5, schulzeBeats: 2 },
        { option: 'b', borda: 4, firstPreferences: 0, ranked: 2, meanPosition: 2, schulzeBeats: 1 },
        { option: 'd', borda: 0, firstPreferences: 0, ranked: 0, meanPosition: null, schulzeBeats: 0 },
      ],
    });
  });

  test('points: mean and share, options given nothing counting as 0', async () => {
    const topic = 'ranking-points';
    const shares: Record<string, number>[] = [{ a: 10 }, { a: 5, b: 5 }, { b: 10 }, { a: 4, b: 3, c: 3 }, { c: 10 }];
    for (const points of shares) {
      await post({ mode: 'points', shown, shuffled: false, budget: 10, mustSpendAll: true, points }, topic);
    }
    // a: 10, 5, 0, 4, 0; b: 0, 5, 10, 3, 0; c: 0, 0, 0, 3, 10; 50 points in all. The median
    // is not published: it is one person's answer.
    assert.deepEqual((await rankingOf(topic))?.points, {
      responses: 5,
      suppressed: false,
      options: [
        { option: 'a', shownTo: 5, total: 19, mean: 3.8, share: 0.38 },
        { option: 'b', shownTo: 5, total: 18, mean: 3.6, share: 0.36 },
        { option: 'c', shownTo: 5, total: 13, mean: 2.6, share: 0.26 },
      ],
    });
  });

  test('pairwise: win rates, "can\'t decide" apart, and Bradley–Terry strengths in the order the wins imply', async () => {
    const topic = 'ranking-pairwise';
    const pairs: PairwiseComparison[] = [
      { a: 'a', b: 'b', choice: 'a' },
      { a: 'b', b: 'c', choice: 'a' },
      { a: 'c', b: 'a', choice: 'b' },
    ];
    for (let i = 0; i < 4; i++) {
      await post({ mode: 'pairwise', shown, shuffled: true, comparisons: pairs, stoppedEarly: false }, topic);
    }
    await post(
      {
        mode: 'pairwise',
        shown,
        shuffled: true,
        comparisons: [{ a: 'b', b: 'a', choice: 'cant-decide' }],
        stoppedEarly: true,
      },
      topic,
    );
    const pairwise = (await rankingOf(topic))?.pairwise;
    assert.ok(pairwise && !pairwise.suppressed);
    const { options, ...counts } = pairwise;
    assert.deepEqual(counts, { responses: 5, suppressed: false, comparisons: 13, cantDecide: 1, stoppedEarly: 1 });
    assert.deepEqual(
      options.map(({ option, comparisons, wins, losses, cantDecide, winRate }) => ({
        option,
        comparisons,
        wins,
        losses,
        cantDecide,
        winRate,
      })),
      [
        { option: 'a', comparisons: 9, wins: 8, losses: 0, cantDecide: 1, winRate: 1 },
        { option: 'b', comparisons: 9, wins: 4, losses: 4, cantDecide: 1, winRate: 0.5 },
        { option: 'c', comparisons: 8, wins: 0, losses: 8, cantDecide: 0, winRate: 0 },
      ],
    );
    const [a, b, c] = options.map((option) => option.strength);
    assert.ok(a !== undefined && b !== undefined && c !== undefined);
    // Never beaten and never winning, yet finite thanks to the prior.
    assert.ok(a < 1 && c > 0 && a > b && b > c, `strengths ${String(a)}, ${String(b)}, ${String(c)}`);
    assert.ok(Math.abs(a + b + c - 1) <= 0.0002);
    // b won and lost equally against the others, symmetrically: it sits at the geometric middle.
    assert.ok(Math.abs(b * b - a * c) < 0.001);
  });

  test('a new ranking answer changes the ETag; an unchanged topic answers 304', async () => {
    const topic = 'ranking-etag';
    for (const order of ['abc', 'bca', 'cab', 'abc', 'bac']) await post(rank(order), topic);
    const url = `${collector.url}/v1/results?topic=${topic}`;
    const first = await fetch(url);
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^"/);
    assert.equal((await fetch(url, { headers: { 'if-none-match': etag } })).status, 304);
    await post(rank('cba'), topic);
    const changed = await fetch(url, { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.equal(((await changed.json()) as ResultsBody).ranking?.responses, 6);
  });

  test('a topic with too few ranking answers shows no count of them, in any mode or in all', async () => {
    const topic = 'ranking-small';
    await post(rank('abc'), topic, undefined, [guarded]);
    await post(
      { mode: 'points', shown, shuffled: false, budget: 5, mustSpendAll: false, points: { b: 2 } },
      topic,
      undefined,
      [guarded],
    );
    assert.deepEqual(await rankingOf(topic, guarded), {
      responses: null,
      modes: ['rank', 'points'],
      rank: { suppressed: true },
      top: null,
      points: { suppressed: true },
      pairwise: null,
    });
  });
});
