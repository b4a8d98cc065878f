import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { SqliteStore } from '../store/sqlite-store.js';
import { tempDir, validPayload } from '../testing/harness.js';
import { ResultsBusyError, resultsWorkers } from './results-workers.js';

const settings = { minGroupSize: 1, roundTo: 1, publishOpenPeriod: true, timeZone: 'Europe/London' };

test('worker threads work results out through their own connection, and refuse what cannot wait', async () => {
  const dir = tempDir();
  const store = new SqliteStore(join(dir.path, 'participate.db'));
  await store.insert(validPayload({ topic: 'bins' }), new Date().toISOString());
  const workers = resultsWorkers(store.location, settings, { threads: 1, queue: 1 });
  try {
    const body = JSON.parse(await workers.workOut('bins', new Date())) as { feedback: { pageUseful: unknown } };
    assert.notEqual(body.feedback.pageUseful, null, 'the answer was read on the worker thread');

    // Asked at once for more topics than one thread and a queue of one can hold.
    const outcomes = await Promise.allSettled(['a', 'b', 'c', 'd'].map((topic) => workers.workOut(topic, new Date())));
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    assert.ok(refused.length >= 1, 'some were turned away');
    assert.ok(refused.every((outcome) => outcome.reason instanceof ResultsBusyError));
    assert.ok(
      outcomes.some((outcome) => outcome.status === 'fulfilled'),
      'and some were worked out',
    );
  } finally {
    await workers.close();
    await store.close();
    dir.remove();
  }
});
