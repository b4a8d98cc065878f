import { executeServerCommand } from '@web/test-runner-commands';

/** The real collector started beside the test page. */
export function collectorEndpoint(): Promise<string> {
  return executeServerCommand<string, undefined>('collector-url');
}

/** Rows the collector stored for a topic, through its admin export. */
export type StoredRow = Record<string, unknown> & { id: string; answer: Record<string, unknown> };

export function storedRows(topic: string): Promise<StoredRow[]> {
  return executeServerCommand<StoredRow[], { topic: string }>('collector-rows', { topic });
}

/** Contact details the collector keeps apart from answers, through its admin contacts export. */
export function storedContacts(topic: string): Promise<Record<string, unknown>[]> {
  return executeServerCommand<Record<string, unknown>[], { topic: string }>('collector-contacts', { topic });
}

/** A same-origin endpoint that fails on demand; see test/support/wtr-endpoints.mjs. */
export function faultEndpoint(key: string, query: Record<string, string | number> = {}): string {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  return `${location.origin}/__fault/${key}${search.size ? `?${search}` : ''}`;
}

/** Bodies the fault endpoint received for `key`. */
export async function faultBodies(key: string): Promise<{ id: string }[]> {
  return (await fetch(`/__fault/${key}`)).json() as Promise<{ id: string }[]>;
}

/** An address where nothing listens: the connection is refused, as when offline. */
export const UNREACHABLE_ENDPOINT = 'http://127.0.0.1:9/v1/responses';

/** A unique topic per test, so tests never see each other's rows. */
export function uniqueTopic(prefix = 'test'): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Problems the schema finds with a payload (none when it is valid), checked beside the test page. */
export function schemaProblems(payload: unknown): Promise<string[]> {
  return executeServerCommand<string[], { payload: unknown }>('validate-payload', { payload });
}
