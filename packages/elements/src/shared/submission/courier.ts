import { backoffDelay } from './backoff.js';
import { deliver, type Delivery } from './transport.js';
import { openOutboxStore, type OutboxEntry, type OutboxStore } from './outbox-store.js';

/** What the person should be told about their response. */
export type Outcome =
  | { kind: 'sent' }
  /** Kept on this device; it will be sent later, even after a reload. */
  | { kind: 'queued' }
  /** Not delivered and could not be kept on this device: the person must try again. */
  | { kind: 'failed' }
  /** The endpoint refused it for good (a 4xx other than 408/429). */
  | { kind: 'rejected'; status: number; message?: string };

export interface CourierOptions {
  store: OutboxStore | Promise<OutboxStore>;
  /** Most entries kept; the oldest go first when it is full. */
  maxEntries?: number;
  /** Entries older than this are dropped unsent. */
  maxAgeMs?: number;
  /** Attempts after the first while the person waits, before saying "saved on this device". */
  quickRetries?: number;
  quickBaseMs?: number;
  quickCapMs?: number;
  /** Backoff for retries in the background. */
  backgroundBaseMs?: number;
  backgroundCapMs?: number;
  random?: () => number;
  now?: () => number;
  deliver?: typeof deliver;
}

interface SubmittedPayload {
  id: string;
}

const DAY = 24 * 60 * 60 * 1000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Delivers responses so that none is lost: each keeps its id on every retry (the endpoint
 * stores it once), waits in a durable outbox while the network or server is down, and is
 * flushed on load, when the browser comes back online, after any success and on page hide.
 */
export class Courier {
  private readonly store: Promise<OutboxStore>;
  private readonly options: Required<Omit<CourierOptions, 'store'>>;
  private readonly watchers = new Map<string, Set<(outcome: Outcome) => void>>();
  private readonly inFlight = new Set<string>();
  /** What the store holds, mirrored so page hide can send without waiting on storage. */
  private readonly known = new Map<string, OutboxEntry>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor({ store, ...options }: CourierOptions) {
    this.store = Promise.resolve(store);
    this.options = {
      maxEntries: 50,
      maxAgeMs: 7 * DAY,
      quickRetries: 2,
      quickBaseMs: 500,
      quickCapMs: 4000,
      backgroundBaseMs: 5000,
      backgroundCapMs: 5 * 60 * 1000,
      random: Math.random,
      now: Date.now,
      deliver,
      ...options,
    };
  }

  /**
   * Sends a response now, retrying briefly; otherwise keeps it for later. With
   * `keepOnDevice: false` (a response carrying contact details) it is never written to the
   * outbox: if the brief retries fail, the outcome is `failed` and nothing stays behind.
   */
  async submit(endpoint: string, payload: SubmittedPayload, { keepOnDevice = true } = {}): Promise<Outcome> {
    const store = await this.store;
    const { now } = this.options;
    const entry: OutboxEntry = { id: payload.id, endpoint, payload, createdAt: now(), attempts: 0, notBefore: now() };
    // Saved before the first attempt, so a reload mid-send loses nothing. Claimed, so a
    // flush running meanwhile leaves it to this loop.
    this.inFlight.add(entry.id);
    const kept = keepOnDevice && (await this.keep(store, entry));
    try {
      return await this.deliverWhileWaiting(store, entry, kept);
    } finally {
      this.inFlight.delete(entry.id);
    }
  }

  private async deliverWhileWaiting(store: OutboxStore, entry: OutboxEntry, kept: boolean): Promise<Outcome> {
    const { now, quickRetries, quickBaseMs, quickCapMs, random } = this.options;

    let delivery: Delivery = { kind: 'retry' };
    for (let attempt = 0; attempt <= quickRetries; attempt++) {
      delivery = await this.attempt(entry);
      if (delivery.kind !== 'retry') break;
      entry.attempts++;
      const wait = delivery.retryAfterMs ?? backoffDelay(attempt, quickBaseMs, quickCapMs, random);
      const worthWaiting = attempt < quickRetries && navigator.onLine && wait <= quickCapMs;
      if (!worthWaiting) break;
      await sleep(wait);
    }

    if (delivery.kind === 'delivered') {
      await this.forget(store, entry.id);
      void this.flush();
      return { kind: 'sent' };
    }
    if (delivery.kind === 'rejected') {
      await this.forget(store, entry.id);
      return { kind: 'rejected', status: delivery.status, ...(delivery.message ? { message: delivery.message } : {}) };
    }
    entry.notBefore = now() + (delivery.retryAfterMs ?? this.backgroundDelay(entry.attempts));
    const stillKept = kept && (await this.keep(store, entry));
    this.schedule(entry.notBefore);
    return stillKept && store.persistent ? { kind: 'queued' } : { kind: 'failed' };
  }

