/** Shared set-up for the collector tests: a real server on a free port over a real SQLite file. */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type {
  FeedbackPromptResponse,
  FruitChoice,
  FruitTreeAnswer,
  FruitTreeResponse,
  PriorityRankingAnswer,
  PriorityRankingResponse,
} from '@participate/schema';
import type { PublishedFeedback } from '../results/disclosure/feedback.js';
import type { HiddenFruitTree, PublishedFruitTree } from '../results/disclosure/fruit-tree.js';
import type { PublishedRanking } from '../results/disclosure/ranking.js';
import { buildServer, type ServerOptions } from '../server.js';
import { SqliteStore } from '../store/sqlite-store.js';
import type { AcceptedResponse, StoredResponse } from '../store/store.js';

export const ORIGIN = 'https://www.example.gov.uk';
export const OTHER_ORIGIN = 'https://attacker.example';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'participate-collector-'));
  return {
    path,
    remove: () => {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

export function validPayload(overrides: Partial<FeedbackPromptResponse> = {}): FeedbackPromptResponse {
  return {
    schemaVersion: 1,
    id: randomUUID(),
    widget: 'feedback-prompt',
    topic: 'gp-appointments',
    stage: 'improve-services',
    locale: 'en',
    page: `${ORIGIN}/gp/appointments`,
    submittedAt: '2026-11-22T05:00:00.000Z',
    answer: { variant: 'page-useful', useful: 'no', reasons: ['out-of-date'], comment: 'The opening hours are wrong.' },
    ...overrides,
  };
}

/** A priority-ranking response: a full ranking of three options unless `answer` says otherwise. */
export function rankingPayload(
  answer: PriorityRankingAnswer = {
    mode: 'rank',
    shown: ['gp-access', 'mental-health', 'transport'],
    shuffled: false,
    order: ['mental-health', 'gp-access', 'transport'],
  },
  overrides: Partial<Omit<PriorityRankingResponse, 'answer'>> = {},
): PriorityRankingResponse {
  return {
    schemaVersion: 1,
    id: randomUUID(),
    widget: 'priority-ranking',
    topic: 'local-priorities',
    stage: 'develop-priorities',
    locale: 'en',
    page: `${ORIGIN}/have-your-say/priorities`,
    submittedAt: '2026-11-22T05:00:00.000Z',
    answer,
    ...overrides,
  };
}

/** A fruit: `value@branch:effort`, e.g. `governor@lead-and-govern:ongoing`. */
export function fruit(spec: string): FruitChoice {
  const match = /^([^@]+)@([^:]+):(once|regular|ongoing)$/.exec(spec);
  if (!match?.[1] || !match[2] || !match[3]) throw new Error(`Not a fruit: ${spec}`);
  return { fruit: match[1], branch: match[2], effort: match[3] as FruitChoice['effort'] };
}

/**
 * A fruit-tree response choosing `fruits` (written as for `fruit`), with `contactGiven` set
 * to match `overrides.contact`.
 */
export function fruitTreePayload(
  fruits: string[],
  answer: Partial<FruitTreeAnswer> = {},
  overrides: Partial<Omit<FruitTreeResponse, 'answer'>> = {},
): FruitTreeResponse {
  return {
    schemaVersion: 1,
    id: randomUUID(),
    widget: 'fruit-tree',
    topic: 'get-involved',
    locale: 'en',
    page: `${ORIGIN}/get-involved`,
    submittedAt: '2026-11-30T09:00:00.000Z',
    answer: {
      chosen: fruits.map(fruit),
      offered: 14,
      effortFilter: 'any',
      view: 'tree',
      contactGiven: overrides.contact !== undefined,
      ...answer,
    },
    ...overrides,
  };
}

/**
 * Results as answers arrive, counts exact but small groups and counts still hidden (under 5):
 * for tests of what is suppressed, without waiting for a month to close or rounding to 5.
 */
export const OPEN_EXACT_RESULTS = { publishOpenPeriod: true, roundTo: 1 } as const satisfies Partial<ServerOptions>;

/** Results as answers arrive, every count shown exactly: for tests of the arithmetic itself. */
export const ALL_EXACT_RESULTS = { ...OPEN_EXACT_RESULTS, minGroupSize: 1 } as const satisfies Partial<ServerOptions>;

/** The body of `GET /v1/results`, as published. */
export interface ResultsBody {
  topic: string;
  timeZone: string;
  minGroupSize: number;
  roundTo: number;
  /** The month from which answers are not yet counted (YYYY-MM), or null when the open month is. */
  countedBefore: string | null;
  feedback: PublishedFeedback;
  ranking: PublishedRanking | null;
  fruitTree: PublishedFruitTree | HiddenFruitTree | null;
}

/** `GET /v1/results?topic=…` from the collector at `url`. */
export const fetchResults = (url: string, topic: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/v1/results?topic=${topic}`, { headers });

/** The results body of `topic`, which must answer 200. */
export async function resultsBody(url: string, topic: string): Promise<ResultsBody> {
  const response = await fetchResults(url, topic);
  if (response.status !== 200) throw new Error(`results for ${topic} answered ${String(response.status)}`);
  return (await response.json()) as ResultsBody;
}

/** Stores `responses` under `topic` as if received at `receivedAt` (ISO 8601): answers of any month. */
export async function insertAll(
  collector: Collector,
  topic: string,
  responses: AcceptedResponse[],
  receivedAt: string,
): Promise<void> {
  for (const response of responses) await collector.store.insert({ ...response, topic }, receivedAt);
}

export interface Collector {
  url: string;
  app: FastifyInstance;
  store: SqliteStore;
  databasePath: string;
  postJson(body: unknown, headers?: Record<string, string>): Promise<Response>;
  postForm(fields: [string, string][], headers?: Record<string, string>): Promise<Response>;
  exportRows(): Promise<StoredResponse[]>;
  count(): Promise<number>;
  close(): Promise<void>;
}

export async function startCollector(options: Partial<ServerOptions> = {}): Promise<Collector> {
  const dir = tempDir();
  const databasePath = join(dir.path, 'data', 'participate.db');
  const store = new SqliteStore(databasePath);
  // Property tests post thousands of bodies from one address: no rate limit unless a test asks.
  const app = buildServer({
    store,
    allowedOrigins: [ORIGIN],
    adminToken: ADMIN_TOKEN,
    rateLimitPerMinute: 0,
    ...options,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  const collector: Collector = {
    url,
    app,
    store,
    databasePath,
    postJson: (body, headers = {}) =>
      fetch(`${url}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    postForm: (fields, headers = {}) =>
      fetch(`${url}/v1/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      }),
    async exportRows() {
      const response = await fetch(`${url}/v1/responses?format=ndjson`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      if (response.status !== 200) throw new Error(`export answered ${response.status}`);
      const text = await response.text();
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as StoredResponse);
    },
    count: () => store.count(),
    async close() {
      await app.close();
      await store.close();
      dir.remove();
    },
  };
  return collector;
}
