/**
 * SQLite and PostgreSQL must publish the same numbers from the same answers. Random histories
 * of every widget go into a fresh SQLite file and into PostgreSQL with the same received-at
 * times; the results of every topic, the FFT return of every month touched and the exports
 * must then be equal field for field, and agree with a plain count of the same answers, so
 * that a mistake both stores share is caught too.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { createResponseValidator, FFT_RATINGS, STAGES, WIDGETS } from '@participate/schema';
import { csvLines } from '../export/csv.js';
import { feedbackTally } from '../results/answers.js';
import { fftReportCsv } from '../results/fft-report.js';
import { topicResults, type ResultsSettings } from '../results/topic-results.js';
import { BRANCHES, FRUIT_NAMES, histories, instants, TOPICS, type Delivery } from '../testing/answer-histories.js';
import { tempDir } from '../testing/harness.js';
import { testDatabaseUrl } from '../testing/postgres.js';
import {
  fftFigures,
  fruitTreeFigures,
  londonMonth,
  pageUsefulFigures,
  referenceExport,
  referenceLatestAnswers,
} from '../testing/reference-answers.js';
import { collect } from './collect.js';
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';
import type { ContactFilter, ExportFilter, ResponseStore, StoredResponse } from './store.js';

const RUNS = 100;
const TIME_ZONE = 'Europe/London';
/** Every figure as counted: no group too small to show, no rounding, the month still open too. */
const SETTINGS: ResultsSettings = { minGroupSize: 1, roundTo: 1, publishOpenPeriod: true, timeZone: TIME_ZONE };
/** After every month the histories touch. */
const NOW = new Date('2027-06-01T12:00:00.000Z');
/** Later than anything received: purging before it empties a store. */
const END_OF_TIME = '9999-12-31T00:00:00.000Z';

const validate = createResponseValidator();
const dir = tempDir();
after(() => {
  dir.remove();
});
// Made at the top of the file: a database made inside a test is dropped when that test ends.
const postgresUrl = await testDatabaseUrl();
// Each run's SQLite file is a copy of one already migrated: migrating takes longer than a run.
const migratedSqlite = join(dir.path, 'migrated.db');
await new SqliteStore(migratedSqlite).close();

function freshSqlite(run: number): SqliteStore {
  const path = join(dir.path, `run-${String(run)}.db`);
  copyFileSync(migratedSqlite, path);
  return new SqliteStore(path);
}

/** An export and a contacts export narrowed by anything an administrator may ask for. */
const filters = fc.record({
  export: fc.record(
    {
      topic: fc.constantFrom(...TOPICS),
      widget: fc.constantFrom(...WIDGETS),
      stage: fc.constantFrom(...STAGES),
      receivedFrom: instants,
      receivedBefore: instants,
    },
    { requiredKeys: [] },
  ),
  contacts: fc.record(
    { topic: fc.constantFrom(...TOPICS), fruit: fc.constantFrom(...FRUIT_NAMES), branch: fc.constantFrom(...BRANCHES) },
    { requiredKeys: [] },
  ),
});
interface Filters {
  export: ExportFilter;
  contacts: ContactFilter;
}

/** The figures of a results document checked against the plain count. */
interface ResultsFigures {
  feedback: {
    pageUseful: {
      overall: { answers: { yes: number; no: number }; reasons: { reason: string; count: number }[] };
    } | null;
  };
  fruitTree: { responses: number; contactGiven: number } | null;
}

async function deliver(store: ResponseStore, deliveries: readonly Delivery[]) {
  const outcomes = [];
  for (const { payload, receivedAt } of deliveries) outcomes.push(await store.insert(payload, receivedAt));
  return outcomes;
}

/** Everything a store publishes or exports from what it holds, as plain data to compare. */
async function outputs(store: ResponseStore, months: readonly string[], filter: Filters) {
  const feedback = feedbackTally(await collect(store.latestAnswers({ widget: 'feedback-prompt' })));
  const results: Record<string, ResultsFigures> = {};
  for (const topic of TOPICS) {
    const answers = await collect(store.latestAnswers({ topic }));
    results[topic] = JSON.parse(topicResults(topic, answers, SETTINGS, NOW)) as ResultsFigures;
  }
  return {
    latestAnswers: await collect(store.latestAnswers({})),
    results,
    fftReports: months.map((month) => fftReportCsv(feedback, { month, timeZone: TIME_ZONE })),
    export: await collect(store.export()),
    exportCsv: (await collect(csvLines(store.export()))).join(''),
    filteredExport: await collect(store.export(filter.export)),
    contacts: await collect(store.exportContacts()),
    filteredContacts: await collect(store.exportContacts(filter.contacts)),
  };
}

