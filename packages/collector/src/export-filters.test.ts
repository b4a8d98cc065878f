import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FeedbackPromptResponse, ResponsePayload } from '@participate/schema';
import { CSV_COLUMNS } from './export/csv.js';
import { ADMIN_TOKEN, startCollector, validPayload, type Collector } from './testing/harness.js';

const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A payload with no engagement-cycle stage. */
function withoutStage(overrides: Partial<FeedbackPromptResponse> = {}): ResponsePayload {
  const payload = validPayload(overrides);
  delete payload.stage;
  return payload;
}

/** The rows the filters pick from, each with the instant it was received. */
const ROWS = {
  lastOfSeptember: {
    payload: validPayload({ topic: 'parking', stage: 'identify-needs' }),
    receivedAt: '2026-09-30T23:59:59.999Z',
  },
  firstOfOctober: {
    payload: validPayload({ topic: 'bins', stage: 'identify-needs' }),
    receivedAt: '2026-10-01T00:00:00.000Z',
  },
  endOfFirst: {
    payload: validPayload({ topic: 'bins', stage: 'improve-services' }),
    receivedAt: '2026-10-01T23:59:59.999Z',
  },
  startOfSecond: { payload: withoutStage({ topic: 'parking' }), receivedAt: '2026-10-02T00:00:00.000Z' },
  noonOfSecond: {
    payload: validPayload({ topic: 'parking', stage: 'improve-services' }),
    receivedAt: '2026-10-02T12:00:00.000Z',
  },
  third: {
    payload: validPayload({
      topic: 'bins',
      stage: 'monitor-services',
      answer: { variant: 'fft', rating: 'good', standardWording: true },
    }),
    receivedAt: '2026-10-03T08:30:00.000Z',
  },
} as const;
type RowName = keyof typeof ROWS;
const ALL = Object.keys(ROWS) as RowName[];

let collector: Collector;
before(async () => {
  collector = await startCollector();
  // Inserted out of order: the export sorts by receipt.
  for (const name of [...ALL].reverse()) {
    const { payload, receivedAt } = ROWS[name];
    assert.equal((await collector.store.insert(payload, receivedAt)).outcome, 'created');
  }
});
after(() => collector.close());

const idsOf = (names: readonly RowName[]) => names.map((name) => ROWS[name].payload.id);

