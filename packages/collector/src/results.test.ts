import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FftRating } from '@participate/schema';
import { buildServer } from './server.js';
import { resultsWorkers, type ResultsWorkers } from './results/results-workers.js';
import { SqliteStore } from './store/sqlite-store.js';
import {
  ADMIN_TOKEN,
  ALL_EXACT_RESULTS,
  OPEN_EXACT_RESULTS,
  ORIGIN,
  rankingPayload,
  startCollector,
  tempDir,
  validPayload,
  type Collector,
  type ResultsBody,
} from './testing/harness.js';

// Counted as they arrive and shown exactly; groups and counts under 5 hidden, as by default.
let collector: Collector;
// Counted as they arrive, every count shown: for the arithmetic.
let exact: Collector;
before(async () => {
  collector = await startCollector(OPEN_EXACT_RESULTS);
  exact = await startCollector(ALL_EXACT_RESULTS);
});
after(async () => {
  await collector.close();
  await exact.close();
});

const resultsOf = (query: string, headers: Record<string, string> = {}, at = collector) =>
  fetch(`${at.url}/v1/results${query}`, { headers });

async function post(payload: ReturnType<typeof validPayload>, at = collector) {
  assert.equal((await at.postJson(payload)).status, 201);
}

const fftAnswer = (topic: string, rating: FftRating) =>
  validPayload({
    topic,
    answer: { variant: 'fft', rating, comment: 'Dr Smith was kind to me.', standardWording: true },
  });

/** The calendar month in London now: responses are counted in the month their chain was received. */
const londonMonth = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' }).format(new Date());

