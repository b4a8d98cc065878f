import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020Import, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './server.js';
import { SqliteStore } from './store/sqlite-store.js';
import {
  ADMIN_TOKEN,
  fruitTreePayload,
  ORIGIN,
  OTHER_ORIGIN,
  rankingPayload,
  startCollector,
  tempDir,
  validPayload,
} from './testing/harness.js';

// Both ship CommonJS; under NodeNext their default exports arrive wrapped.
const Ajv2020 = Ajv2020Import as unknown as typeof Ajv2020Import.default;
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;

type Json = Record<string, unknown>;
interface DocumentedAnswer {
  $ref?: string;
  headers?: Json;
}
interface Document extends Json {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
}

const DOCUMENT_ID = 'urn:participate:openapi';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A JSON Pointer segment (RFC 6901). */
const segment = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

let app: FastifyInstance;
let url: string;
let routes: string[];
let removeDir: () => void;
let store: SqliteStore;
let doc: Document;
let response: Response;
let ajv: InstanceType<typeof Ajv2020>;

/** Compiles the schema at `pointer` in the served document, its `$ref`s resolved against the document. */
function schemaAt(pointer: string): ValidateFunction {
  const validate = ajv.getSchema(`${DOCUMENT_ID}#${pointer}`);
  assert.ok(validate, `no schema at ${pointer}`);
  return validate;
}

const answersOf = (method: string, path: string) =>
  (doc.paths[path]?.[method]?.responses ?? {}) as Record<string, DocumentedAnswer | undefined>;

/** The documented schema for one answer of one operation, following a `$ref` to components.responses. */
function documented(method: string, path: string, status: number, mediaType = 'application/json'): ValidateFunction {
  let pointer = `/paths/${segment(path)}/${method}/responses/${String(status)}`;
  const answer = answersOf(method, path)[String(status)];
  assert.ok(answer, `${method.toUpperCase()} ${path} does not document ${String(status)}`);
  if (answer.$ref !== undefined) pointer = answer.$ref.slice(1);
  return schemaAt(`${pointer}/content/${segment(mediaType)}/schema`);
}

function assertValid(validate: ValidateFunction, value: unknown, what: string) {
  assert.ok(validate(value), `${what}: ${JSON.stringify(validate.errors, null, 2)}`);
}

/** Fetches a route and checks its JSON body against what the document says for that status. */
async function answersAsDocumented(method: string, path: string, init: RequestInit & { route?: string } = {}) {
  const reply = await fetch(`${url}${path}`, { method: method.toUpperCase(), ...init });
  const body: unknown = await reply.json();
  const route = init.route ?? path.split('?')[0] ?? path;
  assertValid(documented(method, route, reply.status), body, `${method.toUpperCase()} ${path} ${String(reply.status)}`);
  return { status: reply.status, headers: reply.headers, body };
}

