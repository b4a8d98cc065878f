import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PublishedPageUseful } from './results/disclosure/feedback.js';
import { ALL_EXACT_RESULTS, resultsBody, startCollector, validPayload } from './testing/harness.js';

// Reasons are counted by what they are, wherever they sit in a person's list: on SQLite they
// were once grouped by their position in it.
test('"What went wrong?" reasons are counted by reason, not by their place in each answer', async () => {
  const collector = await startCollector(ALL_EXACT_RESULTS);
  try {
    const topic = 'bin-collections';
    const said = [
      ['hard-to-understand', 'out-of-date'],
      ['out-of-date'],
      ['missing-info', 'out-of-date'],
      ['broken-link'],
      [],
    ];
    for (const reasons of said) {
      const answer = { variant: 'page-useful' as const, useful: 'no' as const, ...(reasons.length ? { reasons } : {}) };
      assert.equal((await collector.postJson(validPayload({ topic, answer }))).status, 201);
    }
    const body = await resultsBody(collector.url, topic);
    const overall = body.feedback.pageUseful?.overall as PublishedPageUseful;
    assert.deepEqual(overall.reasons, [
      { reason: 'out-of-date', count: 3 },
      { reason: 'broken-link', count: 1 },
      { reason: 'hard-to-understand', count: 1 },
      { reason: 'missing-info', count: 1 },
    ]);
  } finally {
    await collector.close();
  }
});
