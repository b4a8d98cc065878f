interface Entry<T> {
  revision: string;
  at: number;
  value: Promise<T>;
}

export interface ResultsCacheOptions {
  /** Topics kept at most; the least recently asked for goes first. */
  limit: number;
  /** Results older than this are worked out again even if the revision looks the same. */
  maxAgeMs: number;
  /** The clock, in milliseconds. */
  now?: () => number;
}

/**
 * Results worked out for a topic, kept while the store says the topic's responses are the
 * same (its revision) and for at most `maxAgeMs`. Working results out reads every answer to
 * the topic and can take the event loop for a noticeable time, so a page that polls them
 * must not make that happen on every request; requests that arrive while results are being
 * worked out share that work.
 */
export class ResultsCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #options: ResultsCacheOptions;

  constructor(options: ResultsCacheOptions) {
    this.#options = options;
  }

  /** The results for `topic` at `revision`: kept ones when they still hold, else `work()`. */
  get(topic: string, revision: string, work: () => Promise<T>): Promise<T> {
    const now = (this.#options.now ?? Date.now)();
    const known = this.#entries.get(topic);
    this.#entries.delete(topic);
    if (known?.revision === revision && now - known.at < this.#options.maxAgeMs) {
      this.#entries.set(topic, known);
      return known.value;
    }
    const entry: Entry<T> = { revision, at: now, value: work() };
    this.#entries.set(topic, entry);
    entry.value.catch(() => {
      // A failure is not kept: the next request tries again.
      if (this.#entries.get(topic) === entry) this.#entries.delete(topic);
    });
    if (this.#entries.size > this.#options.limit) {
      const [oldest] = this.#entries.keys();
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return entry.value;
  }
}
