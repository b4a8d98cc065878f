import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Contact, FruitTreeAnswer, FruitTreeResponse } from '@participate/schema';
import { CONTACT_CSV_COLUMNS } from './export/contacts-csv.js';
import { CSV_COLUMNS } from './export/csv.js';
import {
  ADMIN_TOKEN,
  ALL_EXACT_RESULTS,
  fetchResults,
  fruitTreePayload,
  OPEN_EXACT_RESULTS,
  resultsBody,
  startCollector,
  validPayload,
  type Collector,
  type ResultsBody,
} from './testing/harness.js';

const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}` };

let collector: Collector;
before(async () => {
  // The default minimum group size, 5; answers counted as they arrive, counts shown exactly.
  collector = await startCollector(OPEN_EXACT_RESULTS);
});
after(() => collector.close());

/** Posts `payload` to each collector of `to`, by default the file's own. */
async function post(payload: FruitTreeResponse | ReturnType<typeof validPayload>, to = [collector]): Promise<void> {
  for (const at of to) {
    const response = await at.postJson(payload);
    assert.equal(response.status, 201, await response.text());
  }
}

const results = (topic: string, headers: Record<string, string> = {}) => fetchResults(collector.url, topic, headers);

async function fruitTreeOf(topic: string): Promise<ResultsBody['fruitTree']> {
  return (await resultsBody(collector.url, topic)).fruitTree;
}

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

const contact = (name: string): Contact => ({ name, email: `${name.toLowerCase()}@example.org`, consent: true });

describe('GET /v1/results: the fruit-tree section', () => {
  const topic = 'tree-results';
  // Every count shown, for the arithmetic; the answers go to both collectors.
  let exact: Collector;
  let both: Collector[];
  before(async () => {
    exact = await startCollector(ALL_EXACT_RESULTS);
    both = [collector, exact];
  });
  after(() => exact.close());

  test('null when the topic has no fruit-tree answers, beside the other sections', async () => {
    await post(validPayload({ topic: 'tree-none' }));
    assert.equal(await fruitTreeOf('tree-none'), null);
  });

  test('four people: only how many, nothing about their fruits or contact details', async () => {
    await post(fruitTreePayload(['news@stay-informed:once'], {}, { topic, contact: contact('Ada') }), both);
    await post(fruitTreePayload(['news@stay-informed:once', 'panel@shape-decisions:regular'], {}, { topic }), both);
    await post(
      fruitTreePayload(['governor@lead-and-govern:ongoing', 'news@stay-informed:once'], { view: 'list' }, { topic }),
      both,
    );
    const changing = fruitTreePayload(['survey@share-experience:once'], { effortFilter: 'once' }, { topic });
    await post(changing, both);
    // A changed answer replaces the first: still four people.
    await post(
      fruitTreePayload(
        ['survey@share-experience:once', 'panel@shape-decisions:regular', 'codesign@work-together:regular'],
        { effortFilter: 'regular' },
        { topic, amends: changing.id, contact: contact('Bo') },
      ),
      both,
    );
    const response = await results(topic);
    const text = await response.text();
    assert.deepEqual((JSON.parse(text) as ResultsBody).fruitTree, { suppressed: true });
    assert.doesNotMatch(text, /news|governor|Ada|Bo|example\.org/);
  });

  test('five people: the counts, worked out by hand, with how many gave contact details but never who', async () => {
    await post(fruitTreePayload(['news@stay-informed:once'], {}, { topic, contact: contact('Cy') }), both);
    const response = await fetchResults(exact.url, topic);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=60');
    const text = await response.text();
    assert.doesNotMatch(text, /Ada|Bo|Cy|example\.org/);
    // People: news; news + panel; governor + news (list); survey + panel + codesign (changed, with contact); news (contact).
    assert.deepEqual((JSON.parse(text) as ResultsBody).fruitTree, {
      responses: 5,
      suppressed: false,
      fruits: [
        { fruit: 'news', branch: 'stay-informed', effort: 'once', people: 4 },
        { fruit: 'panel', branch: 'shape-decisions', effort: 'regular', people: 2 },
        { fruit: 'codesign', branch: 'work-together', effort: 'regular', people: 1 },
        { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing', people: 1 },
        { fruit: 'survey', branch: 'share-experience', effort: 'once', people: 1 },
      ],
      branches: [
        { branch: 'stay-informed', people: 4, fruits: 4 },
        { branch: 'shape-decisions', people: 2, fruits: 2 },
        { branch: 'lead-and-govern', people: 1, fruits: 1 },
        { branch: 'share-experience', people: 1, fruits: 1 },
        { branch: 'work-together', people: 1, fruits: 1 },
      ],
      branchesPerPerson: [
        { branches: 1, people: 2 },
        { branches: 2, people: 2 },
        { branches: 3, people: 1 },
      ],
      efforts: { once: 5, regular: 3, ongoing: 1 },
      effortFilters: { any: 4, once: 0, regular: 1, ongoing: 0 },
      views: { tree: 4, list: 1 },
      contactGiven: 3,
    });

    // Where counts under 5 are hidden: fruits and branches chosen by fewer are left out, and so
    // are how many chose fruits on 1, 2 or 3 branches; efforts are a partition, the two small
    // ones hidden; so is every filter and view (4 and 1, zeros too); so is the 3 who gave contact.
    assert.deepEqual(await fruitTreeOf(topic), {
      responses: 5,
      suppressed: false,
      fruits: [],
      branches: [],
      branchesPerPerson: [],
      efforts: { once: 5, regular: null, ongoing: null },
      effortFilters: { any: null, once: null, regular: null, ongoing: null },
      views: { tree: null, list: null },
      contactGiven: null,
    });
  });

  test('the ETag changes with a new answer and gives 304 while nothing has', async () => {
    const first = await results(topic);
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^"[\w-]+"$/);
    assert.equal((await results(topic, { 'if-none-match': etag })).status, 304);
    await post(fruitTreePayload(['forum@work-together:regular'], {}, { topic }));
    const changed = await results(topic, { 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    const fruitTree = ((await changed.json()) as ResultsBody).fruitTree;
    assert.equal(fruitTree?.suppressed === false && fruitTree.responses, 6);
  });

  test('the minimum group size in force is the one applied', async () => {
    const strict = await startCollector({ ...OPEN_EXACT_RESULTS, minGroupSize: 7 });
    try {
      for (let i = 0; i < 6; i++) {
        const response = await strict.postJson(fruitTreePayload(['news@stay-informed:once'], {}, { topic }));
        assert.equal(response.status, 201);
      }
      const body = (await (await fetch(`${strict.url}/v1/results?topic=${topic}`)).json()) as ResultsBody;
      assert.equal(body.minGroupSize, 7);
      assert.deepEqual(body.fruitTree, { suppressed: true });
    } finally {
      await strict.close();
    }
  });
});

describe('GET /v1/contacts: following up the people who chose a fruit', () => {
  const topic = 'tree-contacts';
  const governor = fruitTreePayload(
    ['governor@lead-and-govern:ongoing', 'news@stay-informed:once'],
    {},
    {
      topic,
      contact: { name: '=HYPERLINK("https://attacker.example","Click")', phone: '+44 20 7946 0000', consent: true },
    },
  );
  const reader = fruitTreePayload(['news@stay-informed:once'], {}, { topic, contact: contact('Reader') });
  const elsewhere = fruitTreePayload(
    ['governor@lead-and-govern:ongoing'],
    {},
    { topic: 'tree-elsewhere', contact: contact('Far') },
  );

  before(async () => {
    for (const payload of [governor, reader, elsewhere]) await post(payload);
    await post(fruitTreePayload(['governor@lead-and-govern:ongoing'], {}, { topic }));
  });

  const get = (query: string, headers: Record<string, string> = asAdmin) =>
    fetch(`${collector.url}/v1/contacts${query}`, { headers });

  async function names(query: string): Promise<{ name: string; fruits: string[]; branches: string[] }[]> {
    const response = await get(query);
    assert.equal(response.status, 200);
    return (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { name: string; fruits: string[]; branches: string[] })
      .map(({ name, fruits, branches }) => ({ name, fruits, branches }));
  }

  test('fruit=governor: only those who chose it, each with every fruit and branch they chose', async () => {
    assert.deepEqual(await names(`?topic=${topic}&fruit=governor`), [
      {
        name: '=HYPERLINK("https://attacker.example","Click")',
        fruits: ['governor', 'news'],
        branches: ['lead-and-govern', 'stay-informed'],
      },
    ]);
    assert.deepEqual(
      (await names('?fruit=governor')).map(({ name }) => name),
      ['=HYPERLINK("https://attacker.example","Click")', 'Far'],
    );
    assert.deepEqual(
      (await names(`?topic=${topic}&fruit=news`)).map(({ name }) => name),
      ['=HYPERLINK("https://attacker.example","Click")', 'Reader'],
    );
    assert.deepEqual(
      (await names(`?topic=${topic}&branch=lead-and-govern`)).map(({ name }) => name),
      ['=HYPERLINK("https://attacker.example","Click")'],
    );
    assert.deepEqual(await names(`?topic=${topic}&fruit=nobody-chose-this`), []);
  });

  test('CSV: fruits and branches joined with ;, and a name a spreadsheet would run is defused', async () => {
    const response = await get(`?format=csv&topic=${topic}&fruit=governor`);
    assert.equal(response.status, 200);
    const rows = parseCsv(await response.text());
    assert.deepEqual(rows[0], [...CONTACT_CSV_COLUMNS]);
    assert.equal(rows.length, 2);
    const cell = (column: (typeof CONTACT_CSV_COLUMNS)[number]) => rows[1]?.[CONTACT_CSV_COLUMNS.indexOf(column)];
    assert.equal(cell('response_id'), governor.id);
    assert.equal(cell('name'), `'=HYPERLINK("https://attacker.example","Click")`);
    assert.equal(cell('phone'), "'+44 20 7946 0000");
    assert.equal(cell('fruits'), 'governor;news');
    assert.equal(cell('branches'), 'lead-and-govern;stay-informed');
  });

  test('needs the admin token, and refuses a fruit or branch that is not a value', async () => {
    const wrong: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-admin-token-000000' }];
    for (const headers of wrong) {
      const response = await get(`?topic=${topic}&fruit=governor`, headers);
      assert.equal(response.status, 401);
      assert.equal(response.headers.get('www-authenticate'), 'Bearer');
      assert.doesNotMatch(await response.text(), /HYPERLINK|Reader|example\.org/);
    }
    for (const query of ['?fruit=Not%20A%20Fruit', '?branch=%3Dcmd', '?fruit=a&fruit=b', `?fruit=${'a'.repeat(65)}`]) {
      const response = await get(query);
      assert.equal(response.status, 400, query);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'invalid_query');
    }
  });
});