before(async () => {
  const dir = tempDir();
  removeDir = dir.remove;
  store = new SqliteStore(join(dir.path, 'participate.db'));
  // Results counted as answers arrive, exactly, groups and counts under 2 hidden.
  app = buildServer({
    store,
    allowedOrigins: [ORIGIN],
    adminToken: ADMIN_TOKEN,
    minGroupSize: 2,
    roundTo: 1,
    publishOpenPeriod: true,
  });
  // Routes are added when the plugins load, after this: the hook sees every one.
  routes = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${route.url}`);
    }
  });
  url = await app.listen({ port: 0, host: '127.0.0.1' });

  response = await fetch(`${url}/v1/openapi.json`);
  doc = (await response.clone().json()) as Document;
  ajv = new Ajv2020({ strict: true, strictRequired: false, discriminator: true, allErrors: true });
  addFormats(ajv);
  // The document's own fields are not JSON Schema keywords; they hold the schemas.
  ajv.addVocabulary(['openapi', 'info', 'servers', 'tags', 'paths', 'components', 'security']);
  ajv.addSchema(doc, DOCUMENT_ID);
});
after(async () => {
  await app.close();
  await store.close();
  removeDir();
});

describe('GET /v1/openapi.json', () => {
  test('is a valid OpenAPI 3.1 document of this collector version, served as cacheable JSON', async () => {
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300');
    assert.equal(doc.openapi, '3.1.0');
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Json;
    assert.equal(doc.info.version, version);

    const result = await new Validator().validate(structuredClone(doc));
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  });

  test('documents exactly the routes the server registered, no more and no fewer', () => {
    const documentedRoutes = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => METHODS.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const registered = routes.map((route) => route.replace(/:(\w+)/g, '{$1}'));
    assert.ok(registered.length >= 10, `only ${String(registered.length)} routes seen`);
    assert.deepEqual([...documentedRoutes].sort(), [...registered].sort());
  });

  test('every operation has a unique operationId, a summary and responses; exactly the admin ones need the token', async () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        assert.equal(typeof operation.operationId, 'string', name);
        assert.ok(!ids.has(operation.operationId as string), `${name}: operationId repeated`);
        ids.add(operation.operationId as string);
        assert.equal(typeof operation.summary, 'string', name);
        assert.ok(Object.keys(operation.responses as Json).length > 0, name);

        // Ask without a token: the server, not the document, says which routes are admin-only.
        const reply = await fetch(`${url}${path.replace('{id}', randomUUID())}?topic=gp-appointments`, {
          method: method.toUpperCase(),
        });
        await reply.arrayBuffer();
        assert.equal(
          operation.security !== undefined,
          reply.status === 401,
          `${name} answered ${String(reply.status)}`,
        );
        if (operation.security !== undefined) {
          assert.deepEqual(operation.security, [{ adminToken: [] }], name);
          assert.ok((operation.responses as Json)['401'], `${name} does not document 401`);
        }
      }
    }
  });

  test('every schema in it compiles as strict JSON Schema 2020-12', () => {
    let compiled = 0;
    const visit = (node: unknown, pointer: string): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        const at = `${pointer}/${segment(key)}`;
        // Schemas under components.schemas are reached by name, the rest by their `schema` key.
        if (key === 'schema' || pointer === '/components/schemas') {
          schemaAt(at);
          compiled += 1;
        } else {
          visit(value, at);
        }
      }
    };
    visit(doc, '');
    assert.ok(compiled > 40, `only ${String(compiled)} schemas compiled`);
  });
});

describe('components.schemas.Response is the schema the collector enforces', () => {
  const full = () =>
    validPayload({
      stage: 'monitor-services',
      botCheck: { honeypot: '', elapsedMs: 48_210 },
      contact: { name: 'Ada Lovelace', email: 'ada@example.org', consent: true },
    });
  const post = (body: unknown) =>
    fetch(`${url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(body),
    });

  test('keeps the discriminator and drops the package $id', () => {
    const schema = doc.components.schemas.Response;
    assert.ok(schema);
    assert.deepEqual(schema.discriminator, { propertyName: 'widget' });
    assert.equal(schema.$id, undefined);
  });

  test('a valid payload passes it, and the collector stores it', async () => {
    const payload = full();
    assertValid(schemaAt('/components/schemas/Response'), payload, 'valid payload');
    assertValid(
      schemaAt('/components/schemas/Response'),
      validPayload({ answer: { variant: 'fft', rating: 'dont-know', standardWording: true } }),
      'FFT payload',
    );
    assert.equal((await post(payload)).status, 201);
  });

  test('an unknown field fails it, and the collector refuses it with 422', async () => {
    const validate = schemaAt('/components/schemas/Response');
    const payload = full();
    const unknownOnTop = { ...payload, colour: 'blue' };
    const unknownInAnswer = { ...payload, answer: { ...payload.answer, colour: 'blue' } };
    for (const [what, body] of [
      ['top level', unknownOnTop],
      ['answer', unknownInAnswer],
    ] as const) {
      assert.equal(validate(body), false, what);
      assert.ok(
        validate.errors?.some((error) => error.keyword === 'additionalProperties'),
        what,
      );
      const reply = await post(body);
      assert.equal(reply.status, 422, what);
      assert.equal(((await reply.json()) as { error: { code: string } }).error.code, 'invalid_response');
    }
  });
});

