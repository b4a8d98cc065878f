import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createResponseValidator, SCHEMA_VERSION, type ValidationProblem } from '@participate/schema';
import { problemKeysFor } from './form.js';

const validate = createResponseValidator();

/** What the validator says about a fruit-tree response carrying `contact`, as a form post would build it. */
function problemsWith(contact: Record<string, unknown>): ValidationProblem[] {
  const result = validate({
    schemaVersion: SCHEMA_VERSION,
    id: '0d6b1a52-3c1e-4f7a-9b2d-8e4f6a1c2b3d',
    widget: 'fruit-tree',
    topic: 'get-involved',
    locale: 'en',
    page: 'https://www.example.nhs.uk/get-involved',
    submittedAt: '2026-11-30T10:00:00.000Z',
    contact,
    answer: {
      chosen: [{ fruit: 'governor', branch: 'lead-and-govern', effort: 'ongoing' }],
      offered: 15,
      effortFilter: 'any',
      view: 'list',
      contactGiven: true,
    },
  });
  assert.ok(!result.ok, 'expected the validator to refuse the contact');
  return result.problems;
}

describe('problemKeysFor: contact details', () => {
  test('an email address that passes the pattern but fails format: email is the person’s to fix', () => {
    const problem = {
      path: '/contact/email',
      keyword: 'format',
      message: '/contact/email must match format "email"',
    };
    assert.deepEqual(problemKeysFor([problem]), ['contactEmailInvalid']);
  });

  test('each contact problem the validator finds is said as the person’s, never as a broken form', () => {
    const keys = problemKeysFor(
      problemsWith({ name: 'A'.repeat(201), email: 'not an email', phone: 'call me', consent: false }),
    );
    assert.deepEqual([...keys].sort(), [
      'contactConsentMissing',
      'contactEmailInvalid',
      'contactNameTooLong',
      'contactPhoneInvalid',
    ]);
    assert.deepEqual(problemKeysFor(problemsWith({ name: '', email: 'ada@example.org', consent: true })), [
      'contactNameMissing',
    ]);
    assert.deepEqual(problemKeysFor(problemsWith({ email: 'ada@example.org', consent: true })), ['contactNameMissing']);
    assert.deepEqual(problemKeysFor(problemsWith({ name: 'Ada', email: 'ada@example.org' })), [
      'contactConsentMissing',
    ]);
    assert.deepEqual(problemKeysFor(problemsWith({ name: 'Ada', consent: true })), ['contactReachMissing']);
  });

  test('what the person could not have caused stays the form’s fault', () => {
    assert.deepEqual(problemKeysFor(problemsWith({ name: 'Ada', email: 'ada@example.org', consent: true, extra: 1 })), [
      'formBroken',
    ]);
    assert.deepEqual(
      problemKeysFor([{ path: '/answer/offered', keyword: 'minimum', message: '/answer/offered must be >= 1' }]),
      ['formBroken'],
    );
    assert.deepEqual(
      problemKeysFor([{ path: '/contactGiven', keyword: 'type', message: '/contactGiven must be boolean' }]),
      ['formBroken'],
    );
  });
});