describe('GET /v1/responses: fruit-tree answers in the export', () => {
  const topic = 'tree-export';
  const answer: Partial<FruitTreeAnswer> = { effortFilter: 'regular', view: 'list', offered: 9 };
  const withContact = fruitTreePayload(
    ['panel@shape-decisions:regular', 'news@stay-informed:once', 'forum@shape-decisions:regular'],
    answer,
    { topic, contact: contact('Hidden') },
  );
  const without = fruitTreePayload(['governor@lead-and-govern:ongoing'], {}, { topic });

  before(async () => {
    await post(withContact);
    await post(without);
  });

  const exported = (format: string) =>
    fetch(`${collector.url}/v1/responses?format=${format}&topic=${topic}`, { headers: asAdmin });

  test('CSV: fruits, branches, efforts, filter, view, contact given and fruits offered; never the contact', async () => {
    const text = await (await exported('csv')).text();
    assert.doesNotMatch(text, /Hidden|example\.org/);
    const [header, ...rows] = parseCsv(text);
    assert.deepEqual(header, [...CSV_COLUMNS]);
    const fruitColumns = (row: string[] | undefined) => row?.slice(CSV_COLUMNS.indexOf('fruits'));
    assert.deepEqual(CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('fruits')), [
      'fruits',
      'branches',
      'efforts',
      'effort_filter',
      'view',
      'contact_given',
      'fruits_offered',
    ]);
    assert.deepEqual(rows.map(fruitColumns), [
      ['panel;news;forum', 'shape-decisions;stay-informed', 'regular;once;regular', 'regular', 'list', 'true', '9'],
      ['governor', 'lead-and-govern', 'ongoing', 'any', 'tree', 'false', '14'],
    ]);
    const column = (name: (typeof CSV_COLUMNS)[number]) => rows.map((row) => row[CSV_COLUMNS.indexOf(name)]);
    assert.deepEqual(column('widget'), ['fruit-tree', 'fruit-tree']);
    assert.deepEqual(column('variant'), ['fruit-tree', 'fruit-tree']);
    assert.deepEqual(column('shown'), ['', ''], 'the ranking columns are empty');
  });

  test('NDJSON: the answer as sent, contactGiven included, the contact itself not', async () => {
    const text = await (await exported('ndjson')).text();
    assert.doesNotMatch(text, /Hidden|example\.org|"contact"/);
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { id: string; widget: string; variant: string; answer: unknown });
    assert.deepEqual(
      lines.map(({ id, widget, variant, answer: sent }) => ({ id, widget, variant, answer: sent })),
      [
        { id: withContact.id, widget: 'fruit-tree', variant: 'fruit-tree', answer: withContact.answer },
        { id: without.id, widget: 'fruit-tree', variant: 'fruit-tree', answer: without.answer },
      ],
    );
  });
});
