import { SCHEMA_VERSION, type ValidationProblem } from '@participate/schema';
import type { ProblemKey } from '../html/messages.js';
import type { EnteredAnswers } from '../html/pages.js';
import { consentTicked, fruitTreeAnswerFromForm, fruitValueParts } from './fruit-tree-form.js';
import { rankingAnswerFromForm } from './ranking-form.js';

/** A parsed urlencoded body: repeated fields arrive as arrays. */
export type FormFields = Record<string, string | string[] | undefined>;

/** Origin and path of an http(s) URL, dropping credentials, query and fragment (S6). */
export function pageFromUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.origin}${url.pathname}`;
  } catch {
    return undefined;
  }
}

/** Empty form controls are sent as "", which means "not answered". */
function present(value: string | string[] | undefined): string | string[] | undefined {
  return value === '' ? undefined : value;
}

function list(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined || value === '') return undefined;
  return (Array.isArray(value) ? value : [value]).filter((item) => item !== '');
}

/**
 * The page the answer is about. The Referer is what the browser says; but under the
 * default referrer policy a cross-origin Referer is only the origin, so a `page` field
 * on the same origin is used when the Referer has no path.
 */
export function choosePage(
  referer: string | undefined,
  field: string | string[] | undefined,
): string | string[] | undefined {
  const fromReferer = pageFromUrl(referer);
  const fromField = typeof field === 'string' ? pageFromUrl(field) : undefined;
  if (fromReferer) {
    const refererUrl = new URL(fromReferer);
    if (refererUrl.pathname === '/' && fromField && new URL(fromField).origin === refererUrl.origin) return fromField;
    return fromReferer;
  }
  // An unparseable field goes through as is, so the validator explains what is wrong.
  return fromField ?? present(field);
}

export interface FormContext {
  referer: string | undefined;
  /** The server's clock: a form cannot say when it was submitted. */
  now: string;
  newId: () => string;
}

/** What a form post gave: the payload for the validator, and anything the person must fix first. */
export interface FormReading {
  payload: Record<string, unknown>;
  /** Problems only the form can see (a ranking with two options numbered 1); empty when none. */
  problems: ProblemKey[];
}

function feedbackAnswerFromForm(fields: FormFields): Record<string, unknown> {
  const variant = present(fields.variant) ?? 'page-useful';
  const answer: Record<string, unknown> = { variant };
  const useful = present(fields.useful);
  const rating = present(fields.rating);
  const reasons = list(fields.reasons);
  const comment = present(fields.comment);
  if (useful !== undefined) answer.useful = useful;
  if (rating !== undefined) answer.rating = rating;
  if (reasons !== undefined && reasons.length > 0) answer.reasons = reasons;
  if (comment !== undefined) answer.comment = comment;
  // The fallback form shows the standard FFT question wording, unchanged.
  if (variant === 'fft') answer.standardWording = true;
  return answer;
}

/**
 * Builds the same payload a widget would post, from the no-JavaScript form. Values are
 * passed through untouched (arrays included) so that the one schema validator judges
 * them; fields the form does not define, such as a submit button's name, are ignored.
 * `widget=priority-ranking` reads a ranking form (see `rankingAnswerFromForm`), and
 * `widget=fruit-tree` a fruit-tree form with its optional contact details (see `fruitTreeAnswerFromForm`).
 */
export function readForm(fields: FormFields, context: FormContext): FormReading {
  const widget = present(fields.widget) ?? 'feedback-prompt';
  let answer: Record<string, unknown> = {};
  let problems: ProblemKey[] = [];
  let contact: unknown;
  if (widget === 'priority-ranking') {
    const ranking = rankingAnswerFromForm(fields);
    problems = ranking.problems;
    if ('answer' in ranking) answer = ranking.answer;
  } else if (widget === 'fruit-tree') {
    const tree = fruitTreeAnswerFromForm(fields);
    problems = tree.problems;
    if ('answer' in tree) ({ answer, contact } = tree);
  } else {
    answer = feedbackAnswerFromForm(fields);
  }

  const payload: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    id: present(fields.id) ?? context.newId(),
    widget,
    topic: present(fields.topic),
    locale: present(fields.locale) ?? 'en',
    page: choosePage(context.referer, fields.page),
    submittedAt: context.now,
    contact,
    answer,
  };
  const stage = present(fields.stage);
  if (stage !== undefined) payload.stage = stage;
  return { payload: Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined)), problems };
}

/** A value as typed; a field sent more than once (no person's form does that) is all of its values. */
function typed(value: string | string[] | undefined, separator: string): string | undefined {
  return Array.isArray(value) ? value.join(separator) : value;
}

/** `<prefix><value>` boxes as [value, what was typed], in form order; a box with no value names nothing. */
function boxesTyped(fields: FormFields, prefix: string): [string, string][] {
  return Object.entries(fields)
    .filter(([name]) => name.startsWith(prefix) && name.length > prefix.length)
    .map(([name, value]) => [name.slice(prefix.length), typed(value, ', ') ?? '']);
}

/**
 * What the person typed or chose, for the error page to show back: a feedback prompt's
 * useful, rating, reasons and comment; a ranking's `rank.<value>` and `points.<value>`
 * boxes; or a fruit tree's ticked `fruit` boxes, contact boxes and consent box. Nothing
 * else: not the honeypot, and not the hidden fields the form author set (`offered` included).
 */
export function enteredFromForm(fields: FormFields): EnteredAnswers {
  const widget = present(fields.widget) ?? 'feedback-prompt';
  if (widget === 'priority-ranking') {
    return { widget: 'priority-ranking', rank: boxesTyped(fields, 'rank.'), points: boxesTyped(fields, 'points.') };
  }
  if (widget === 'fruit-tree') {
    return {
      widget: 'fruit-tree',
      chosen: (list(fields.fruit) ?? []).map(
        (item) => fruitValueParts(item) ?? { branch: undefined, fruit: item, effort: undefined },
      ),
      name: typed(fields.name, ', '),
      email: typed(fields.email, ', '),
      phone: typed(fields.phone, ', '),
      consent: consentTicked(fields.consent),
    };
  }
  // Any other widget is read as a feedback prompt (see `readForm`); only a feedback prompt
  // is known to ask for useful or a rating, so only it shows one as not answered.
  const variant = widget === 'feedback-prompt' ? (present(fields.variant) ?? 'page-useful') : undefined;
  return {
    widget: 'feedback-prompt',
    asks: variant === 'page-useful' ? 'useful' : variant === 'fft' ? 'rating' : undefined,
    useful: typed(fields.useful, ', '),
    rating: typed(fields.rating, ', '),
    reasons: list(fields.reasons) ?? [],
    comment: typed(fields.comment, '\n\n'),
  };
}

/** The payload of `readForm`, for callers that judge it with the validator alone. */
export function payloadFromForm(fields: FormFields, context: FormContext): Record<string, unknown> {
  return readForm(fields, context).payload;
}

/** The field a problem is about: `required` problems name it in the message. */
function fieldOf(problem: ValidationProblem): string {
  if (problem.keyword === 'required') {
    const named = /"([^"]+)"/.exec(problem.message)?.[1];
    if (named) return named;
  }
  const segments = problem.path.split('/').filter(Boolean);
  return (segments[0] === 'answer' ? segments[1] : segments[0]) ?? '';
}

/**
 * A problem with the contact details (a fruit tree form's `/contact`), as the person's to
 * fix: they typed them. The form reader checks them first with the schema's patterns and
 * limits, so these are what only the validator sees: `format: email` wherever it is stricter
 * than the shared EMAIL_PATTERN, or a name no store can keep (a NUL pasted into it).
 * Undefined for a problem that is not about the contact.
 */
function contactKeyFor(problem: ValidationProblem): ProblemKey | undefined {
  if (problem.path !== '/contact' && !problem.path.startsWith('/contact/')) return undefined;
  const field = problem.keyword === 'required' ? fieldOf(problem) : (problem.path.split('/')[2] ?? '');
  switch (field) {
    case 'name':
      // Too long, or missing, empty or not text that can be kept: the person is asked to type it again.
      return problem.keyword === 'maxLength' ? 'contactNameTooLong' : 'contactNameMissing';
    case 'email':
      return 'contactEmailInvalid';
    case 'phone':
      return 'contactPhoneInvalid';
    case 'consent':
      return 'contactConsentMissing';
    case '':
      // The contact's one anyOf: neither an email address nor a phone number.
      return problem.keyword === 'anyOf' ? 'contactReachMissing' : 'formBroken';
    default:
      return 'formBroken';
  }
}

/**
 * Turns schema problems into what a person can act on. Anything they could not have
 * caused (a missing topic, a bad page URL) is one "the form is not set up correctly".
 */
export function problemKeysFor(problems: readonly ValidationProblem[]): ProblemKey[] {
  const keys = problems.map((problem): ProblemKey => {
    const contactKey = contactKeyFor(problem);
    if (contactKey !== undefined) return contactKey;
    switch (fieldOf(problem)) {
      case 'useful':
        return 'chooseUseful';
      case 'rating':
        return 'chooseRating';
      case 'comment':
        return problem.keyword === 'maxLength' ? 'commentTooLong' : 'formBroken';
      case 'reasons':
        return 'reasonsInvalid';
      default:
        return 'formBroken';
    }
  });
  return [...new Set(keys)];
}
