import { escapeHtml } from './escape.js';
import { ENTERED_MESSAGES, MESSAGES, type EnteredMessages, type PageLanguage, type ProblemKey } from './messages.js';

/**
 * What a person typed into a no-JavaScript form, to show back on the error page so that
 * nothing they wrote is lost. Only their own answers: never the honeypot or the hidden
 * fields the form author set (topic, page, id, widget, mode, max, budget, stage, locale, offered).
 */
export type EnteredAnswers =
  | {
      widget: 'feedback-prompt';
      /** The choice the form's variant asks for, shown as not answered when it was not made. */
      asks: 'useful' | 'rating' | undefined;
      useful: string | undefined;
      rating: string | undefined;
      reasons: string[];
      comment: string | undefined;
    }
  | {
      widget: 'priority-ranking';
      /** `rank.<value>` boxes (rank and top) as [value, what was typed], in form order. */
      rank: [string, string][];
      /** `points.<value>` boxes as [value, what was typed], in form order. */
      points: [string, string][];
    }
  | {
      widget: 'fruit-tree';
      /**
       * The `fruit` boxes ticked, in form order, each value split into its parts; a value
       * not in the form `<branch>/<fruit>/<effort>` is kept whole as `fruit`, with no branch.
       */
      chosen: { branch: string | undefined; fruit: string; effort: string | undefined }[];
      /** The contact boxes as typed; undefined when the box was not sent. */
      name: string | undefined;
      email: string | undefined;
      phone: string | undefined;
      /** Whether the consent box was ticked. */
      consent: boolean;
    };

/**
 * A complete, minimal page: language and direction set, one <main> and one <h1>, no
 * scripts, styles or external requests (the server sends `default-src 'none'`).
 */
function page(language: PageLanguage, title: string, body: string): string {
  const { dir } = MESSAGES[language];
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function backLink(href: string | undefined, label: string): string {
  return href ? `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>` : '';
}

/**
 * Shown after a form post was stored, thanking the person as the widget would: "for your
 * feedback" after a feedback prompt, "for your answer" after a priority ranking, "for
 * choosing how to be involved" after a fruit tree. `backTo` must already be a vetted http(s) URL.
 */
export function renderThankYou(language: PageLanguage, backTo: string | undefined, widget?: unknown): string {
  const text = MESSAGES[language];
  const heading =
    widget === 'priority-ranking'
      ? text.rankingThanksHeading
      : widget === 'fruit-tree'
        ? text.fruitTreeThanksHeading
        : text.thanksHeading;
  return page(
    language,
    heading,
    `<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(text.thanksBody)}</p>
${backLink(backTo, text.backToPage)}`,
  );
}

const term = (text: string) => `<dt>${escapeHtml(text)}</dt>`;
const definition = (text: string) => `<dd>${escapeHtml(text)}</dd>`;
const isBlank = (text: string | undefined) => text === undefined || text.trim() === '';

/** A label for a value from a fixed list, or the value as sent when it is not on the list. */
function labelOf<Key extends string>(labels: Record<Key, string>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value as Key] : value;
}

/** Columns of the comment box: narrow enough to fit a 320 px screen with no CSS. */
const COMMENT_COLUMNS = 30;

/**
 * The comment in a read-only box: the whole text, wrapped, selectable and copyable at once.
 * The newline after `<textarea>` is dropped by the HTML parser, so one the comment starts with is kept.
 */
function commentBox(words: EnteredMessages, comment: string): string {
  const lines = comment
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / COMMENT_COLUMNS)), 0);
  const rows = Math.min(15, Math.max(3, lines));
  return `<dt><label for="entered-comment">${escapeHtml(words.comment)}</label></dt>
<dd><textarea id="entered-comment" readonly dir="auto" rows="${rows}" cols="${COMMENT_COLUMNS}">
${escapeHtml(comment)}</textarea></dd>`;
}

function feedbackRows(
  words: EnteredMessages,
  entered: Extract<EnteredAnswers, { widget: 'feedback-prompt' }>,
): string[] {
  const rows: string[] = [];
  if (!isBlank(entered.useful) || entered.asks === 'useful') {
    const { useful } = entered;
    rows.push(
      term(words.usefulQuestion),
      definition(isBlank(useful) ? words.notAnswered : labelOf(words.useful, useful ?? '')),
    );
  }
  if (!isBlank(entered.rating) || entered.asks === 'rating') {
    const { rating } = entered;
    rows.push(
      term(words.ratingQuestion),
      definition(isBlank(rating) ? words.notAnswered : labelOf(words.ratings, rating ?? '')),
    );
  }
  if (entered.reasons.length > 0) rows.push(term(words.reasons), ...entered.reasons.map(definition));
  if (!isBlank(entered.comment)) rows.push(commentBox(words, entered.comment ?? ''));
  return rows;
}

function rankingBlocks(
  words: EnteredMessages,
  entered: Extract<EnteredAnswers, { widget: 'priority-ranking' }>,
): string[] {
  const groups: [string, [string, string][]][] = [
    [words.rankIntro, entered.rank],
    [words.pointsIntro, entered.points],
  ];
  return groups
    .filter(([, boxes]) => boxes.length > 0)
    .map(
      ([intro, boxes]) => `<p>${escapeHtml(intro)}</p>
<dl>
${boxes.map(([option, typed]) => `${term(option)}\n${definition(isBlank(typed) ? words.leftEmpty : typed)}`).join('\n')}
</dl>`,
    );
}

