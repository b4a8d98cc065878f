import type { FeedbackPromptAnswer, ResponsePayload, Stage } from '@participate/schema';

/** A response as it is kept: the payload's fields plus when the collector received it. */
export interface StoredResponse {
  id: string;
  schemaVersion: number;
  widget: ResponsePayload['widget'];
  variant: FeedbackPromptAnswer['variant'];
  topic: string;
  /** Null when the widget was not tagged with an engagement-cycle stage. */
  stage: Stage | null;
  locale: string;
  page: string;
  submittedAt: string;
  receivedAt: string;
  /** The response this one replaces (a follow-up or changed answer), else null. */
  amends: string | null;
  answer: FeedbackPromptAnswer;
}

/**
 * - `created`: a new row was committed.
 * - `duplicate`: the id was already stored with the same body; nothing changed, and
 *   `receivedAt` is the first one so a retry gets exactly the first answer.
 * - `conflict`: the id was already stored with a different body; the first one is kept.
 */
export type InsertOutcome = 'created' | 'duplicate' | 'conflict';

export interface InsertResult {
  outcome: InsertOutcome;
  id: string;
  receivedAt: string;
}

export interface ExportFilter {
  /** Only responses about this topic. */
  topic?: string;
  /** Only responses received at or after this ISO 8601 instant. */
  receivedSince?: string;
}

/**
 * Where responses are kept. Every method may be asynchronous so that a networked
 * database (PostgreSQL) can implement the same contract later.
 */
export interface ResponseStore {
  /** Resolves only once the row is durably committed: the caller acknowledges after this. */
  insert(payload: ResponsePayload, receivedAt: string): Promise<InsertResult>;
  /** Streams matching responses, oldest first, without loading them all into memory. */
  export(filter?: ExportFilter): AsyncIterable<StoredResponse>;
  count(): Promise<number>;
  /** Rejects when the store cannot be used (for health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by a store when it cannot take or give data; the server answers 503. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
