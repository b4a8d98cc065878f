import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createResponseValidator, FFT_RATINGS, LIMITS, STAGES, type ResponsePayload } from './index.js';

const validate = createResponseValidator();

function response(
  overrides: Record<string, unknown> = {},
  answer: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: '6b0c3f0e-8a4e-4c1e-9a57-2f4f8f0f6d1a',
    widget: 'feedback-prompt',
    topic: 'bin-collections',
    locale: 'en-GB',
    page: 'https://www.example.gov.uk/bins',
    submittedAt: '2026-11-22T09:30:00.000Z',
    answer: { variant: 'page-useful', useful: 'no', reasons: ['out-of-date'], comment: 'Dates are wrong', ...answer },
    ...overrides,
  };
}

function problems(input: unknown): string[] {
  const result = validate(input);
  return result.ok ? [] : result.problems.map((p) => p.message);
}

describe('response payload schema', () => {
  it('accepts a page-useful answer and an FFT answer', () => {
    assert.deepEqual(problems(response()), []);
    const fft = response({
      stage: 'monitor-services',
      answer: { variant: 'fft', rating: 'very-good', standardWording: true },
    });
    assert.deepEqual(problems(fft), []);
  });

  it('accepts every engagement-cycle stage and every FFT rating, and nothing else', () => {
    for (const stage of STAGES) assert.deepEqual(problems(response({ stage })), [], stage);
    for (const rating of FFT_RATINGS) {
      assert.deepEqual(problems(response({ answer: { variant: 'fft', rating, standardWording: true } })), [], rating);
    }
    assert.match(problems(response({ stage: 'consult' })).join(), /\/stage must be one of: identify-needs/);
    assert.match(
      problems(response({ answer: { variant: 'fft', rating: 'ok', standardWording: true } })).join(),
      /\/answer\/rating must be one of/,
    );
  });

  it('reports every problem at once, each with its path, keyword and message', () => {
    const payload = response({
      ip: '10.0.0.1',
      topic: 'Bin Collections',
      answer: { variant: 'fft', rating: 'great', standardWording: 'yes' },
    });
    delete payload.locale;
    assert.deepEqual(validate(payload), {
      ok: false,
      problems: [
        { path: '/', keyword: 'required', message: '/ missing required field "locale"' },
        { path: '/', keyword: 'additionalProperties', message: '/ unknown field "ip" is not allowed' },
        { path: '/topic', keyword: 'pattern', message: '/topic must match pattern "^[a-z0-9][a-z0-9-_.]*$"' },
        {
          path: '/answer/rating',
          keyword: 'enum',
          message: '/answer/rating must be one of: very-good, good, neither, poor, very-poor, dont-know',
        },
        { path: '/answer/standardWording', keyword: 'type', message: '/answer/standardWording must be boolean' },
      ],
    });
  });

  it('rejects unknown fields at every level, naming them', () => {
    assert.deepEqual(problems(response({ ip: '10.0.0.1' })), ['/ unknown field "ip" is not allowed']);
    assert.deepEqual(problems(response({}, { mood: 'happy' })), ['/answer unknown field "mood" is not allowed']);
  });

  it('reports problems against the answer variant given, not every alternative', () => {
    const found = problems(response({ answer: { variant: 'fft', standardWording: true } }));
    assert.deepEqual(found, ['/answer missing required field "rating"']);
  });

  it('bounds text, lists and identifiers', () => {
    assert.match(
      problems(response({}, { comment: 'x'.repeat(LIMITS.commentLength + 1) })).join(),
      /comment must NOT have more than 2000/,
    );
    assert.deepEqual(problems(response({}, { comment: 'x'.repeat(LIMITS.commentLength) })), []);
    const reasons = Array.from({ length: LIMITS.reasonCount + 1 }, (_, i) => `r${i}`);
    assert.match(problems(response({}, { reasons })).join(), /reasons must NOT have more than 20 items/);
    assert.match(problems(response({}, { reasons: ['a', 'a'] })).join(), /duplicate items/);
    assert.match(problems(response({ id: 'not-a-uuid' })).join(), /\/id must match format "uuid"/);
    assert.match(problems(response({ topic: 'Bin Collections' })).join(), /\/topic must match pattern/);
    assert.match(problems(response({ submittedAt: 'yesterday' })).join(), /submittedAt must match format "date-time"/);
  });

  it('refuses a page address that carries a query string or fragment', () => {
    assert.match(
      problems(response({ page: 'https://www.example.gov.uk/bins?postcode=AB1' })).join(),
      /\/page must match pattern/,
    );
    assert.match(problems(response({ page: 'https://www.example.gov.uk/bins#x' })).join(), /\/page must match pattern/);
    assert.match(problems(response({ page: 'javascript:alert(1)' })).join(), /\/page must match pattern/);
  });

  it('links a follow-up to the response it replaces by id', () => {
    assert.deepEqual(problems(response({ amends: '0f8fad5b-d9cb-469f-a165-70867728950e' })), []);
    assert.match(problems(response({ amends: 'first' })).join(), /\/amends must match format "uuid"/);
  });

  it('refuses other schema versions and widget kinds', () => {
    assert.match(problems(response({ schemaVersion: 2 })).join(), /schemaVersion must be 1/);
    assert.match(problems(response({ widget: 'survey' })).join(), /tag "widget"/);
    assert.deepEqual(problems('{}'), ['/ must be object']);
  });

  it('types a valid payload as ResponsePayload', () => {
    const result = validate(response());
    assert.ok(result.ok);
    const payload: ResponsePayload = result.value;
    assert.equal(payload.widget === 'feedback-prompt' && payload.answer.variant, 'page-useful');
  });

  it('publishes the same schema as JSON beside the module', () => {
    const published = JSON.parse(readFileSync(new URL('./payload.schema.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    assert.equal(published.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(published.$id, 'https://participate.dev/schema/v1/response.json');
    assert.deepEqual((published.discriminator as { propertyName: string }).propertyName, 'widget');
  });
});

describe('bot check and contact details', () => {
  it('accepts a bot check and refuses one out of bounds', () => {
    assert.deepEqual(problems(response({ botCheck: { honeypot: '', elapsedMs: 4200 } })), []);
    assert.match(problems(response({ botCheck: { honeypot: '', elapsedMs: -1 } })).join(), /elapsedMs must be >= 0/);
    assert.match(
      problems(response({ botCheck: { honeypot: 'x'.repeat(LIMITS.honeypotLength + 1), elapsedMs: 1 } })).join(),
      /honeypot must NOT have more than/,
    );
  });

  it('accepts contact details with consent and a way to reach the person', () => {
    const contact = { name: 'Ada Lovelace', email: 'ada@example.org', consent: true };
    assert.deepEqual(problems(response({ contact })), []);
    assert.deepEqual(problems(response({ contact: { name: 'Ada', phone: '+44 (0)20 7946 0000', consent: true } })), []);
  });

  it('refuses contact details without consent, without a way to reach, or malformed', () => {
    assert.match(problems(response({ contact: { name: 'Ada', email: 'ada@example.org' } })).join(), /"consent"/);
    assert.match(
      problems(response({ contact: { name: 'Ada', email: 'ada@example.org', consent: false } })).join(),
      /\/contact\/consent must be true/,
    );
    assert.deepEqual(problems(response({ contact: { name: 'Ada', consent: true } })), [
      '/contact needs an "email" or a "phone"',
    ]);
    assert.match(
      problems(response({ contact: { name: 'Ada', email: 'not an email', consent: true } })).join(),
      /\/contact\/email must match format "email"/,
    );
    assert.match(
      problems(response({ contact: { name: 'Ada', phone: 'call me', consent: true } })).join(),
      /\/contact\/phone must match pattern/,
    );
    // As GOV.UK services do, an address needs a domain with a dot, and no dot at either end.
    for (const email of ['ada@localhost', '.ada@example.org', 'ada.@example.org', 'ada@example..org']) {
      assert.match(
        problems(response({ contact: { name: 'Ada', email, consent: true } })).join(),
        /\/contact\/email/,
        email,
      );
    }
    assert.deepEqual(
      problems(response({ contact: { name: 'Ada', email: "o'neil+nhs@mail.example.co.uk", consent: true } })),
      [],
    );
  });
});