/** The FFT return's counts, topic by topic. */
function fftReportCounts(csv: string) {
  const [, ...lines] = csv.split('\r\n').filter((line) => line !== '');
  return Object.fromEntries(
    lines.map((line) => {
      const [topic = '', ...counts] = line.split(',');
      return [topic, Object.fromEntries(FFT_RATINGS.map((rating, index) => [rating, Number(counts[index])]))];
    }),
  );
}

const matches =
  ({ topic, widget, stage, receivedFrom, receivedBefore }: ExportFilter) =>
  (row: StoredResponse) =>
    (topic === undefined || row.topic === topic) &&
    (widget === undefined || row.widget === widget) &&
    (stage === undefined || row.stage === stage) &&
    (receivedFrom === undefined || row.receivedAt >= receivedFrom) &&
    (receivedBefore === undefined || row.receivedAt < receivedBefore);

/** What the stores publish is what a plain count of the same answers gives. */
function assertRight(deliveries: readonly Delivery[], months: readonly string[], filter: Filters, got: Outputs) {
  const latest = referenceLatestAnswers(deliveries);
  assert.deepEqual(got.latestAnswers, latest, 'the latest answer of each chain');
  assert.deepEqual(
    got.export.map(({ id, receivedAt }) => ({ id, receivedAt })),
    referenceExport(deliveries),
    'every response kept, once, in order',
  );
  assert.deepEqual(got.filteredExport, got.export.filter(matches(filter.export)), 'the filtered export');
  for (const topic of TOPICS) {
    const { feedback, fruitTree } = got.results[topic] ?? assert.fail(`no results for ${topic}`);
    const overall = feedback.pageUseful?.overall;
    assert.deepEqual(
      overall && {
        yes: overall.answers.yes,
        no: overall.answers.no,
        reasons: Object.fromEntries(overall.reasons.map(({ reason, count }) => [reason, count])),
      },
      pageUsefulFigures(latest, topic) ?? undefined,
      `"Is this page useful?" in ${topic}`,
    );
    const people = fruitTreeFigures(latest, topic);
    assert.deepEqual(
      fruitTree && { responses: fruitTree.responses, contactGiven: fruitTree.contactGiven },
      people.responses === 0 ? null : people,
      `fruit tree in ${topic}`,
    );
  }
  months.forEach((month, index) => {
    assert.deepEqual(
      fftReportCounts(got.fftReports[index] ?? ''),
      fftFigures(latest, month),
      `FFT return for ${month}`,
    );
  });
}
type Outputs = Awaited<ReturnType<typeof outputs>>;

test(`SQLite and PostgreSQL publish the same numbers, and the right ones (${RUNS} random histories)`, async () => {
  // One PostgreSQL database for every run, emptied before each: making one takes longer than a run.
  const postgres = await PostgresStore.open(postgresUrl, { poolSize: 2 });
  let run = 0;
  try {
    await fc.assert(
      fc.asyncProperty(histories, filters, async (deliveries, filter) => {
        for (const { payload } of deliveries) {
          const result = validate(payload);
          assert.ok(result.ok, `the generator made an invalid payload: ${JSON.stringify(result)}`);
        }
        await postgres.purge({ responsesBefore: END_OF_TIME });
        assert.equal(await postgres.count(), 0);
        const sqlite = freshSqlite(++run);
        try {
          const [sqliteOutcomes, postgresOutcomes] = await Promise.all([
            deliver(sqlite, deliveries),
            deliver(postgres, deliveries),
          ]);
          assert.deepEqual(postgresOutcomes, sqliteOutcomes, 'insert outcomes');
          const months = [...new Set(deliveries.map(({ receivedAt }) => londonMonth(receivedAt)))].sort();
          const fromSqlite = await outputs(sqlite, months, filter);
          const fromPostgres = await outputs(postgres, months, filter);
          for (const key of Object.keys(fromSqlite) as (keyof Outputs)[]) {
            assert.deepEqual(fromPostgres[key], fromSqlite[key], `${key}: PostgreSQL and SQLite differ`);
          }
          assertRight(deliveries, months, filter, fromSqlite);
        } finally {
          await sqlite.close();
        }
      }),
      // The failed assertion in the report itself: which output differed, and how.
      { numRuns: RUNS, includeErrorInReport: true },
    );
  } finally {
    await postgres.close();
  }
});