describe('GET /v1/results', () => {
  test('gives FFT counts over the latest answer of each chain, and no free text', async () => {
    const topic = 'maternity';
    const before = londonMonth();
    const changed = fftAnswer(topic, 'poor');
    await post(changed, exact);
    // The same person changes "poor" to "very good": only the latest counts.
    await post({ ...fftAnswer(topic, 'very-good'), amends: changed.id }, exact);
    for (const rating of ['very-good', 'good', 'poor', 'dont-know'] as const) {
      await post(fftAnswer(topic, rating), exact);
    }
    const monthsSpanned = new Set([before, londonMonth()]);

    const response = await resultsOf(`?topic=${topic}`, {}, exact);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const text = await response.text();
    assert.doesNotMatch(text, /Smith/);
    const body = JSON.parse(text) as ResultsBody;
    const [month] = body.feedback.fft?.months ?? [];
    assert.ok(month && monthsSpanned.has(month.month), `month ${String(month?.month)}`);
    assert.deepEqual(body, {
      topic,
      timeZone: 'Europe/London',
      minGroupSize: 1,
      roundTo: 1,
      countedBefore: null,
      feedback: {
        pageUseful: null,
        fft: {
          months: [
            {
              month: month.month,
              suppressed: false,
              total: 5,
              ratings: { 'very-good': 2, good: 1, neither: 0, poor: 1, 'very-poor': 0, 'dont-know': 1 },
              percentPositive: 60,
              percentNegative: 20,
            },
          ],
        },
      },
      ranking: null,
      fruitTree: null,
    });
  });

  test('gives "Is this page useful?" answers and reasons, overall and by month', async () => {
    const topic = 'bins';
    const pageUseful = (useful: 'yes' | 'no', reasons?: string[]) =>
      validPayload({ topic, answer: { variant: 'page-useful', useful, ...(reasons ? { reasons } : {}) } });
    const changed = pageUseful('no', ['out-of-date']);
    await post(changed, exact);
    await post({ ...pageUseful('yes'), amends: changed.id }, exact);
    await post(pageUseful('yes'), exact);
    await post(pageUseful('no', ['out-of-date', 'hard-to-understand']), exact);
    await post(pageUseful('no', ['out-of-date']), exact);
    await post(pageUseful('no'), exact);

    const body = (await (await resultsOf(`?topic=${topic}`, {}, exact)).json()) as ResultsBody;
    assert.equal(body.feedback.fft, null);
    const counts = {
      suppressed: false,
      total: 5,
      answers: { yes: 2, no: 3 },
      reasons: [
        { reason: 'out-of-date', count: 2 },
        { reason: 'hard-to-understand', count: 1 },
      ],
    };
    assert.deepEqual(body.feedback.pageUseful?.overall, counts);
    assert.equal(body.feedback.pageUseful.months.length, 1);
    const [month] = body.feedback.pageUseful.months;
    assert.deepEqual(month, { month: month?.month, ...counts });
  });

  test('suppresses a month of 4 responses and shows it once it has 5', async () => {
    const topic = 'small-clinic';
    for (const rating of ['good', 'good', 'very-poor', 'neither'] as const) await post(fftAnswer(topic, rating));
    const four = (await (await resultsOf(`?topic=${topic}`)).json()) as ResultsBody;
    const [hidden] = four.feedback.fft?.months ?? [];
    assert.deepEqual(hidden, { month: hidden?.month, suppressed: true });

    await post(fftAnswer(topic, 'very-good'));
    const five = (await (await resultsOf(`?topic=${topic}`)).json()) as ResultsBody;
    const [shown] = five.feedback.fft?.months ?? [];
    assert.ok(shown && !shown.suppressed);
    assert.equal(shown.total, 5);
    // Each rating was given by fewer than 5, so each is hidden, the empty ones too, and with
    // them the percentages they would add up to.
    assert.deepEqual(shown.ratings, {
      'very-good': null,
      good: null,
      neither: null,
      poor: null,
      'very-poor': null,
      'dont-know': null,
    });
    assert.equal(shown.percentPositive, null);
    assert.equal(shown.percentNegative, null);
  });

  test('a topic nobody has answered is 200 with empty sections', async () => {
    const response = await resultsOf('?topic=nobody-here');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      topic: 'nobody-here',
      timeZone: 'Europe/London',
      minGroupSize: 5,
      roundTo: 1,
      countedBefore: null,
      feedback: { pageUseful: null, fft: null },
      ranking: null,
      fruitTree: null,
    });
  });

  test('is cacheable: a strong ETag, 304 for If-None-Match, a new ETag after a new response', async () => {
    const topic = 'outpatients';
    for (const rating of ['good', 'good', 'poor', 'neither', 'very-good'] as const)
      await post(fftAnswer(topic, rating));

    const first = await resultsOf(`?topic=${topic}`);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^"[\w-]{20,}"$/);
    const firstBody = await first.text();

    const again = await resultsOf(`?topic=${topic}`);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(await again.text(), firstBody);

    for (const ifNoneMatch of [etag, `W/${etag}`, `"something-else", ${etag}`, '*']) {
      const notModified = await resultsOf(`?topic=${topic}`, { 'if-none-match': ifNoneMatch });
      assert.equal(notModified.status, 304, ifNoneMatch);
      assert.equal(notModified.headers.get('etag'), etag);
      assert.equal(notModified.headers.get('cache-control'), 'public, max-age=60');
      assert.equal(await notModified.text(), '');
    }
    const otherTag = await resultsOf(`?topic=${topic}`, { 'if-none-match': '"something-else"' });
    assert.equal(otherTag.status, 200);
    await otherTag.body?.cancel();

    await post(fftAnswer(topic, 'very-poor'));
    const changed = await resultsOf(`?topic=${topic}`, { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    const newEtag = changed.headers.get('etag');
    assert.ok(newEtag && newEtag !== etag);
    const [month] = ((await changed.json()) as ResultsBody).feedback.fft?.months ?? [];
    assert.equal(month?.suppressed === false && month.total, 6);
  });

  for (const [name, query] of [
    ['no topic', ''],
    ['an empty topic', '?topic='],
    ['a topic that is not a slug', '?topic=Bin%20Collections'],
    ['a topic starting with a hyphen', '?topic=-bins'],
    ['a topic given twice', '?topic=bins&topic=maternity'],
    ['a topic longer than any stored', `?topic=${'a'.repeat(201)}`],
  ] as const) {
    test(`is 400 invalid_query for ${name}, and not cached`, async () => {
      const response = await resultsOf(query);
      assert.equal(response.status, 400);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('etag'), null);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'invalid_query');
    });
  }
});

