import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { csvCell, CSV_COLUMNS } from './export/csv.js';
import { ADMIN_TOKEN, startCollector, validPayload, type Collector } from './testing/harness.js';

let collector: Collector;
const injected = validPayload({
  topic: 'council-tax',
  answer: {
    variant: 'page-useful',
    useful: 'no',
    reasons: ['out-of-date', 'missing-information'],
    comment: '=HYPERLINK("https://attacker.example","Click")',
  },
});
const fft = validPayload({
  topic: 'maternity',
  answer: {
    variant: 'fft',
    rating: 'very-good',
    comment: 'Kind staff, "brilliant",\nthank you',
    standardWording: true,
  },
});

before(async () => {
  collector = await startCollector();
  for (const payload of [injected, fft]) assert.equal((await collector.postJson(payload)).status, 201);
});
after(() => collector.close());

const exportUrl = (query = '') => `${collector.url}/v1/responses${query}`;
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Splits RFC 4180 CSV into rows of cells (enough for these tests: quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') (row.push(cell), (cell = ''));
    else if (char === '\r' && text[i + 1] === '\n') (row.push(cell), rows.push(row), (row = []), (cell = ''), i++);
    else cell += char;
  }
  return rows;
}

describe('GET /v1/responses (admin export)', () => {
  for (const [name, headers] of [
    ['no token', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token-at-all-123456' }],
    ['a token prefix', { authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}` }],
    ['another scheme', { authorization: `Basic ${ADMIN_TOKEN}` }],
  ] as const) {
    test(`is 401 with ${name}`, async () => {
      const response = await fetch(exportUrl(), { headers });
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'unauthorized');
    });
  }

  test('streams NDJSON by default: one object per line, oldest first, answer as an object', async () => {
    const response = await fetch(exportUrl(), { headers: asAdmin });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/x-ndjson/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const text = await response.text();
    assert.ok(text.endsWith('\n'));
    const rows = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(
      rows.map((row) => row.id),
      [injected.id, fft.id],
    );
    assert.deepEqual(rows[1]?.answer, fft.answer);
    assert.deepEqual(Object.keys(rows[0] ?? {}).sort(), [
      'amends',
      'answer',
      'id',
      'locale',
      'page',
      'receivedAt',
      'schemaVersion',
      'stage',
      'submittedAt',
      'topic',
      'variant',
      'widget',
    ]);
  });

  test('CSV has the documented columns, RFC 4180 quoting and formula cells defused', async () => {
    const response = await fetch(exportUrl('?format=csv'), { headers: asAdmin });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="participate-responses.csv"');
    const text = await response.text();
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, 3);
    const byColumn = (row: string[] | undefined) =>
      Object.fromEntries(CSV_COLUMNS.map((column, index) => [column, row?.[index]]));

    const first = byColumn(rows[1]);
    assert.equal(first.comment, `'=HYPERLINK("https://attacker.example","Click")`);
    assert.equal(first.reasons, 'out-of-date;missing-information');
    assert.equal(first.useful, 'no');
    assert.equal(first.rating, '');
    assert.equal(first.topic, 'council-tax');

    const second = byColumn(rows[2]);
    assert.equal(second.comment, 'Kind staff, "brilliant",\nthank you');
    assert.equal(second.rating, 'very-good');
    assert.equal(second.variant, 'fft');
    assert.equal(second.standard_wording, 'true');
    assert.equal(second.stage, 'improve-services');
    assert.equal(first.amends, '');
  });

  test('filters by topic and by receipt time', async () => {
    const byTopic = await fetch(exportUrl('?topic=maternity'), { headers: asAdmin });
    assert.deepEqual(
      (await byTopic.text())
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { id: string }).id),
      [fft.id],
    );
    const future = await fetch(exportUrl('?since=2999-01-01'), { headers: asAdmin });
    assert.equal(future.status, 200);
    assert.equal(await future.text(), '');
  });

  test('bad query values are 400 invalid_query', async () => {
    for (const query of ['?format=xlsx', '?since=yesterday', '?topic=Not%20A%20Slug', '?format=csv&format=ndjson']) {
      const response = await fetch(exportUrl(query), { headers: asAdmin });
      assert.equal(response.status, 400, query);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'invalid_query');
    }
  });

  test('a large export streams completely', async () => {
    const big = await startCollector();
    const rows = 1500;
    for (let i = 0; i < rows; i++)
      await big.store.insert(validPayload(), new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString());
    const response = await fetch(`${big.url}/v1/responses?format=csv`, { headers: asAdmin });
    const lines = (await response.text()).split('\r\n').filter(Boolean);
    assert.equal(lines.length, rows + 1);
    await big.close();
  });
});

describe('csvCell', () => {
  test('prefixes cells a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('+44 20 7946 0000'), "'+44 20 7946 0000");
    assert.equal(csvCell('-2'), "'-2");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tcmd'), "'\tcmd");
    assert.equal(csvCell('\rcmd'), `"'\rcmd"`);
    assert.equal(csvCell('fine = good'), 'fine = good');
  });

  test('quotes commas, quotes and line breaks, doubling quotes', () => {
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=A1,"x"'), `"'=A1,""x"""`);
    assert.equal(csvCell(''), '');
  });
});
