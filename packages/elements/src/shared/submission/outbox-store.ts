/** A response waiting to be delivered. */
export interface OutboxEntry {
  id: string;
  endpoint: string;
  payload: unknown;
  createdAt: number;
  attempts: number;
  /** Earliest time (ms since epoch) to try again. */
  notBefore: number;
}

/** Where the outbox keeps entries. `persistent` says whether they survive a reload. */
export interface OutboxStore {
  readonly persistent: boolean;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<void>;
  /** All entries, oldest first. */
  list(): Promise<OutboxEntry[]>;
}

function byAge(a: OutboxEntry, b: OutboxEntry): number {
  return a.createdAt - b.createdAt;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => {
      resolve(req.result);
    };
    req.onerror = () => {
      reject(req.error ?? new Error('IndexedDB request failed'));
    };
  });
}

export class IndexedDbOutboxStore implements OutboxStore {
  readonly persistent = true;
  private static readonly objectStore = 'outbox';

  private constructor(private readonly db: IDBDatabase) {}

  static async open(name: string): Promise<IndexedDbOutboxStore> {
    const opening = indexedDB.open(name, 1);
    opening.onupgradeneeded = () =>
      opening.result.createObjectStore(IndexedDbOutboxStore.objectStore, { keyPath: 'id' });
    return new IndexedDbOutboxStore(await request(opening));
  }

  private store(mode: IDBTransactionMode): IDBObjectStore {
    return this.db.transaction(IndexedDbOutboxStore.objectStore, mode).objectStore(IndexedDbOutboxStore.objectStore);
  }

  async put(entry: OutboxEntry): Promise<void> {
    await request(this.store('readwrite').put(entry));
  }

  async delete(id: string): Promise<void> {
    await request(this.store('readwrite').delete(id));
  }

  async list(): Promise<OutboxEntry[]> {
    const entries = (await request(this.store('readonly').getAll())) as OutboxEntry[];
    return entries.sort(byAge);
  }
}

/** For browsers where IndexedDB is missing or blocked (some private modes). */
export class LocalStorageOutboxStore implements OutboxStore {
  readonly persistent = true;

  constructor(private readonly key: string) {}

  static usable(): boolean {
    try {
      const probe = 'participate:probe';
      localStorage.setItem(probe, '1');
      localStorage.removeItem(probe);
      return true;
    } catch {
      return false;
    }
  }

  private read(): OutboxEntry[] {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.key) ?? '[]');
      return Array.isArray(parsed) ? (parsed as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }

  private write(entries: OutboxEntry[]): void {
    if (entries.length === 0) localStorage.removeItem(this.key);
    else localStorage.setItem(this.key, JSON.stringify(entries));
  }

  put(entry: OutboxEntry): Promise<void> {
    this.write([...this.read().filter((e) => e.id !== entry.id), entry]);
    return Promise.resolve();
  }

  delete(id: string): Promise<void> {
    this.write(this.read().filter((e) => e.id !== id));
    return Promise.resolve();
  }

  list(): Promise<OutboxEntry[]> {
    return Promise.resolve(this.read().sort(byAge));
  }
}

/** Last resort: keeps entries for this page view only, and says so. */
export class MemoryOutboxStore implements OutboxStore {
  readonly persistent = false;
  private readonly entries = new Map<string, OutboxEntry>();

  put(entry: OutboxEntry): Promise<void> {
    this.entries.set(entry.id, entry);
    return Promise.resolve();
  }

  delete(id: string): Promise<void> {
    this.entries.delete(id);
    return Promise.resolve();
  }

  list(): Promise<OutboxEntry[]> {
    return Promise.resolve([...this.entries.values()].sort(byAge));
  }
}

/** The most durable store this browser allows. */
export async function openOutboxStore(name = 'participate-outbox'): Promise<OutboxStore> {
  if (typeof indexedDB !== 'undefined') {
    try {
      return await IndexedDbOutboxStore.open(name);
    } catch {
      // Blocked (private mode, policy): fall through to localStorage.
    }
  }
  return LocalStorageOutboxStore.usable() ? new LocalStorageOutboxStore(name) : new MemoryOutboxStore();
}
