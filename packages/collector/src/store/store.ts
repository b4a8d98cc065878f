import type {
  Contact,
  FeedbackPromptAnswer,
  FeedbackVariant,
  FruitTreeAnswer,
  PriorityRankingAnswer,
  RankingMode,
  ResponsePayload,
  Stage,
} from '@participate/schema';
import type { RateLimitCounter } from './rate-limit-counter.js';

/** A response as it is kept: the payload's fields plus when the collector received it. */
export interface StoredResponse {
  id: string;
  schemaVersion: number;
  widget: ResponsePayload['widget'];
  /** The feedback prompt's variant, the ranking's mode, or `fruit-tree` (one shape only). */
  variant: FeedbackVariant | RankingMode | 'fruit-tree';
  topic: string;
  /** Null when the widget was not tagged with an engagement-cycle stage. */
  stage: Stage | null;
  locale: string;
  page: string;
  submittedAt: string;
  receivedAt: string;
  /** The response this one replaces (a follow-up or changed answer), else null. */
  amends: string | null;
  answer: FeedbackPromptAnswer | PriorityRankingAnswer | FruitTreeAnswer;
}

/** Contact details, kept apart from answers and deleted on their own schedule. */
export interface StoredContact {
  responseId: string;
  topic: string;
  widget: ResponsePayload['widget'];
  receivedAt: string;
  name: string;
  email: string | null;
  phone: string | null;
  /**
   * For a fruit-tree response, the fruits the person chose, as the latest response of its
   * `amends` chain has them, in the order of that answer (which means nothing); else empty.
   */
  fruits: string[];
  /** The branches of those fruits, each once, in the order first met; else empty. */
  branches: string[];
}

/** What the store is given: a validated payload, its bot check already taken off. */
export type AcceptedResponse = Omit<ResponsePayload, 'botCheck'> & { contact?: Contact };

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
  topic?: string;
  widget?: string;
  stage?: string;
  /** Received at or after this ISO 8601 instant. */
  receivedFrom?: string;
  /** Received before this ISO 8601 instant. */
  receivedBefore?: string;
}

export interface ContactFilter {
  topic?: string;
  /** Only people whose fruit-tree answer (the latest of its chain) holds this fruit. */
  fruit?: string;
  /** Only people whose fruit-tree answer (the latest of its chain) holds a fruit on this branch. */
  branch?: string;
}

/** Why a post was answered as if stored but thrown away. */
export type DiscardReason = 'honeypot' | 'too-fast';

export interface DiscardedCount {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  reason: DiscardReason;
  count: number;
}

export interface PurgeCutoffs {
  /** Delete responses (and their contact details) received before this instant. */
  responsesBefore?: string;
  /** Delete contact details received before this instant. */
  contactsBefore?: string;
}

export interface PurgeResult {
  responses: number;
  contacts: number;
}

/** Which answers `latestAnswers` gives: one topic, one widget, or both. */
export interface LatestAnswersFilter {
  topic?: string;
  widget?: string;
}

/**
 * One person's answer: the latest response of an `amends` chain, which is what results
 * count. The store knows nothing of widgets; the answer stays JSON text for whoever counts it.
 */
export interface LatestAnswer {
  topic: string;
  widget: string;
  variant: string;
  /** The latest response's engagement-cycle stage, null when untagged. */
  stage: string | null;
  /** When the chain's first response arrived: the answer counts in the period it began. */
  chainStartedAt: string;
  /** True when any response of the chain said contact details came with it (`contactGiven` in its answer). */
  contactGiven: boolean;
  /** The answer, as JSON text. */
  answer: string;
}

/** Where a store's data lives, so another thread can open its own connection to it. */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/**
 * Where responses are kept. SQLite and PostgreSQL implement the same contract and pass
 * the same test suite.
 */
export interface ResponseStore {
  /** Shown at start-up: the file, or the server and database (never a password). */
  readonly description: string;
  /** Where the data lives: results are worked out on other threads, each with its own connection. */
  readonly location: StoreLocation;
  /** Where instances sharing this store count rate limits together; absent, each counts in its own memory. */
  readonly rateLimits?: RateLimitCounter;
  /** Resolves only once the row is durably committed: the caller acknowledges after this. */
  insert(response: AcceptedResponse, receivedAt: string): Promise<InsertResult>;
  /** Streams matching responses, oldest first, without loading them all into memory. */
  export(filter?: ExportFilter): AsyncIterable<StoredResponse>;
  /** Streams contact details, oldest first, with the fruits of any fruit-tree answer they came with. */
  exportContacts(filter?: ContactFilter): AsyncIterable<StoredContact>;
  /**
   * Deletes a response with every response of its `amends` chain, and their contact details;
   * returns responses deleted.
   */
  deleteResponse(id: string): Promise<number>;
  purge(cutoffs: PurgeCutoffs): Promise<PurgeResult>;
  /** Counts a post thrown away as spam; nothing of it is kept. */
  countDiscarded(reason: DiscardReason, day: string): Promise<void>;
  discardedCounts(): Promise<DiscardedCount[]>;
  /**
   * The latest response of each `amends` chain, in the order those latest responses arrived,
   * streamed. Every filter is answered from an index.
   */
  latestAnswers(filter: LatestAnswersFilter): AsyncIterable<LatestAnswer>;
  /**
   * Changes when a topic's responses do: one arrives, is deleted or expires. Results worked
   * out at one revision hold while it stays the same.
   */
  topicRevision(topic: string): Promise<string>;
  count(): Promise<number>;
  /** Rejects when the store cannot be used (for readiness checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by a store when it cannot take or give data; the server answers 503. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
