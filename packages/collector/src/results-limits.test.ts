import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ResultsBusyError, type ResultsWorkers } from './results/results-workers.js';
import { OPEN_EXACT_RESULTS, startCollector } from './testing/harness.js';

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('GET /v1/results: what one client can ask for', () => {
  test('is rate limited per client: 429 with Retry-After once the limit is reached', async () => {
    const collector = await startCollector({ ...OPEN_EXACT_RESULTS, resultsRateLimitPerMinute: 3 });
    try {
      const ask = (topic: string) => fetch(`${collector.url}/v1/results?topic=${topic}`);
      // Different topics each time: kept results do not make a client's requests free.
      for (const topic of ['bins', 'parks', 'roads']) assert.equal((await ask(topic)).status, 200);
      const refused = await ask('libraries');
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.equal(await errorCode(refused), 'rate_limited');
    } finally {
      await collector.close();
    }
  });

  test('is 503 results_busy with Retry-After when too many topics wait to be worked out, and not kept', async () => {
    let busy = true;
    const workers: ResultsWorkers = {
      workOut: () => (busy ? Promise.reject(new ResultsBusyError('many topics')) : Promise.resolve('{"topic":"bins"}')),
      close: () => Promise.resolve(),
    };
    const collector = await startCollector({ ...OPEN_EXACT_RESULTS, resultsWorkers: workers });
    try {
      const turnedAway = await fetch(`${collector.url}/v1/results?topic=bins`);
      assert.equal(turnedAway.status, 503);
      assert.equal(turnedAway.headers.get('retry-after'), '5');
      assert.equal(turnedAway.headers.get('cache-control'), 'no-store');
      assert.equal(await errorCode(turnedAway), 'results_busy');
      busy = false;
      const later = await fetch(`${collector.url}/v1/results?topic=bins`);
      assert.equal(later.status, 200, 'a refusal is not kept as the topic’s results');
    } finally {
      await collector.close();
    }
  });
});
