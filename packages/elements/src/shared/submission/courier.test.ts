import { expect } from '@esm-bundle/chai';
import { waitUntil } from '@open-wc/testing-helpers';
import { UNREACHABLE_ENDPOINT, faultBodies, faultEndpoint, uniqueTopic } from '../../test-support/endpoints.js';
import { backoffDelay, parseRetryAfter } from './backoff.js';
import { Courier, type CourierOptions } from './courier.js';
import {
  IndexedDbOutboxStore,
  LocalStorageOutboxStore,
  MemoryOutboxStore,
  type OutboxEntry,
  type OutboxStore,
} from './outbox-store.js';
import { newId } from './uuid.js';

/** A courier whose in-page retries are quick, so tests take milliseconds. */
function quickCourier(store: OutboxStore, options: Partial<CourierOptions> = {}): Courier {
  return new Courier({ store, quickBaseMs: 10, quickCapMs: 50, backgroundBaseMs: 60_000, ...options });
}

function payload(): { id: string } {
  return { id: newId() };
}

describe('backoff', () => {
  it('waits a random time up to min(cap, base·2^attempt): full jitter', () => {
    expect(backoffDelay(0, 100, 1000, () => 0.999)).to.equal(99);
    expect(backoffDelay(3, 100, 1000, () => 0.999)).to.equal(799);
    expect(backoffDelay(10, 100, 1000, () => 0.999)).to.equal(999);
    expect(backoffDelay(5, 100, 1000, () => 0)).to.equal(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});

describe('ids', () => {
  it('are version 4 UUIDs, different every time', () => {
    const ids = new Set(Array.from({ length: 100 }, newId));
    expect(ids.size).to.equal(100);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('Courier', () => {
  it('delivers, and keeps nothing once the endpoint answers 2xx', async () => {
    const key = uniqueTopic('ok');
    const store = new MemoryOutboxStore();
    const outcome = await quickCourier(store).submit(faultEndpoint(key, { times: 0 }), payload());
    expect(outcome).to.deep.equal({ kind: 'sent' });
    expect(await store.list()).to.have.length(0);
  });

  it('retries 5xx with the same id, then keeps the response for later', async () => {
    const key = uniqueTopic('down');
    const store = new LocalStorageOutboxStore(`participate-test-${key}`);
    const sent = payload();
    const outcome = await quickCourier(store, { quickRetries: 2 }).submit(faultEndpoint(key, { status: 503 }), sent);
    expect(outcome).to.deep.equal({ kind: 'queued' });
    const bodies = await faultBodies(key);
    expect(bodies.map((b) => b.id)).to.deep.equal([sent.id, sent.id, sent.id]);
    const [kept] = await store.list();
    expect(kept?.id).to.equal(sent.id);
    expect(kept?.attempts).to.equal(3);
    await store.delete(sent.id);
  });

  it('never writes a response it must not keep, even while retrying, and reports it failed', async () => {
    const key = uniqueTopic('contact');
    const store = new LocalStorageOutboxStore(`participate-test-${key}`);
    const written: string[] = [];
    const put = store.put.bind(store);
    store.put = (entry: OutboxEntry) => {
      written.push(entry.id);
      return put(entry);
    };
    const sent = payload();
    const courier = quickCourier(store, { quickRetries: 2 });
    const outcome = await courier.submit(faultEndpoint(key, { status: 503 }), sent, { keepOnDevice: false });
    expect(outcome).to.deep.equal({ kind: 'failed' });
    expect((await faultBodies(key)).map((b) => b.id)).to.deep.equal([sent.id, sent.id, sent.id]);
    expect(written, 'nothing written to the outbox').to.deep.equal([]);
    expect(await store.list()).to.have.length(0);

    const again = await courier.submit(faultEndpoint(uniqueTopic('contact-ok'), { times: 0 }), sent, {
      keepOnDevice: false,
    });
    expect(again).to.deep.equal({ kind: 'sent' });
    expect(written).to.deep.equal([]);
  });

  it('retries 408 and 429 but never another 4xx', async () => {
    for (const status of [408, 429]) {
      const key = uniqueTopic(`s${status}`);
      const outcome = await quickCourier(new MemoryOutboxStore()).submit(
        faultEndpoint(key, { status, times: 1 }),
        payload(),
      );
      expect(outcome, String(status)).to.deep.equal({ kind: 'sent' });
      expect(await faultBodies(key)).to.have.length(2);
    }
    for (const status of [400, 403, 413, 415, 422]) {
      const key = uniqueTopic(`s${status}`);
      const store = new MemoryOutboxStore();
      const outcome = await quickCourier(store).submit(faultEndpoint(key, { status }), payload());
      expect(outcome, String(status)).to.deep.equal({ kind: 'rejected', status, message: `Injected ${status}` });
      expect(await faultBodies(key), String(status)).to.have.length(1);
      expect(await store.list()).to.have.length(0);
    }
  });

  it('does not hammer an endpoint whose Retry-After asks for a long wait', async () => {
    const key = uniqueTopic('slow-down');
    const store = new MemoryOutboxStore();
    const now = Date.now();
    const courier = quickCourier(store, { now: () => now });
    const outcome = await courier.submit(faultEndpoint(key, { status: 429, retryAfter: 120 }), payload());
    expect(outcome).to.deep.equal({ kind: 'failed' });
    expect(await faultBodies(key)).to.have.length(1);
    const [kept] = await store.list();
    expect(kept?.notBefore).to.equal(now + 120_000);
  });

  it('says "failed" rather than "saved" when it can only keep the response in memory', async () => {
    const outcome = await quickCourier(new MemoryOutboxStore(), { quickRetries: 0 }).submit(
      UNREACHABLE_ENDPOINT,
      payload(),
    );
    expect(outcome).to.deep.equal({ kind: 'failed' });
  });

  it('flushes oldest first, stops at the first failure, and tells watchers', async () => {
    const key = uniqueTopic('flush');
    const store = new MemoryOutboxStore();
    const endpoint = faultEndpoint(key, { status: 503, times: 2 });
    const entries: OutboxEntry[] = [3, 1, 2].map((age) => ({
      id: newId(),
      endpoint,
      payload: { order: age },
      createdAt: Date.now() - age * 1000,
      attempts: 1,
      notBefore: 0,
    }));
    for (const entry of entries) await store.put(entry);
    const courier = quickCourier(store);
    const oldest = entries[0]!;
    const told: string[] = [];
    courier.watch(oldest.id, (outcome) => told.push(outcome.kind));

    await courier.flush();
    expect((await faultBodies(key)).map((b) => (b as unknown as { order: number }).order)).to.deep.equal([3]);
    expect(await store.list()).to.have.length(3);

    await courier.flush({ force: true });
    await courier.flush({ force: true });
    expect((await faultBodies(key)).map((b) => (b as unknown as { order: number }).order)).to.deep.equal([
      3, 3, 3, 2, 1,
    ]);
    expect(await store.list()).to.have.length(0);
    expect(told).to.deep.equal(['sent']);
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const store = new MemoryOutboxStore();
    const courier = quickCourier(store, { maxEntries: 3, quickRetries: 0 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const sent = payload();
      ids.push(sent.id);
      await courier.submit(UNREACHABLE_ENDPOINT, sent);
    }
    expect((await store.list()).map((e) => e.id)).to.deep.equal(ids.slice(2));
  });

  it('drops responses older than maxAge instead of sending them', async () => {
    const key = uniqueTopic('stale');
    const store = new MemoryOutboxStore();
    await store.put({
      id: newId(),
      endpoint: faultEndpoint(key),
      payload: {},
      createdAt: 0,
      attempts: 9,
      notBefore: 0,
    });
    await quickCourier(store, { maxAgeMs: 1000 }).flush({ force: true });
    expect(await store.list()).to.have.length(0);
    expect(await faultBodies(key)).to.have.length(0);
  });

  it('sends what it knows at page hide, with keepalive, without reading storage first', async () => {
    const key = uniqueTopic('hide');
    const store = new MemoryOutboxStore();
    const courier = quickCourier(store, { quickRetries: 0 });
    const sent = payload();
    await courier.submit(faultEndpoint(key, { status: 503, times: 1 }), sent);
    courier.sendKnownBeforeUnload();
    await waitUntil(async () => (await store.list()).length === 0, 'never delivered', { timeout: 5000 });
    expect((await faultBodies(key)).map((b) => b.id)).to.deep.equal([sent.id, sent.id]);
  });
});

describe('outbox stores', () => {
  it('IndexedDB keeps entries across connections, as across a reload', async () => {
    const name = uniqueTopic('idb');
    const first = await IndexedDbOutboxStore.open(name);
    const entry: OutboxEntry = {
      id: newId(),
      endpoint: '/x',
      payload: { a: 1 },
      createdAt: 1,
      attempts: 0,
      notBefore: 0,
    };
    await first.put(entry);
    const second = await IndexedDbOutboxStore.open(name);
    expect(await second.list()).to.deep.equal([entry]);
    await second.delete(entry.id);
    expect(await first.list()).to.deep.equal([]);
  });

  it('localStorage lists oldest first and forgets deleted entries', async () => {
    const store = new LocalStorageOutboxStore(uniqueTopic('ls'));
    const make = (createdAt: number): OutboxEntry => ({
      id: newId(),
      endpoint: '/x',
      payload: {},
      createdAt,
      attempts: 0,
      notBefore: 0,
    });
    const [late, early] = [make(20), make(10)];
    await store.put(late);
    await store.put(early);
    expect((await store.list()).map((e) => e.createdAt)).to.deep.equal([10, 20]);
    await store.delete(early.id);
    await store.delete(late.id);
    expect(await store.list()).to.deep.equal([]);
  });
});
