import type { AuthorNote } from './console.js';

/**
 * The console wording for each note: the attribute at fault, and what to do. Imports nothing,
 * so it stays a chunk of its own that only misconfigured pages download.
 */
export function describe(note: AuthorNote): string {
  switch (note.code) {
    case 'endpoint-missing':
      return 'the "endpoint" attribute is missing. Set it to the URL that collects responses, e.g. endpoint="https://feedback.example.org/v1/responses".';
    case 'endpoint-invalid':
      return `the "endpoint" attribute "${note.value}" is not an http or https URL.`;
    case 'topic-missing':
      return 'the "topic" attribute is missing. Set it to a short slug naming what you are asking about, e.g. topic="bin-collections".';
    case 'topic-invalid':
      return `the "topic" attribute "${note.value}" must be lower-case letters, digits and hyphens, e.g. topic="bin-collections".`;
    case 'stage-invalid':
      return `the "stage" attribute "${note.value}" is not an engagement-cycle stage. Use one of: ${note.allowed.join(', ')}, or leave it out.`;
    case 'variant-invalid':
      return `the "variant" attribute "${note.value}" is not known. Use variant="page-useful" or variant="fft".`;
    case 'maxlength-capped':
      return `"comment-maxlength" is ${note.value}; the most a response can carry is ${note.limit}, so ${note.limit} is used.`;
    case 'fft-wording-ignored':
      return 'the Friends and Family Test question and answers must use the standard wording, so your replacement text is ignored. Add the nonstandard-fft attribute only if you accept that the answers will not count as FFT.';
    case 'fft-wording-changed':
      return 'the Friends and Family Test wording has been changed (nonstandard-fft), so these answers are no longer a valid FFT return. They are marked standardWording: false.';
    case 'mode-invalid':
      return `the "mode" attribute "${note.value}" is not known. Use one of: ${note.allowed.join(', ')}.`;
    case 'mode-not-available':
      return `mode="${note.value}" is planned but not available in this version, so your fallback content is shown. Use mode="rank", "top", "points" or "pairwise".`;
    case 'options-too-few':
      return `${note.count} option(s) given; a ranking needs at least 2. Add <participate-option value="…">Label</participate-option> children or set the "options" property.`;
    case 'options-too-many':
      return `${note.count} options given; the most one ranking may offer is ${note.limit}. Split them into two questions.`;
    case 'option-value-invalid':
      return `the option value "${note.value}" must be lower-case letters, digits, hyphens, dots or underscores (at most 64), e.g. value="gp-access".`;
    case 'option-duplicate':
      return `the option value "${note.value}" is used twice; each option needs its own value.`;
    case 'max-adjusted':
      return `"max" is "${note.value}", but it must be a whole number from 1 to the number of options, so ${note.used} is used.`;
    case 'budget-adjusted':
      return `"budget" is "${note.value}", but it must be a whole number from 1 to ${note.limit}, so ${note.used} is used.`;
    case 'step-adjusted':
      return `"step" is "${note.value}", but it must be a whole number from 1 to the budget, so ${note.used} is used.`;
    case 'rounds-adjusted':
      return `"rounds" is "${note.value}", but it must be a whole number from 1 to ${note.pairs} (every pair of these options once), so ${note.used} is used.`;
    case 'fruits-too-few':
      return 'the tree offers no way to be involved. Remove the <participate-branch> children to use the default tree, or give each branch <participate-option value="…" effort="once|regular|ongoing">…</participate-option> children.';
    case 'fruits-too-many':
      return `${note.count} ways to be involved given; the most one tree may offer is ${note.limit}.`;
    case 'branches-too-many':
      return `${note.count} branches given; the most one tree may have is ${note.limit}.`;
    case 'branch-value-invalid':
      return `the branch "${note.label}" has the value "${note.value}"; give it a value="…" of lower-case letters, digits and hyphens, like "shape-decisions".`;
    case 'branch-duplicate':
      return `the branch value "${note.value}" is used twice; each branch needs its own value.`;
    case 'fruit-value-invalid':
      return `"${note.value}" is not a usable value; use lower-case letters, digits and hyphens, like "citizens-panel".`;
    case 'fruit-duplicate':
      return `the value "${note.value}" is used by two ways to be involved; each needs its own value, even on different branches.`;
    case 'effort-invalid':
      return `"${note.fruit}" has effort="${note.value}"; use "once", "regular" or "ongoing". "once" is used.`;
    case 'privacy-url-missing':
      return `${note.fruits.join(', ')} need a way to reach the person, so the widget asks for contact details and must link to your privacy notice: add privacy-url="https://…".`;
    case 'privacy-url-invalid':
      return `privacy-url "${note.value}" is not an http(s) address; give the full address of your privacy notice.`;
  }
}
