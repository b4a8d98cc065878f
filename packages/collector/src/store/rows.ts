import type { FruitTreeAnswer, Stage } from '@participate/schema';
import { bodyHash } from './canonical.js';
import type { AcceptedResponse, StoredContact, StoredResponse } from './store.js';

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
  'answer',
  'body_hash',
] as const satisfies readonly (keyof ResponseRow)[];

/**
 * How the answer is to be read: the feedback prompt's variant, the ranking's mode, or
 * `fruit-tree`, whose answers have one shape only.
 */
function variantOf(answer: AcceptedResponse['answer']): StoredResponse['variant'] {
  if ('variant' in answer) return answer.variant;
  if ('mode' in answer) return answer.mode;
  return 'fruit-tree';
}

export function rowFrom(response: AcceptedResponse, receivedAt: string): ResponseRow {
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
    amends: response.amends ?? null,
    answer: JSON.stringify(response.answer),
    body_hash: bodyHash(response),
  };
}

export function storedFrom(row: Omit<ResponseRow, 'body_hash'>): StoredResponse {
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
