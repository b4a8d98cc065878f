/** How long a half-written answer is kept: long enough for a reload or a lost signal. */
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

/** How long `saveSoon` waits for the changes to settle: a run of key presses costs one write. */
export const DRAFT_SAVE_DELAY_MS = 300;

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
  private pending: { data: T } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly flushWhenHidden = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };
  private readonly flushNow = (): void => {
    this.flush();
  };

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

  /**
   * Saves once the changes pause, or at once when the page is hidden or left, so that moving
   * an option through a long list does not write to storage on every press.
   */
  saveSoon(data: T): void {
    this.pending = { data };
    if (this.timer !== undefined) return;
    this.timer = setTimeout(this.flushNow, DRAFT_SAVE_DELAY_MS);
    document.addEventListener('visibilitychange', this.flushWhenHidden);
    addEventListener('pagehide', this.flushNow);
  }

  /** Writes a save that `saveSoon` is still holding, if any. */
  flush(): void {
    const pending = this.pending;
    this.cancel();
    if (pending) this.save(pending.data);
  }

  clear(): void {
    this.cancel();
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Nothing to clear when storage is blocked.
    }
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    document.removeEventListener('visibilitychange', this.flushWhenHidden);
    removeEventListener('pagehide', this.flushNow);
  }
}
