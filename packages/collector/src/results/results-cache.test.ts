import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ResultsCache } from './results-cache.js';

/** A cache on a clock the test moves, and a count of the work it asked for. */
function setUp(limit = 10, maxAgeMs = 60_000) {
  let now = 0;
  const cache = new ResultsCache<string>({ limit, maxAgeMs, now: () => now });
  const worked: string[] = [];
  const work = (result: string) => () => {
    worked.push(result);
    return Promise.resolve(result);
  };
  return {
    cache,
    worked,
    work,
    wait: (ms: number) => (now += ms),
  };
}

describe('ResultsCache', () => {
  test('works results out once while the revision stays the same', async () => {
    const { cache, worked, work } = setUp();
    assert.equal(await cache.get('gp', 'r1', work('first')), 'first');
    assert.equal(await cache.get('gp', 'r1', work('second')), 'first');
    assert.deepEqual(worked, ['first']);
  });

  test('works them out again when the revision changes, and keeps topics apart', async () => {
    const { cache, worked, work } = setUp();
    await cache.get('gp', 'r1', work('gp at r1'));
    await cache.get('parking', 'r1', work('parking at r1'));
    assert.equal(await cache.get('gp', 'r2', work('gp at r2')), 'gp at r2');
    assert.equal(await cache.get('parking', 'r1', work('again')), 'parking at r1');
    assert.deepEqual(worked, ['gp at r1', 'parking at r1', 'gp at r2']);
  });

  test('requests that arrive while results are being worked out share the work', async () => {
    const { cache } = setUp();
    let calls = 0;
    let finish: (value: string) => void = () => undefined;
    const slow = () => {
      calls += 1;
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const both = Promise.all([cache.get('gp', 'r1', slow), cache.get('gp', 'r1', slow)]);
    finish('done');
    assert.deepEqual(await both, ['done', 'done']);
    assert.equal(calls, 1);
  });

  test('does not keep results past their maximum age', async () => {
    const { cache, worked, work, wait } = setUp(10, 60_000);
    await cache.get('gp', 'r1', work('first'));
    wait(59_999);
    await cache.get('gp', 'r1', work('not yet'));
    wait(1);
    assert.equal(await cache.get('gp', 'r1', work('renewed')), 'renewed');
    assert.deepEqual(worked, ['first', 'renewed']);
  });

  test('does not keep a failure: the next request tries again', async () => {
    const { cache, work } = setUp();
    await assert.rejects(
      cache.get('gp', 'r1', () => Promise.reject(new Error('store down'))),
      /store down/,
    );
    assert.equal(await cache.get('gp', 'r1', work('recovered')), 'recovered');
  });

  test('keeps at most `limit` topics, dropping the one asked for least recently', async () => {
    const { cache, worked, work } = setUp(2);
    await cache.get('a', 'r', work('a'));
    await cache.get('b', 'r', work('b'));
    await cache.get('a', 'r', work('a again'));
    await cache.get('c', 'r', work('c'));
    await cache.get('a', 'r', work('a kept?'));
    await cache.get('b', 'r', work('b dropped'));
    assert.deepEqual(worked, ['a', 'b', 'c', 'b dropped']);
  });
});