/** Splits RFC 4180 CSV into rows of cells: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

async function ndjsonIds(query: string): Promise<string[]> {
  const response = await fetch(`${collector.url}/v1/responses?${query}`, { headers: asAdmin });
  const text = await response.text();
  assert.equal(response.status, 200, `${query}: ${text}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/x-ndjson/);
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id);
}

async function csvIds(query: string): Promise<string[]> {
  const response = await fetch(`${collector.url}/v1/responses?format=csv&${query}`, { headers: asAdmin });
  const text = await response.text();
  assert.equal(response.status, 200, `${query}: ${text}`);
  assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
  const [header, ...rows] = parseCsv(text);
  assert.deepEqual(header, [...CSV_COLUMNS], 'the header comes even when nothing matches');
  return rows.map((row) => row[0] ?? '');
}

async function expectBoth(query: string, names: readonly RowName[]): Promise<void> {
  assert.deepEqual(await ndjsonIds(query), idsOf(names), `NDJSON ?${query}`);
  assert.deepEqual(await csvIds(query), idsOf(names), `CSV ?${query}`);
}

const cases: { query: string; names: readonly RowName[]; why: string }[] = [
  { query: '', names: ALL, why: 'no filter: everything, oldest first' },
  { query: 'widget=feedback-prompt', names: ALL, why: 'the one widget there is' },
  { query: 'stage=improve-services', names: ['endOfFirst', 'noonOfSecond'], why: 'one stage' },
  { query: 'stage=identify-needs', names: ['lastOfSeptember', 'firstOfOctober'], why: 'another stage' },
  { query: 'stage=procure-services', names: [], why: 'a stage nothing was tagged with' },
  {
    query: 'from=2026-10-01',
    names: ['firstOfOctober', 'endOfFirst', 'startOfSecond', 'noonOfSecond', 'third'],
    why: 'a from date starts at midnight UTC, inclusive',
  },
  {
    query: 'since=2026-10-01',
    names: ['firstOfOctober', 'endOfFirst', 'startOfSecond', 'noonOfSecond', 'third'],
    why: 'since is the old name of from',
  },
  {
    query: 'to=2026-10-01',
    names: ['lastOfSeptember', 'firstOfOctober', 'endOfFirst'],
    why: 'a to date takes in the whole day, to its last millisecond',
  },
  {
    query: 'from=2026-10-01&to=2026-10-01',
    names: ['firstOfOctober', 'endOfFirst'],
    why: 'from and to the same date: that one day',
  },
  {
    query: 'from=2026-10-02T12:00:00.000Z',
    names: ['noonOfSecond', 'third'],
    why: 'a from date-time is inclusive',
  },
  { query: 'from=2026-10-02T12:00:00.001Z', names: ['third'], why: 'one millisecond later leaves it out' },
  {
    query: 'to=2026-10-02T12:00:00.000Z',
    names: ['lastOfSeptember', 'firstOfOctober', 'endOfFirst', 'startOfSecond', 'noonOfSecond'],
    why: 'a to date-time is inclusive',
  },
  {
    query: 'to=2026-10-02T11:59:59.999Z',
    names: ['lastOfSeptember', 'firstOfOctober', 'endOfFirst', 'startOfSecond'],
    why: 'one millisecond earlier leaves it out',
  },
  {
    query: 'from=2026-10-02T12:00:00.000Z&to=2026-10-02T12:00:00.000Z',
    names: ['noonOfSecond'],
    why: 'from and to the same instant: what arrived at that instant',
  },
  {
    query: `from=${encodeURIComponent('2026-10-02T13:00:00+01:00')}`,
    names: ['noonOfSecond', 'third'],
    why: 'an offset is honoured',
  },
  {
    query: 'from=2026-10-02T12:00:00Z&to=2026-10-03T08:30:00Z',
    names: ['noonOfSecond', 'third'],
    why: 'date-times without milliseconds',
  },
  { query: 'topic=bins&stage=improve-services', names: ['endOfFirst'], why: 'topic and stage' },
  { query: 'stage=improve-services&from=2026-10-02', names: ['noonOfSecond'], why: 'stage and from' },
  {
    query: 'topic=parking&to=2026-10-02T11:59:59.999Z',
    names: ['lastOfSeptember', 'startOfSecond'],
    why: 'topic and to, including a response without a stage',
  },
  {
    query: 'widget=feedback-prompt&topic=bins&from=2026-10-01T12:00:00Z&to=2026-10-03',
    names: ['endOfFirst', 'third'],
    why: 'widget, topic, from and to',
  },
  {
    query: 'widget=feedback-prompt&topic=bins&stage=monitor-services&since=2026-10-03&to=2026-10-03',
    names: ['third'],
    why: 'every filter at once',
  },
  { query: 'topic=parking&stage=monitor-services', names: [], why: 'filters that exclude each other' },
  { query: 'from=2026-10-04', names: [], why: 'after everything' },
];

describe('GET /v1/responses filters', () => {
  for (const { query, names, why } of cases) {
    test(`?${query} (${why})`, async () => {
      await expectBoth(query, names);
    });
  }

  test('a date-time without an offset is UTC, whatever the server’s time zone', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      assert.notEqual(new Date('2026-10-02T12:00:00').toISOString(), '2026-10-02T12:00:00.000Z');
      await expectBoth('from=2026-10-02T12:00:00', ['noonOfSecond', 'third']);
      await expectBoth('to=2026-10-02T11:59:59.999', [
        'lastOfSeptember',
        'firstOfOctober',
        'endOfFirst',
        'startOfSecond',
      ]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  const invalid: { query: string; why: string }[] = [
    { query: 'widget=survey', why: 'a widget that does not exist' },
    { query: 'widget=Feedback-Prompt', why: 'widgets are matched exactly' },
    { query: 'widget=feedback-prompt&widget=feedback-prompt', why: 'widget twice' },
    { query: 'stage=improve', why: 'a stage that does not exist' },
    { query: 'stage=improve-services&stage=identify-needs', why: 'stage twice' },
    { query: 'from=yesterday', why: 'not a date' },
    { query: 'to=20261001', why: 'a date without hyphens' },
    { query: 'from=2026-13-01', why: 'month 13' },
    { query: 'to=2026-02-30', why: 'the 30th of February' },
    { query: 'from=2026-09-31', why: 'the 31st of September' },
    { query: 'from=2026-10-02T25:00:00Z', why: 'hour 25' },
    { query: 'from=2026-10-02%20(Fri)', why: 'text after the date' },
    { query: 'from=2026-10-02T13:00:00+01:00', why: 'an unencoded + arrives as a space' },
    { query: 'since=2026%2F10%2F01', why: 'slashes' },
    { query: 'from=2026-10-03&to=2026-10-01', why: 'from after to' },
    { query: 'from=2026-10-02T12:00:00.001Z&to=2026-10-02T12:00:00.000Z', why: 'from one millisecond after to' },
    { query: 'from=2026-10-01&from=2026-10-02', why: 'from twice' },
  ];

  for (const { query, why } of invalid) {
    test(`?${query} is 400 invalid_query (${why})`, async () => {
      for (const format of ['ndjson', 'csv']) {
        const response = await fetch(`${collector.url}/v1/responses?format=${format}&${query}`, { headers: asAdmin });
        assert.equal(response.status, 400, `${format} ?${query}`);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
        const body = (await response.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'invalid_query');
      }
    });
  }

  test('filters need the admin token like the rest of the export', async () => {
    const response = await fetch(`${collector.url}/v1/responses?stage=improve-services`);
    assert.equal(response.status, 401);
    await response.arrayBuffer();
  });
});
