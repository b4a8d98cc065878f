import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, mock, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { cutoffsFor, PURGE_INTERVAL_MS, scheduleRetention } from './retention.js';
import { buildServer } from './server.js';
import { SqliteStore } from './store/sqlite-store.js';
import { StoreUnavailableError, type PurgeCutoffs, type PurgeResult, type ResponseStore } from './store/store.js';
import { ADMIN_TOKEN, ORIGIN, tempDir, validPayload } from './testing/harness.js';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

async function storedIds(store: ResponseStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const row of store.export()) ids.push(row.id);
  return ids;
}

describe('retention', () => {
  test('cut-offs are that many whole days before now, and absent when not set', () => {
    const now = new Date('2026-11-30T12:00:00.000Z');
    assert.deepEqual(cutoffsFor({ responseDays: 30, contactDays: 7 }, now), {
      responsesBefore: '2026-10-31T12:00:00.000Z',
      contactsBefore: '2026-11-23T12:00:00.000Z',
    });
    assert.deepEqual(cutoffsFor({ contactDays: 1 }, now), { contactsBefore: '2026-11-29T12:00:00.000Z' });
    assert.deepEqual(cutoffsFor({}, now), {});
  });

  test('a collector applies its retention when it starts, without being asked', async () => {
    const dir = tempDir();
    const store = new SqliteStore(join(dir.path, 'participate.db'));
    const expired = validPayload();
    const contactExpired = validPayload({ contact: { name: 'Ada Evans', phone: '01632 960001', consent: true } });
    const kept = validPayload({ contact: { name: 'Bo Innes', email: 'bo@example.org', consent: true } });
    await store.insert(expired, daysAgo(31));
    await store.insert(contactExpired, daysAgo(8));
    await store.insert(kept, daysAgo(1));

    const app = buildServer({
      store,
      allowedOrigins: [ORIGIN],
      adminToken: ADMIN_TOKEN,
      retention: { responseDays: 30, contactDays: 7 },
    });
    try {
      await app.ready();
      // The first purge starts on ready and runs alongside; give it a moment.
      for (let wait = 0; wait < 50 && (await storedIds(store)).length > 2; wait++) await sleep(20);
      assert.deepEqual(await storedIds(store), [contactExpired.id, kept.id]);
      const contacts: string[] = [];
      for await (const contact of store.exportContacts()) contacts.push(contact.name);
      assert.deepEqual(contacts, ['Bo Innes']);
    } finally {
      await app.close();
      await store.close();
      dir.remove();
    }
  });

  test('then every hour until stopped, reporting each outcome; nothing runs without a policy', () => {
    mock.timers.enable({ apis: ['setInterval'] });
    try {
      const calls: PurgeCutoffs[] = [];
      const store = {
        purge: (cutoffs: PurgeCutoffs): Promise<PurgeResult> => {
          calls.push(cutoffs);
          return Promise.resolve({ responses: 0, contacts: 0 });
        },
      } as unknown as ResponseStore;

      const stop = scheduleRetention(store, { responseDays: 90 }, () => undefined);
      assert.equal(calls.length, 1, 'once at start');
      mock.timers.tick(PURGE_INTERVAL_MS - 1);
      assert.equal(calls.length, 1);
      mock.timers.tick(1);
      assert.equal(calls.length, 2, 'again after an hour');
      mock.timers.tick(PURGE_INTERVAL_MS * 3);
      assert.equal(calls.length, 5);
      stop();
      mock.timers.tick(PURGE_INTERVAL_MS * 3);
      assert.equal(calls.length, 5, 'not after it is stopped');
      assert.ok(
        calls.every((cutoffs) => cutoffs.responsesBefore !== undefined && cutoffs.contactsBefore === undefined),
      );

      scheduleRetention(store, {}, () => undefined)();
      mock.timers.tick(PURGE_INTERVAL_MS * 2);
      assert.equal(calls.length, 5, 'no policy, no purge');
    } finally {
      mock.timers.reset();
    }
  });

  test('a failed purge (the database has gone) is reported as an error, not thrown', async () => {
    const dir = tempDir();
    const closed = new SqliteStore(join(dir.path, 'participate.db'));
    await closed.close();
    try {
      const outcome = await new Promise<PurgeResult | Error>((resolve) => {
        const stop = scheduleRetention(closed, { contactDays: 30 }, (reported) => {
          stop();
          resolve(reported);
        });
      });
      assert.ok(outcome instanceof StoreUnavailableError, JSON.stringify(outcome));
    } finally {
      dir.remove();
    }
  });
});