describe('the collector answers as documented', () => {
  const topic = 'openapi-check';
  const postJson = (body: unknown, origin = ORIGIN) =>
    answersAsDocumented('post', '/v1/responses', {
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify(body),
    });

  test('POST /v1/responses: 201, the replay, 422, 403 and 415', async () => {
    const payload = validPayload({
      topic,
      contact: { name: 'Grace Hopper', phone: '+44 20 7946 0000', consent: true },
    });
    assert.equal((await postJson(payload)).status, 201);
    const replay = await postJson(payload);
    assert.equal(replay.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal((await postJson({ ...payload, answer: { variant: 'page-useful', useful: 'yes' } })).status, 422);
    const invalid = await postJson({ ...payload, id: 'not-a-uuid' });
    assert.equal(invalid.status, 422);
    assert.ok((invalid.body as { error: { problems?: unknown[] } }).error.problems?.length);
    assert.equal((await postJson(validPayload(), OTHER_ORIGIN)).status, 403);
    const wrongType = await answersAsDocumented('post', '/v1/responses', {
      headers: { 'content-type': 'text/csv', origin: ORIGIN },
      body: 'a,b',
    });
    assert.equal(wrongType.status, 415);
    const compressed = await answersAsDocumented('post', '/v1/responses', {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', origin: ORIGIN },
      body: gzipSync(JSON.stringify(validPayload())),
    });
    assert.equal(compressed.status, 415);
  });

  test('GET /v1/results: 200 with groups shown and suppressed, 304, 400', async () => {
    const fft = (rating: 'good' | 'poor', ofTopic = topic) =>
      validPayload({ topic: ofTopic, answer: { variant: 'fft', rating, standardWording: true } });
    await postJson(validPayload({ topic, answer: { variant: 'page-useful', useful: 'yes' } }));
    await postJson(fft('good'));
    await postJson(fft('poor'));
    await postJson(fft('good', 'openapi-small'));
    // Ranking, in a topic of its own: two full rankings and two share-outs shown; one pairwise answer suppressed.
    const shown = ['a', 'b', 'c'];
    const rankingTopic = 'openapi-ranking';
    await postJson(rankingPayload(undefined, { topic: rankingTopic }));
    await postJson(rankingPayload(undefined, { topic: rankingTopic }));
    for (const points of [{ a: 7, b: 3 }, { c: 10 }] as Record<string, number>[]) {
      await postJson(
        rankingPayload(
          { mode: 'points', shown, shuffled: false, budget: 10, mustSpendAll: true, points },
          { topic: rankingTopic },
        ),
      );
    }
    await postJson(
      rankingPayload(
        { mode: 'pairwise', shown, shuffled: true, comparisons: [{ a: 'a', b: 'b', choice: 'a' }], stoppedEarly: true },
        { topic: rankingTopic },
      ),
    );
    interface Body {
      feedback: { pageUseful: { overall: Json } | null; fft: { months: Json[] } };
      ranking: { modes: string[]; rank: Json; top: Json; points: Json; pairwise: Json };
    }
    const results = await answersAsDocumented('get', `/v1/results?topic=${topic}`);
    assert.equal(results.status, 200);
    const { feedback } = results.body as Body;
    assert.equal((results.body as Body).ranking, null);
    const { ranking } = (await answersAsDocumented('get', `/v1/results?topic=${rankingTopic}`)).body as Body;
    assert.deepEqual(ranking.modes, ['rank', 'points', 'pairwise']);
    assert.equal(ranking.rank.suppressed, false);
    assert.equal(ranking.points.suppressed, false);
    assert.deepEqual(ranking.pairwise, { suppressed: true });
    assert.equal(ranking.top, null);
    assert.equal(feedback.pageUseful?.overall.suppressed, false);
    // One "good" and one "poor", each under 2: hidden, and the percentages with them.
    assert.equal(feedback.fft.months[0]?.percentPositive, null);
    // One answer, under the minimum group size of 2.
    const small = await answersAsDocumented('get', '/v1/results?topic=openapi-small');
    const { feedback: smallFeedback } = small.body as Body;
    assert.equal(smallFeedback.pageUseful, null);
    assert.deepEqual(Object.keys(smallFeedback.fft.months[0] ?? {}), ['month', 'suppressed']);
    assert.equal(smallFeedback.fft.months[0]?.suppressed, true);

    const etag = results.headers.get('etag') ?? '';
    const unchanged = await fetch(`${url}/v1/results?topic=${topic}`, { headers: { 'if-none-match': etag } });
    assert.equal(unchanged.status, 304);
    assert.ok(answersOf('get', '/v1/results')['304']);
    assert.equal((await answersAsDocumented('get', '/v1/results?topic=Not%20a%20slug')).status, 400);
  });

  test('GET /v1/results: the fruit-tree section, shown and suppressed; contacts filtered by fruit; the export', async () => {
    const treeTopic = 'openapi-tree';
    const contact = { name: 'Ada Lovelace', email: 'ada@example.org', consent: true as const };
    await postJson(
      fruitTreePayload(
        ['governor@lead-and-govern:ongoing', 'news@stay-informed:once'],
        {},
        { topic: treeTopic, contact },
      ),
    );
    await postJson(fruitTreePayload(['panel@shape-decisions:regular'], { view: 'list' }, { topic: treeTopic }));
    await postJson(fruitTreePayload(['news@stay-informed:once'], {}, { topic: 'openapi-tree-small' }));

    interface Body {
      fruitTree: Json & { branchesPerPerson?: Json[] };
    }
    const shown = (await answersAsDocumented('get', `/v1/results?topic=${treeTopic}`)).body as Body;
    assert.equal(shown.fruitTree.suppressed, false);
    // One gave contact details, one chose fruits on one branch, one on two: each under 2, hidden.
    assert.equal(shown.fruitTree.contactGiven, null);
    assert.deepEqual(shown.fruitTree.branchesPerPerson, []);
    const small = (await answersAsDocumented('get', '/v1/results?topic=openapi-tree-small')).body as Body;
    assert.deepEqual(small.fruitTree, { suppressed: true });

    const contacts = await fetch(`${url}/v1/contacts?topic=${treeTopic}&fruit=governor`, { headers: admin });
    const lines = (await contacts.text()).split('\n').filter(Boolean);
    assert.equal(lines.length, 1);
    assertValid(schemaAt('/components/schemas/StoredContact'), JSON.parse(lines[0] ?? ''), 'fruit-tree contact');
    const params = (doc.paths['/v1/contacts']?.get?.parameters ?? []) as { name?: string }[];
    assert.deepEqual(
      params.filter((param) => param.name === 'fruit' || param.name === 'branch').map((param) => param.name),
      ['fruit', 'branch'],
    );

    // Every widget's answers are described by StoredResponse, not only the feedback prompt's.
    const exported = await fetch(`${url}/v1/responses?format=ndjson`, { headers: admin });
    const exportedLines = (await exported.text()).split('\n').filter(Boolean);
    const widgets = new Set(exportedLines.map((line) => (JSON.parse(line) as { widget: string }).widget));
    assert.deepEqual([...widgets].sort(), ['feedback-prompt', 'fruit-tree', 'priority-ranking']);
    for (const line of exportedLines) {
      assertValid(schemaAt('/components/schemas/StoredResponse'), JSON.parse(line), line);
    }
  });

  test('the health checks', async () => {
    assert.equal((await answersAsDocumented('get', '/healthz')).status, 200);
    assert.equal((await answersAsDocumented('get', '/readyz')).status, 200);
  });

  test('the admin routes: exports line by line, stats, purge, delete, 404 and 401', async () => {
    const exported = await fetch(`${url}/v1/responses?format=ndjson&topic=${topic}`, { headers: admin });
    const lines = (await exported.text()).split('\n').filter(Boolean);
    assert.equal(lines.length, 4);
    for (const line of lines) assertValid(schemaAt('/components/schemas/StoredResponse'), JSON.parse(line), line);

    const contacts = await fetch(`${url}/v1/contacts?topic=${topic}`, { headers: admin });
    const contactLines = (await contacts.text()).split('\n').filter(Boolean);
    assert.equal(contactLines.length, 1);
    assertValid(schemaAt('/components/schemas/StoredContact'), JSON.parse(contactLines[0] ?? ''), 'contact');

    // Spam is answered as if stored, and only counted.
    const spam = validPayload({ topic, botCheck: { honeypot: 'https://spam.example', elapsedMs: 9000 } });
    assert.equal((await postJson(spam)).status, 201);
    const stats = await answersAsDocumented('get', '/v1/stats', { headers: admin });
    assert.equal(stats.status, 200);
    assert.deepEqual(
      (stats.body as { discarded: { reason: string }[] }).discarded.map(({ reason }) => reason),
      ['honeypot'],
    );
    assert.equal((await answersAsDocumented('post', '/v1/purge', { headers: admin })).status, 200);

    const [first] = lines.map((line) => JSON.parse(line) as { id: string });
    const route = '/v1/responses/{id}';
    const deleted = await answersAsDocumented('delete', `/v1/responses/${first?.id ?? ''}`, { headers: admin, route });
    assert.equal(deleted.status, 200);
    const gone = await answersAsDocumented('delete', `/v1/responses/${first?.id ?? ''}`, { headers: admin, route });
    assert.equal(gone.status, 404);
    const unauthorised = await answersAsDocumented('get', '/v1/stats');
    assert.equal(unauthorised.status, 401);
  });

  test('the exports: 422 for a date out of range, 400 for an unknown parameter', async () => {
    const late = await answersAsDocumented('get', '/v1/responses?to=9999-12-31', { headers: admin });
    assert.equal(late.status, 422);
    const unknown = await answersAsDocumented('get', '/v1/responses?topic[]=bins', { headers: admin });
    assert.equal(unknown.status, 400);
    assert.equal((await answersAsDocumented('get', '/v1/contacts?fruit[]=x', { headers: admin })).status, 400);
  });

  test('429 comes with Retry-After, as documented', async () => {
    const limited = await startCollector({ rateLimitPerMinute: 1 });
    try {
      assert.equal((await limited.postJson(validPayload())).status, 201);
      const reply = await limited.postJson(validPayload());
      assert.equal(reply.status, 429);
      assert.match(reply.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
      assertValid(documented('post', '/v1/responses', 429), await reply.json(), '429');
      assert.ok(answersOf('post', '/v1/responses')['429']?.headers?.['Retry-After']);
    } finally {
      await limited.close();
    }
  });
});
