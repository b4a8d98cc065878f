import type { FruitTreeAnswer, Stage } from '@participate/schema';
import { bodyHash, canonicalId } from './canonical.js';
import type { AcceptedResponse, LatestAnswer, StoredContact, StoredResponse } from './store.js';

/** A response as both databases keep it, column by column. */
export interface ResponseRow {
  id: string;
  schema_version: number;
  widget: string;
  variant: string;
  topic: string;
  stage: string | null;
  locale: string;
  page: string;
  submitted_at: string;
  received_at: string;
  amends: string | null;
  /** The id of the chain's first response; the store resolves it from `amends` as it inserts. */
  chain: string;
  answer: string;
  body_hash: string;
}

export const RESPONSE_COLUMNS = [
  'id',
  'schema_version',
  'widget',
  'variant',
  'topic',
  'stage',
  'locale',
  'page',
  'submitted_at',
  'received_at',
  'amends',
  'chain',
  'answer',
  'body_hash',
] as const satisfies readonly (keyof ResponseRow)[];

/**
 * How the answer is to be read: the feedback prompt's variant, the ranking's mode, or
 * `fruit-tree`, whose answers have one shape only.
 */
export function variantOf(answer: AcceptedResponse['answer']): StoredResponse['variant'] {
  if ('variant' in answer) return answer.variant;
  if ('mode' in answer) return answer.mode;
  return 'fruit-tree';
}

export function rowFrom(accepted: AcceptedResponse, receivedAt: string): ResponseRow {
  const response = withCanonicalIds(accepted);
  const amends = response.amends ?? null;
  return {
    id: response.id,
    schema_version: response.schemaVersion,
    widget: response.widget,
    variant: variantOf(response.answer),
    topic: response.topic,
    stage: response.stage ?? null,
    locale: response.locale,
    page: response.page,
    submitted_at: response.submittedAt,
    received_at: receivedAt,
    amends,
    // The response it amends may not have arrived yet (an outbox sends in any order), or may
    // itself amend another: the store looks its chain up as it inserts.
    chain: amends ?? response.id,
    answer: JSON.stringify(response.answer),
    body_hash: bodyHash(response),
  };
}

/** The response with its id and `amends` in one spelling, so a retry's body matches the first. */
function withCanonicalIds(response: AcceptedResponse): AcceptedResponse {
  const canonical = { ...response, id: canonicalId(response.id) };
  if (response.amends !== undefined) canonical.amends = canonicalId(response.amends);
  return canonical;
}

export function storedFrom(row: Omit<ResponseRow, 'body_hash' | 'chain'>): StoredResponse {
  return {
    id: row.id,
    schemaVersion: row.schema_version,
    widget: row.widget as StoredResponse['widget'],
    variant: row.variant as StoredResponse['variant'],
    topic: row.topic,
    stage: row.stage as Stage | null,
    locale: row.locale,
    page: row.page,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    amends: row.amends,
    answer: JSON.parse(row.answer) as StoredResponse['answer'],
  };
}

/** Contact details as both databases give them, with the latest fruit-tree answer of their chain. */
export interface ContactRow {
  response_id: string;
  topic: string;
  widget: string;
  received_at: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** The latest fruit-tree answer of the contact's `amends` chain, as JSON; null for other widgets. */
  fruit_answer: string | null;
}

export function contactFrom(row: ContactRow): StoredContact {
  const chosen = row.fruit_answer === null ? [] : (JSON.parse(row.fruit_answer) as FruitTreeAnswer).chosen;
  return {
    responseId: row.response_id,
    topic: row.topic,
    widget: row.widget as StoredContact['widget'],
    receivedAt: row.received_at,
    name: row.name,
    email: row.email,
    phone: row.phone,
    fruits: chosen.map((choice) => choice.fruit),
    branches: [...new Set(chosen.map((choice) => choice.branch))],
  };
}

/** The latest response of a chain as both databases give it. */
export interface LatestRow {
  topic: string;
  widget: string;
  variant: string;
  stage: string | null;
  answer: string;
  started: string;
  /** SQLite gives 1 or 0, PostgreSQL a boolean. */
  contact_given: number | boolean;
}

export const latestFrom = (row: LatestRow): LatestAnswer => ({
  topic: row.topic,
  widget: row.widget,
  variant: row.variant,
  stage: row.stage,
  chainStartedAt: row.started,
  contactGiven: row.contact_given === true || row.contact_given === 1,
  answer: row.answer,
});
