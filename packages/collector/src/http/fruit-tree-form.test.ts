import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LIMITS } from '@participate/schema';
import type { ProblemKey } from '../html/messages.js';
import { fruitTreeAnswerFromForm } from './fruit-tree-form.js';

type Fields = Record<string, string | string[] | undefined>;

const GOVERNOR = 'lead-and-govern/governor/ongoing';
const UPDATES = 'stay-informed/service-updates/once';
const CO_DESIGN = 'work-together/co-design/regular';

/** The answer read from `fields`, failing when the reader found problems. */
function answerOf(fields: Fields) {
  const result = fruitTreeAnswerFromForm(fields);
  assert.ok('answer' in result, `expected an answer, got ${JSON.stringify(result.problems)}`);
  return result;
}

function problemsOf(fields: Fields): ProblemKey[] {
  const result = fruitTreeAnswerFromForm(fields);
  assert.ok(!('answer' in result), `expected problems, got ${JSON.stringify(result)}`);
  return result.problems;
}

const base: Fields = { offered: '15' };
const someone: Fields = { name: 'Ada Lovelace', email: 'ada@example.org', consent: 'yes' };

describe('fruitTreeAnswerFromForm', () => {
  test('each ticked box is a fruit with its branch and effort, in form order; the form is a list with no time filter', () => {
    const { answer, contact } = answerOf({ ...base, fruit: [UPDATES, CO_DESIGN, GOVERNOR] });
    assert.deepEqual(answer, {
      chosen: [
        { fruit: 'service-updates', branch: 'stay-informed', effort: 'once' },
        { fruit: 'co-design', branch: 'work-together', effort: 'regular' },
        { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' },
      ],
      offered: 15,
      effortFilter: 'any',
      view: 'list',
      contactGiven: false,
    });
    assert.equal(contact, undefined);
  });

  test('one ticked box arrives as a string, not a list', () => {
    const { answer } = answerOf({ ...base, fruit: GOVERNOR });
    assert.deepEqual(answer.chosen, [{ fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' }]);
  });

  test('offered is a whole number, spaces around it allowed', () => {
    assert.equal(answerOf({ offered: ' 3 ', fruit: GOVERNOR }).answer.offered, 3);
  });

  test('nothing ticked: the person is asked to choose', () => {
    assert.deepEqual(problemsOf({ ...base }), ['chooseFruit']);
  });

  test('contact boxes all left empty, consent not ticked: no contact, and that is fine', () => {
    const { answer, contact } = answerOf({ ...base, fruit: GOVERNOR, name: '', email: ' ', phone: '' });
    assert.equal(answer.contactGiven, false);
    assert.equal(contact, undefined);
  });

  test('a name, an email address and consent: the contact, trimmed, and contactGiven true', () => {
    const { answer, contact } = answerOf({
      ...base,
      fruit: GOVERNOR,
      name: '  Ada Lovelace ',
      email: ' ada@example.org ',
      phone: '',
      consent: 'yes',
    });
    assert.equal(answer.contactGiven, true);
    assert.deepEqual(contact, { name: 'Ada Lovelace', email: 'ada@example.org', consent: true });
  });

  test('a phone number instead of an email address is enough; both are kept when both are given', () => {
    assert.deepEqual(answerOf({ ...base, fruit: GOVERNOR, ...someone, email: '', phone: '01632 960 001' }).contact, {
      name: 'Ada Lovelace',
      phone: '01632 960 001',
      consent: true,
    });
    assert.deepEqual(answerOf({ ...base, fruit: GOVERNOR, ...someone, phone: '+44 808 157 0192' }).contact, {
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      phone: '+44 808 157 0192',
      consent: true,
    });
  });

  test('any value of the consent box counts as ticked (a checkbox with no value sends "on")', () => {
    assert.equal(answerOf({ ...base, fruit: GOVERNOR, ...someone, consent: 'on' }).answer.contactGiven, true);
  });

  test('details without a name', () => {
    assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, ...someone, name: '  ' }), ['contactNameMissing']);
  });

  test('a name longer than the schema allows', () => {
    const name = 'A'.repeat(LIMITS.nameLength + 1);
    assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, ...someone, name }), ['contactNameTooLong']);
    assert.equal(
      answerOf({ ...base, fruit: GOVERNOR, ...someone, name: 'A'.repeat(LIMITS.nameLength) }).answer.contactGiven,
      true,
    );
  });

  test('a name with no email address or phone number', () => {
    assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, name: 'Ada Lovelace', consent: 'yes' }), [
      'contactReachMissing',
    ]);
  });

  test('an email address not in the schema format, or too long', () => {
    for (const email of ['ada', 'ada@example', 'ada@@example.org', '.ada@example.org', 'ada lovelace@example.org']) {
      assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, ...someone, email }), ['contactEmailInvalid'], email);
    }
    const long = `${'a'.repeat(LIMITS.emailLength)}@example.org`;
    assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, ...someone, email: long }), ['contactEmailInvalid']);
  });

  test('a phone number not in the schema format, or too long', () => {
    for (const phone of ['12345', 'call me', '+44 (0) 808 157 0192 ext. 3', '++44 808 157 0192']) {
      assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, ...someone, phone }), ['contactPhoneInvalid'], phone);
    }
    const long = `0${'1'.repeat(LIMITS.phoneLength)}`;
    assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, ...someone, phone: long }), ['contactPhoneInvalid']);
  });

  test('details given without the consent box', () => {
    assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, ...someone, consent: undefined }), [
      'contactConsentMissing',
    ]);
    assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, ...someone, consent: '' }), ['contactConsentMissing']);
  });

  test('the consent box ticked with no details: the person is asked for them, not silently ignored', () => {
    assert.deepEqual(problemsOf({ ...base, fruit: GOVERNOR, consent: 'yes' }), [
      'contactNameMissing',
      'contactReachMissing',
    ]);
  });

  test("every problem the person can fix is listed at once, in the form's order", () => {
    assert.deepEqual(problemsOf({ ...base, email: 'not an email', phone: 'nope' }), [
      'chooseFruit',
      'contactNameMissing',
      'contactEmailInvalid',
      'contactPhoneInvalid',
      'contactConsentMissing',
    ]);
  });

  test('a fruit value not in the form <branch>/<fruit>/<effort> is the form’s fault', () => {
    for (const fruit of [
      'governor',
      'lead-and-govern/governor',
      'lead-and-govern/governor/ongoing/extra',
      'lead-and-govern//ongoing',
      '/governor/ongoing',
      'lead-and-govern/governor/weekly',
      'lead-and-govern/governor/',
      '',
    ]) {
      assert.deepEqual(problemsOf({ ...base, fruit: [UPDATES, fruit] }), ['formBroken'], fruit);
    }
  });

  test('offered missing or not a whole number is the form’s fault, whatever the person did', () => {
    for (const offered of [undefined, '', 'fifteen', '-1', '1.5', ['15', '15']]) {
      assert.deepEqual(problemsOf({ fruit: GOVERNOR, offered }), ['formBroken'], JSON.stringify(offered));
      assert.deepEqual(problemsOf({ offered, email: 'bad' }), ['formBroken'], 'before the person’s problems');
    }
  });

  test('slugs, duplicates and more chosen than offered are left for the validator to judge', () => {
    const { answer } = answerOf({ offered: '1', fruit: ['Lead And Govern/governor/ongoing', GOVERNOR, GOVERNOR] });
    assert.deepEqual(answer.chosen, [
      { fruit: 'governor', branch: 'Lead And Govern', effort: 'ongoing' },
      { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' },
      { fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' },
    ]);
    assert.equal(answer.offered, 1);
  });
});
