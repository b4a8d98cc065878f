import { DraftStore } from './draft-store.js';

/** How long `saveSoon` waits for the changes to settle: a run of key presses costs one write. */
export const DRAFT_SAVE_DELAY_MS = 300;

/**
 * A draft store that saves once the changes pause, or at once when the page is hidden or
 * left, so that moving an option through a long list does not write to storage on every
 * press. Kept apart from `DraftStore` so that widgets that save rarely do not carry it.
 */
export class DeferredDraftStore<T> extends DraftStore<T> {
  private pending: { data: T } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly flushWhenHidden = (): void => {
    if (document.visibilityState === 'hidden') this.flush();
  };
  private readonly flushNow = (): void => {
    this.flush();
  };

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

  override clear(): void {
    this.cancel();
    super.clear();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    document.removeEventListener('visibilitychange', this.flushWhenHidden);
    removeEventListener('pagehide', this.flushNow);
  }
}
