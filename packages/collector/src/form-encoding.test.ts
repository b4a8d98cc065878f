import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { escapeHtml } from './html/escape.js';
import { MESSAGES } from './html/messages.js';
import { ORIGIN, startCollector, validPayload, type Collector } from './testing/harness.js';

const PAGE = `${ORIGIN}/health/gp-appointments`;
const FORM = 'application/x-www-form-urlencoded';

let collector: Collector;
before(async () => {
  collector = await startCollector();
});
after(() => collector.close());

/** Posts a form body exactly as given (bytes, not re-encoded), as a browser on PAGE would. */
function postRaw(body: string | Buffer, contentType: string, headers: Record<string, string> = {}) {
  return fetch(`${collector.url}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': contentType, referer: PAGE, ...headers },
    body,
  });
}

const feedback = (comment: string) => `topic=gp-appointments&useful=no&comment=${comment}`;

async function storedComment(response: Response): Promise<string | undefined> {
  assert.equal(response.status, 200, await response.clone().text());
  await response.arrayBuffer();
  const rows = await collector.exportRows();
  const answer = rows.at(-1)?.answer as { comment?: string } | undefined;
  return answer?.comment;
}

/** A refused form post: the HTML problem page, saying the form is broken, showing back `comment`. */
async function assertProblemPage(response: Response, status: number, comment?: string): Promise<void> {
  const before = await collector.count();
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  const page = await response.text();
  assert.ok(page.includes(escapeHtml(MESSAGES.en.formBroken)), page);
  if (comment !== undefined) {
    assert.match(page, /<h2>What you entered<\/h2>/);
    assert.ok(page.includes(`>\n${escapeHtml(comment)}</textarea>`), page);
  }
  assert.equal(await collector.count(), before, 'nothing stored');
}

describe('the no-JavaScript form is read in the charset it was sent in', () => {
  test('UTF-8, the default', async () => {
    assert.equal(await storedComment(await postRaw(feedback('caf%C3%A9+au+lait'), FORM)), 'café au lait');
  });

  test('ISO-8859-1 declared in the Content-Type: é is one byte', async () => {
    const response = await postRaw(feedback('caf%E9'), `${FORM}; charset=ISO-8859-1`);
    assert.equal(await storedComment(response), 'café');
  });

  test('windows-1252, quoted and in any case: € is 0x80, and raw bytes are read too', async () => {
    const body = Buffer.concat([Buffer.from(feedback('5%80 ')), Buffer.from([0xe9])]);
    assert.equal(await storedComment(await postRaw(body, `${FORM}; Charset="Windows-1252"`)), '5€ é');
  });

  test('a hidden _charset_ field, which browsers fill in with the encoding they used', async () => {
    const response = await postRaw(`_charset_=ISO-8859-1&${feedback('caf%E9')}`, FORM);
    assert.equal(await storedComment(response), 'café');
  });

  test('an undeclared form that is not UTF-8 is refused (400), what can be read shown back', async () => {
    await assertProblemPage(await postRaw(feedback('caf%E9'), FORM), 400, 'caf\ufffd');
  });

  test('a charset the collector cannot read is refused (415)', async () => {
    for (const charset of ['x-unknown', 'utf-16le', 'ISO-2022-KR']) {
      await assertProblemPage(await postRaw(feedback('hello'), `${FORM}; charset=${charset}`), 415);
    }
  });

  test('malformed percent sequences are refused (400), shown back as typed', async () => {
    // The two whole escapes are the start of a character that never ends; the broken one is kept as typed.
    await assertProblemPage(await postRaw(feedback('bad%E0%A4%A'), FORM), 400, 'bad\ufffd%A');
    await assertProblemPage(await postRaw(feedback('%zz+here'), FORM), 400, '%zz here');
    await assertProblemPage(await postRaw(`topic=gp-appointments&useful%=no&comment=ok`, FORM), 400, 'ok');
  });
});

describe('compressed bodies are refused with 415, not stored as if plain', () => {
  test('a gzipped form post gets the problem page', async () => {
    const response = await postRaw(gzipSync(feedback('zipped')), FORM, { 'content-encoding': 'gzip' });
    assert.equal(response.headers.get('accept-encoding'), 'identity');
    await assertProblemPage(response, 415);
  });

  test('a gzipped JSON post gets 415 unsupported_media_type in our shape', async () => {
    const before = await collector.count();
    const response = await fetch(`${collector.url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', origin: ORIGIN },
      body: gzipSync(JSON.stringify(validPayload())),
    });
    assert.equal(response.status, 415);
    assert.deepEqual(await response.json(), {
      error: {
        code: 'unsupported_media_type',
        message: 'Content-Encoding "gzip" is not supported: send the body uncompressed.',
      },
    });
    assert.equal(await collector.count(), before);
  });

  test('identity is no encoding at all', async () => {
    const response = await postRaw(feedback('plain'), FORM, { 'content-encoding': 'identity' });
    assert.equal(await storedComment(response), 'plain');
  });
});
