/** How long a half-written answer is kept: long enough for a reload or a lost signal. */
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

interface StoredDraft<T> {
  savedAt: number;
  data: T;
}

/**
 * A half-written answer kept in localStorage so that a reload does not lose it. Time-limited
 * and cleared once the answer is sent or safely queued. Callers must never put contact
 * details in a draft.
 */
export class DraftStore<T> {
  private readonly key: string;

  constructor(scope: string) {
    this.key = `participate:draft:${scope}`;
  }

  load(now = Date.now()): T | undefined {
    try {
      const raw = localStorage.getItem(this.key);
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as StoredDraft<T>;
      if (now - stored.savedAt > DRAFT_TTL_MS) {
        this.clear();
        return undefined;
      }
      return stored.data;
    } catch {
      return undefined;
    }
  }

  save(data: T, now = Date.now()): void {
    try {
      localStorage.setItem(this.key, JSON.stringify({ savedAt: now, data } satisfies StoredDraft<T>));
    } catch {
      // Storage full or blocked: the draft is a convenience, the answer is still on screen.
    }
  }

  clear(): void {
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Nothing to clear when storage is blocked.
    }
  }
}