/** A value the person typed, escaped, in its own direction (an email address in an Urdu page reads left to right). */
const typedDefinition = (text: string) => `<dd dir="auto">${escapeHtml(text)}</dd>`;

/** An email address, escaped, that may wrap before its @ and after each dot: no CSS is needed to fit 320 px. */
const breakableEmail = (email: string) =>
  `<dd dir="auto">${escapeHtml(email).replaceAll('@', '<wbr>@').replaceAll('.', '.<wbr>')}</dd>`;

/**
 * The fruits ticked, grouped under their branch's value (the form's labels are not posted,
 * so values are what there is), each with the time it takes in the page's language.
 */
function fruitRows(words: EnteredMessages, chosen: Extract<EnteredAnswers, { widget: 'fruit-tree' }>['chosen']) {
  const groups = new Map<string, string[]>();
  const others: string[] = [];
  for (const { branch, fruit, effort } of chosen) {
    const time = effort === undefined ? '' : ` (${escapeHtml(labelOf(words.efforts, effort))})`;
    const row = `<dd><bdi>${escapeHtml(fruit)}</bdi>${time}</dd>`;
    if (branch === undefined) others.push(row);
    else groups.set(branch, [...(groups.get(branch) ?? []), row]);
  }
  const rows = [...groups].flatMap(([branch, fruits]) => [`<dt><bdi>${escapeHtml(branch)}</bdi></dt>`, ...fruits]);
  if (others.length > 0) rows.push(term(words.otherChoices), ...others);
  return rows;
}

function fruitTreeBlocks(words: EnteredMessages, entered: Extract<EnteredAnswers, { widget: 'fruit-tree' }>): string[] {
  const blocks: string[] = [];
  if (entered.chosen.length > 0) {
    blocks.push(`<p>${escapeHtml(words.chosenIntro)}</p>
<dl>
${fruitRows(words, entered.chosen).join('\n')}
</dl>`);
  }
  const { name, email, phone, consent } = entered;
  if ([name, email, phone].every(isBlank) && !consent) return blocks;
  // Showing contact details back is fine: they are the person's own words, returned only to
  // them, in the reply to the post that carried them, so that none of what they typed is lost.
  // Nothing here is stored or logged (details reach the store only with an accepted answer),
  // and every reply goes out with `Cache-Control: no-store` (server.ts), so the browser keeps
  // no copy of this page either (R6, S6). Escaped like every other value on the page.
  const leftEmpty = definition(words.leftEmpty);
  blocks.push(`<p>${escapeHtml(words.contactIntro)}</p>
<dl>
${term(words.name)}
${isBlank(name) ? leftEmpty : typedDefinition(name ?? '')}
${term(words.email)}
${isBlank(email) ? leftEmpty : breakableEmail(email ?? '')}
${term(words.phone)}
${isBlank(phone) ? leftEmpty : typedDefinition(phone ?? '')}
${term(words.consent)}
${definition(consent ? words.consentSelected : words.consentNotSelected)}
</dl>`);
  return blocks;
}

/** "What you entered": the person's answers, escaped, or nothing when they entered none. */
function enteredSection(language: PageLanguage, entered: EnteredAnswers | undefined): string {
  if (!entered) return '';
  const words = ENTERED_MESSAGES[language];
  let blocks: string[];
  if (entered.widget === 'priority-ranking') {
    blocks = rankingBlocks(words, entered);
  } else if (entered.widget === 'fruit-tree') {
    blocks = fruitTreeBlocks(words, entered);
  } else {
    const rows = feedbackRows(words, entered);
    blocks = rows.length > 0 ? [`<dl>\n${rows.join('\n')}\n</dl>`] : [];
  }
  if (blocks.length === 0) return '';
  return `<h2>${escapeHtml(words.heading)}</h2>
<p>${escapeHtml(words.intro)}</p>
${blocks.join('\n')}`;
}

/**
 * Shown when a form post could not be stored, with each reason in plain words. The way
 * back that keeps the answers is the browser's Back button, so the page says so; the link
 * opens the form's page afresh. `entered`, when the body was read, is shown back in full.
 */
export function renderProblem(
  language: PageLanguage,
  problems: readonly ProblemKey[],
  backTo: string | undefined,
  entered?: EnteredAnswers,
): string {
  const text = MESSAGES[language];
  const items = [...new Set(problems)].map((key) => `<li>${escapeHtml(text[key])}</li>`).join('\n');
  return page(
    language,
    `${text.errorPrefix}${text.problemHeading}`,
    `<h1>${escapeHtml(text.problemHeading)}</h1>
<p>${escapeHtml(text.problemIntro)}</p>
<ul>
${items}
</ul>
<p>${escapeHtml(text.useBackButton)}</p>
${backLink(backTo, text.startAgain)}
${enteredSection(language, entered)}`,
  );
}