describe('GET /v1/results, worked out once per change', () => {
  test('reads the answers once while they stay the same, and again as soon as one arrives or goes', async () => {
    const dir = tempDir();
    const store = new SqliteStore(join(dir.path, 'participate.db'));
    let reads = 0;
    // The real worker threads, counting how often they are asked to work results out.
    const real = resultsWorkers(store.location, {
      minGroupSize: 1,
      roundTo: 1,
      publishOpenPeriod: true,
      timeZone: 'Europe/London',
    });
    const workers: ResultsWorkers = {
      workOut: (topic, now) => {
        reads += 1;
        return real.workOut(topic, now);
      },
      close: () => real.close(),
    };
    const counted = await startCollector({ store, resultsWorkers: workers });
    const responses = async () => {
      const response = await fetch(`${counted.url}/v1/results?topic=budget`);
      assert.equal(response.status, 200);
      return ((await response.json()) as ResultsBody).ranking?.responses;
    };
    try {
      const payloads = Array.from({ length: 3 }, () => rankingPayload(undefined, { topic: 'budget' }));
      for (const payload of payloads.slice(0, 2)) assert.equal((await counted.postJson(payload)).status, 201);
      assert.equal(await responses(), 2);
      assert.deepEqual(await Promise.all([responses(), responses(), responses()]), [2, 2, 2]);
      assert.equal(reads, 1, 'worked out once for four requests');

      assert.equal((await counted.postJson(payloads[2])).status, 201);
      assert.equal(await responses(), 3, 'a new response shows at once');
      assert.equal(reads, 2);

      const deleted = await fetch(`${counted.url}/v1/responses/${payloads[0]?.id ?? ''}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      assert.equal(deleted.status, 200);
      assert.equal(await responses(), 2, 'a deleted response goes at once');
      assert.equal(reads, 3);
    } finally {
      await counted.close();
      await store.close();
      dir.remove();
    }
  });
});

describe('GET /v1/results with a store that cannot be read', () => {
  test('is 503 store_unavailable, not cached', async () => {
    const broken = await startCollector();
    try {
      await broken.store.close();
      const response = await fetch(`${broken.url}/v1/results?topic=bins`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'store_unavailable');
    } finally {
      await broken.close();
    }
  });
});

describe('GET /v1/results settings', () => {
  test('minGroupSize, roundTo, publishOpenPeriod and timeZone come from the server options', async () => {
    const custom = await startCollector({ ...OPEN_EXACT_RESULTS, minGroupSize: 2, timeZone: 'America/New_York' });
    try {
      for (const rating of ['good', 'poor'] as const) {
        assert.equal((await custom.postJson(fftAnswer('er', rating))).status, 201);
      }
      const body = (await (await fetch(`${custom.url}/v1/results?topic=er`)).json()) as ResultsBody;
      assert.equal(body.minGroupSize, 2);
      assert.equal(body.roundTo, 1);
      assert.equal(body.countedBefore, null, 'the open month is counted');
      assert.equal(body.timeZone, 'America/New_York');
      assert.equal(body.feedback.fft?.months[0]?.suppressed, false);
    } finally {
      await custom.close();
    }
  });

  for (const [name, settings] of [
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }],
    ['a negative minGroupSize', { minGroupSize: -1 }],
    ['a fractional minGroupSize', { minGroupSize: 2.5 }],
    ['a roundTo of 0', { roundTo: 0 }],
    ['a fractional roundTo', { roundTo: 2.5 }],
  ] as const) {
    test(`${name} stops the server starting`, async () => {
      const dir = tempDir();
      const store = new SqliteStore(join(dir.path, 'participate.db'));
      try {
        await assert.rejects(async () => {
          const app = buildServer({ store, allowedOrigins: [ORIGIN], adminToken: ADMIN_TOKEN, ...settings });
          await app.ready();
        }, RangeError);
      } finally {
        await store.close();
        dir.remove();
      }
    });
  }
});
