import { EFFORTS, EMAIL_PATTERN, LIMITS, PHONE_PATTERN, type Contact, type Effort } from '@participate/schema';
import type { ProblemKey } from '../html/messages.js';

type FieldValue = string | string[] | undefined;

/**
 * What a fruit-tree form gave: an answer (and the contact details, when complete) for the
 * validator to judge, or what must be fixed first. Person-caused problems are all listed
 * together; a form set up wrongly is only ever `formBroken`, since the person cannot fix it.
 */
export type FruitTreeFormResult =
  { answer: Record<string, unknown>; contact: Contact | undefined; problems: [] } | { problems: ProblemKey[] };

/** A `fruit` field's value: `<branch>/<fruit>/<effort>`, e.g. `lead-and-govern/governor/ongoing`. */
const FRUIT_VALUE = /^([^/]+)\/([^/]+)\/([^/]+)$/;
const WHOLE_NUMBER = /^\d{1,15}$/;
const EMAIL = new RegExp(EMAIL_PATTERN);
const PHONE = new RegExp(PHONE_PATTERN);

/** Every value a field was sent with, in form order; none when it was not sent. */
function values(value: FieldValue): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** What was typed in a text box, without spaces around it; "" for a box sent twice (no person's form does that). */
function text(value: FieldValue): string {
  return typeof value === 'string' ? value.trim() : '';
}

const isEffort = (value: string): value is Effort => (EFFORTS as readonly string[]).includes(value);

/** A `fruit` box's value split into its branch, fruit and effort; undefined when it is not `<branch>/<fruit>/<effort>`. */
export function fruitValueParts(item: string): { branch: string; fruit: string; effort: string } | undefined {
  const [, branch, fruit, effort] = FRUIT_VALUE.exec(item) ?? [];
  return branch && fruit && effort ? { branch, fruit, effort } : undefined;
}

/**
 * The chosen fruits from the ticked `fruit` boxes, in form order; undefined when any value
 * is not `<branch>/<fruit>/<effort>` with a known effort. Slugs are left to the validator.
 */
function chosenFrom(value: FieldValue): { fruit: string; branch: string; effort: Effort }[] | undefined {
  const chosen: { fruit: string; branch: string; effort: Effort }[] = [];
  for (const item of values(value)) {
    // A box with no value sends "", which names nothing: the form's fault, not the person's.
    const parts = fruitValueParts(item);
    if (!parts || !isEffort(parts.effort)) return undefined;
    chosen.push({ fruit: parts.fruit, branch: parts.branch, effort: parts.effort });
  }
  return chosen;
}

/** Whether the consent box was ticked: any value but "" counts. */
export function consentTicked(value: FieldValue): boolean {
  return values(value).some((item) => item !== '');
}

/**
 * The contact details: none when every contact box is left empty (and consent not ticked);
 * else the problems, in the order of the fields, or the complete details.
 */
function contactFrom(fields: Readonly<Record<string, FieldValue>>): Contact | ProblemKey[] | undefined {
  const name = text(fields.name);
  const email = text(fields.email);
  const phone = text(fields.phone);
  const consent = consentTicked(fields.consent);
  if (!name && !email && !phone && !consent) return undefined;
  const problems: ProblemKey[] = [];
  if (!name) problems.push('contactNameMissing');
  else if (name.length > LIMITS.nameLength) problems.push('contactNameTooLong');
  if (!email && !phone) problems.push('contactReachMissing');
  if (email && (email.length > LIMITS.emailLength || !EMAIL.test(email))) problems.push('contactEmailInvalid');
  if (phone && (phone.length > LIMITS.phoneLength || !PHONE.test(phone))) problems.push('contactPhoneInvalid');
  if (!consent) problems.push('contactConsentMissing');
  if (problems.length > 0) return problems;
  return { name, ...(email ? { email } : {}), ...(phone ? { phone } : {}), consent: true };
}

/**
 * Builds a fruit-tree answer from the no-JavaScript form:
 * - `fruit`, repeated: one checkbox per fruit, its value `<branch>/<fruit>/<effort>`;
 * - `offered`, hidden: how many fruits the form lists;
 * - `name`, `email`, `phone` and `consent` (a checkbox): optional contact details, all
 *   left empty for none; when any is filled, a name, an email address or phone number in
 *   the schema's format, and the consent box are needed.
 * A plain form has no time filter and is a list, so the answer says `effortFilter: 'any'`
 * and `view: 'list'`; `contactGiven` is true exactly when complete details are given.
 */
export function fruitTreeAnswerFromForm(fields: Readonly<Record<string, FieldValue>>): FruitTreeFormResult {
  const chosen = chosenFrom(fields.fruit);
  const offered = typeof fields.offered === 'string' ? fields.offered.trim() : undefined;
  if (chosen === undefined || offered === undefined || !WHOLE_NUMBER.test(offered)) {
    return { problems: ['formBroken'] };
  }
  const contact = contactFrom(fields);
  const problems: ProblemKey[] = [
    ...(chosen.length === 0 ? (['chooseFruit'] as const) : []),
    ...(Array.isArray(contact) ? contact : []),
  ];
  if (problems.length > 0) return { problems };
  const given = Array.isArray(contact) ? undefined : contact;
  return {
    answer: {
      chosen,
      offered: Number(offered),
      effortFilter: 'any',
      view: 'list',
      contactGiven: given !== undefined,
    },
    contact: given,
    problems: [],
  };
}