  /** Calls back when a queued response is later sent or refused. Returns an unsubscribe. */
  watch(id: string, callback: (outcome: Outcome) => void): () => void {
    const set = this.watchers.get(id) ?? new Set();
    set.add(callback);
    this.watchers.set(id, set);
    return () => {
      set.delete(callback);
      if (set.size === 0) this.watchers.delete(id);
    };
  }

  /**
   * Tries every waiting response, oldest first. `force` ignores backoff: the browser says it
   * is back online, or an earlier visit left responses behind.
   */
  flush(options: { force?: boolean } = {}): Promise<void> {
    // One flush at a time; a request during a flush runs after it.
    const run = this.flushing.then(() => this.flushOnce(options));
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async flushOnce({ force = false }: { force?: boolean }): Promise<void> {
    const store = await this.store;
    const now = this.options.now();
    const entries = await store.list();
    for (const entry of entries) this.known.set(entry.id, entry);
    const waiting: number[] = [];
    for (const entry of entries) {
      if (now - entry.createdAt > this.options.maxAgeMs) {
        await this.forget(store, entry.id);
        continue;
      }
      if (this.inFlight.has(entry.id) || (!force && entry.notBefore > now)) {
        waiting.push(entry.notBefore);
        continue;
      }
      this.inFlight.add(entry.id);
      const delivery = await this.attempt(entry).finally(() => this.inFlight.delete(entry.id));
      if (delivery.kind === 'retry') {
        entry.attempts++;
        entry.notBefore = now + (delivery.retryAfterMs ?? this.backgroundDelay(entry.attempts));
        await this.keep(store, entry);
        // The endpoint or network is down: stop, and try nothing else before this one's
        // backoff is over, rather than hammer it with the rest.
        this.schedule(entry.notBefore);
        return;
      }
      await this.forget(store, entry.id);
      this.notify(
        entry.id,
        delivery.kind === 'delivered'
          ? { kind: 'sent' }
          : { kind: 'rejected', status: delivery.status, ...(delivery.message ? { message: delivery.message } : {}) },
      );
    }
    if (waiting.length > 0) this.schedule(Math.min(...waiting));
  }

  /**
   * For page hide: there is no time to read storage before the page goes, so send what is
   * known at once, with keepalive. Entries stay stored until an answer arrives; if the page
   * is gone by then, the next visit sends them again and the endpoint stores them once.
   */
  sendKnownBeforeUnload(): void {
    for (const entry of this.known.values()) {
      if (this.inFlight.has(entry.id)) continue;
      this.inFlight.add(entry.id);
      void this.attempt(entry, true)
        .then(async (delivery) => {
          if (delivery.kind === 'retry') return;
          await this.forget(await this.store, entry.id);
          this.notify(
            entry.id,
            delivery.kind === 'delivered' ? { kind: 'sent' } : { kind: 'rejected', status: delivery.status },
          );
        })
        .finally(() => this.inFlight.delete(entry.id));
    }
  }

  private async forget(store: OutboxStore, id: string): Promise<void> {
    this.known.delete(id);
    await store.delete(id);
  }

  private attempt(entry: OutboxEntry, keepalive = false): Promise<Delivery> {
    return this.options.deliver(entry.endpoint, entry.payload, { keepalive });
  }

  /** Writes an entry, making room by dropping the oldest. False when storage refused it. */
  private async keep(store: OutboxStore, entry: OutboxEntry): Promise<boolean> {
    try {
      const others = (await store.list()).filter((e) => e.id !== entry.id);
      const excess = others.length - (this.options.maxEntries - 1);
      for (const old of others.slice(0, Math.max(0, excess))) await this.forget(store, old.id);
      await store.put(entry);
      this.known.set(entry.id, entry);
      return true;
    } catch {
      return false;
    }
  }

  private backgroundDelay(attempts: number): number {
    const { backgroundBaseMs, backgroundCapMs, random } = this.options;
    // At least the base, so a flapping server is not retried in a tight loop.
    return backgroundBaseMs + backoffDelay(attempts, backgroundBaseMs, backgroundCapMs, random);
  }

  /** Sets the one background flush for `at` (ms since epoch). */
  private schedule(at: number): void {
    const delay = Math.max(0, at - this.options.now());
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private notify(id: string, outcome: Outcome): void {
    for (const callback of this.watchers.get(id) ?? []) callback(outcome);
    this.watchers.delete(id);
  }
}

let pageCourier: Courier | undefined;

/**
 * The page's one courier, shared by every widget. Created on first use, it flushes what an
 * earlier visit left behind and listens for the moments worth flushing again.
 */
export function getPageCourier(): Courier {
  if (!pageCourier) {
    const courier = new Courier({ store: openOutboxStore() });
    addEventListener('online', () => void courier.flush({ force: true }));
    addEventListener('pagehide', () => {
      courier.sendKnownBeforeUnload();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') courier.sendKnownBeforeUnload();
    });
    void courier.flush({ force: true });
    pageCourier = courier;
  }
  return pageCourier;
}
