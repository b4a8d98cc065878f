import { EMAIL_PATTERN, LIMITS, PHONE_PATTERN } from '@participate/schema/vocabulary';
import type { Contact } from '@participate/schema';

/** What the person typed in the contact step, exactly as typed. Held in memory only. */
export interface ContactEntry {
  name: string;
  email: string;
  phone: string;
  consent: boolean;
}

export const EMPTY_CONTACT: ContactEntry = { name: '', email: '', phone: '', consent: false };

export type ContactField = 'name' | 'email' | 'phone' | 'consent';

export type ContactProblemKind =
  'nameMissing' | 'nameTooLong' | 'reachMissing' | 'emailInvalid' | 'phoneInvalid' | 'consentMissing';

export interface ContactProblem {
  field: ContactField;
  kind: ContactProblemKind;
}

const EMAIL = new RegExp(EMAIL_PATTERN);
const PHONE = new RegExp(PHONE_PATTERN);

/**
 * The problems with a contact entry, in the order of the fields, as GOV.UK asks: a name,
 * at least one way to reach the person, each in a form the collector will accept, and
 * consent. Spaces around what was typed do not count against it.
 */
export function contactProblems(entry: ContactEntry): ContactProblem[] {
  const problems: ContactProblem[] = [];
  const name = entry.name.trim();
  const email = entry.email.trim();
  const phone = entry.phone.trim();
  if (!name) problems.push({ field: 'name', kind: 'nameMissing' });
  else if (name.length > LIMITS.nameLength) problems.push({ field: 'name', kind: 'nameTooLong' });
  if (!email && !phone) problems.push({ field: 'email', kind: 'reachMissing' });
  if (email && (email.length > LIMITS.emailLength || !EMAIL.test(email))) {
    problems.push({ field: 'email', kind: 'emailInvalid' });
  }
  if (phone && (phone.length > LIMITS.phoneLength || !PHONE.test(phone))) {
    problems.push({ field: 'phone', kind: 'phoneInvalid' });
  }
  if (!entry.consent) problems.push({ field: 'consent', kind: 'consentMissing' });
  return problems;
}

/** The payload's `contact` from an entry without problems. */
export function contactPayload(entry: ContactEntry): Contact {
  const email = entry.email.trim();
  const phone = entry.phone.trim();
  return {
    name: entry.name.trim(),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    consent: true,
  };
}
