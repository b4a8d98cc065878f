import { escapeHtml } from './escape.js';
import { MESSAGES, type PageLanguage, type ProblemKey } from './messages.js';

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

/** Shown after a form post was stored. `backTo` must already be a vetted http(s) URL. */
export function renderThankYou(language: PageLanguage, backTo: string | undefined): string {
  const text = MESSAGES[language];
  return page(
    language,
    text.thanksHeading,
    `<h1>${escapeHtml(text.thanksHeading)}</h1>
<p>${escapeHtml(text.thanksBody)}</p>
${backLink(backTo, text.backToPage)}`,
  );
}

/** Shown when a form post could not be stored, with each reason in plain words. */
export function renderProblem(
  language: PageLanguage,
  problems: readonly ProblemKey[],
  backTo: string | undefined,
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
${backLink(backTo, text.tryAgain)}`,
  );
}
