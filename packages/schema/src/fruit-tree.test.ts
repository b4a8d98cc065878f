import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createResponseValidator, LIMITS } from './index.js';

const validate = createResponseValidator();

const CHOSEN = [
  { fruit: 'maternity-news', branch: 'stay-informed', effort: 'once' },
  { fruit: 'appointment-codesign', branch: 'work-together', effort: 'regular' },
  { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' },
];

function fruitTree(answer: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: '5b1e2f0a-8c3d-4e6f-9a7b-0c1d2e3f4a5b',
    widget: 'fruit-tree',
    topic: 'get-involved',
    locale: 'en',
    page: 'https://www.example-trust.nhs.uk/get-involved',
    submittedAt: '2026-11-30T09:00:00.000Z',
    answer: { chosen: CHOSEN, offered: 14, effortFilter: 'any', view: 'tree', contactGiven: false, ...answer },
    ...extra,
  };
}

function problems(input: unknown): string[] {
  const result = validate(input);
  return result.ok ? [] : result.problems.map((problem) => problem.message);
}

const contact = { name: 'Ada Lovelace', email: 'ada@example.org', consent: true };

describe('fruit tree answers', () => {
  it('accepts a mix of fruits from several branches, with or without contact details', () => {
    assert.deepEqual(problems(fruitTree()), []);
    assert.deepEqual(
      problems(fruitTree({ contactGiven: true, view: 'list', effortFilter: 'regular' }, { contact })),
      [],
    );
  });

  it('refuses an unknown effort, filter or view, and unknown fields', () => {
    assert.match(
      problems(fruitTree({ chosen: [{ fruit: 'a', branch: 'b', effort: 'weekly' }] })).join(),
      /\/answer\/chosen\/0\/effort must be one of: once, regular, ongoing/,
    );
    assert.match(problems(fruitTree({ effortFilter: 'lots' })).join(), /effortFilter must be one of: any, once/);
    assert.match(problems(fruitTree({ view: 'ladder' })).join(), /view must be one of: tree, list/);
    assert.deepEqual(problems(fruitTree({ rung: 3 })), ['/answer unknown field "rung" is not allowed']);
  });

  it('needs at least one fruit, each chosen once, and no more than were offered', () => {
    assert.match(problems(fruitTree({ chosen: [] })).join(), /\/answer\/chosen must NOT have fewer than 1 items/);
    assert.deepEqual(problems(fruitTree({ chosen: [CHOSEN[0], CHOSEN[0]] })), [
      '/answer/chosen/1/fruit "maternity-news" is chosen twice',
    ]);
    assert.deepEqual(problems(fruitTree({ offered: 2 })), ['/answer/chosen holds 3 fruits, more than the 2 offered']);
    assert.deepEqual(problems(fruitTree({ offered: 3 })), []);
    assert.deepEqual(problems(fruitTree({ chosen: [CHOSEN[0], CHOSEN[1], CHOSEN[0], CHOSEN[1]], offered: 3 })), [
      '/answer/chosen/2/fruit "maternity-news" is chosen twice',
      '/answer/chosen/3/fruit "appointment-codesign" is chosen twice',
      '/answer/chosen holds 4 fruits, more than the 3 offered',
    ]);
    assert.match(problems(fruitTree({ offered: LIMITS.fruitCount + 1 })).join(), /offered must be <= 60/);
  });

  it('names the rule each problem breaks', () => {
    const result = validate(fruitTree({ chosen: [CHOSEN[0], CHOSEN[0]], offered: 1, contactGiven: true }));
    assert.deepEqual(result.ok ? [] : result.problems.map(({ path, keyword }) => `${path} ${keyword}`), [
      '/answer/chosen/1/fruit uniqueFruit',
      '/answer/chosen offered',
      '/answer/contactGiven contact',
    ]);
  });

  it('keeps contactGiven true to the contact details that travel with it', () => {
    assert.deepEqual(problems(fruitTree({ contactGiven: true })), [
      '/answer/contactGiven must be false: contact details are not given',
    ]);
    assert.deepEqual(problems(fruitTree({ contactGiven: false }, { contact })), [
      '/answer/contactGiven must be true: contact details are given',
    ]);
  });
});
