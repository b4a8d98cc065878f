import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PriorityRankingAnswer } from '@participate/schema';
import { CSV_COLUMNS } from './export/csv.js';
import { ADMIN_TOKEN, rankingPayload, startCollector, validPayload, type Collector } from './testing/harness.js';

let collector: Collector;
const shown = ['a', 'b', 'c'];
const answers: PriorityRankingAnswer[] = [
  { mode: 'rank', shown, shuffled: false, order: ['b', 'a', 'c'] },
  { mode: 'top', shown, shuffled: true, max: 2, top: ['c', 'a'] },
  { mode: 'points', shown, shuffled: false, budget: 10, mustSpendAll: true, points: { b: 4, a: 6 } },
  {
    mode: 'pairwise',
    shown,
    shuffled: true,
    comparisons: [
      { a: 'a', b: 'b', choice: 'b' },
      { a: 'c', b: 'a', choice: 'a' },
      { a: 'a', b: 'c', choice: 'cant-decide' },
    ],
    stoppedEarly: true,
  },
];

before(async () => {
  collector = await startCollector();
  for (const answer of answers) {
    assert.equal((await collector.postJson(rankingPayload(answer, { topic: 'priorities' }))).status, 201);
  }
  assert.equal((await collector.postJson(validPayload({ topic: 'priorities' }))).status, 201);
});
after(() => collector.close());

test('CSV: ranking answers in the columns after the feedback ones; empty for feedback answers', async () => {
  const response = await fetch(`${collector.url}/v1/responses?format=csv`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  assert.equal(response.status, 200);
  // No cell here needs quoting, so lines and commas are enough.
  const [header, ...rows] = (await response.text())
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  assert.deepEqual(header, [...CSV_COLUMNS]);
  assert.deepEqual(CSV_COLUMNS.slice(0, 15), [
    'id',
    'amends',
    'received_at',
    'submitted_at',
    'widget',
    'variant',
    'topic',
    'stage',
    'locale',
    'page',
    'useful',
    'rating',
    'standard_wording',
    'reasons',
    'comment',
  ]);
  const ranking = (row: string[] | undefined) =>
    row?.slice(CSV_COLUMNS.indexOf('shown'), CSV_COLUMNS.indexOf('stopped_early') + 1);
  assert.deepEqual(rows.map(ranking), [
    ['a;b;c', 'false', 'b;a;c', '', '', '', ''],
    ['a;b;c', 'true', 'c;a', '2', '', '', ''],
    ['a;b;c', 'false', 'a:6;b:4;c:0', '', '10', 'true', ''],
    ['a;b;c', 'true', 'b>a;c>a;a=c', '', '', '', 'true'],
    ['', '', '', '', '', '', ''],
  ]);
  assert.deepEqual(
    rows.map((row) => row[CSV_COLUMNS.indexOf('variant')]),
    ['rank', 'top', 'points', 'pairwise', 'page-useful'],
  );
});
