/** Something a web team should fix or know about in how they configured a widget. */
export type AuthorNote =
  | { code: 'endpoint-missing' }
  | { code: 'endpoint-invalid'; value: string }
  | { code: 'topic-missing' }
  | { code: 'topic-invalid'; value: string }
  | { code: 'stage-invalid'; value: string; allowed: readonly string[] }
  | { code: 'variant-invalid'; value: string }
  | { code: 'maxlength-capped'; value: number; limit: number }
  | { code: 'fft-wording-ignored' }
  | { code: 'fft-wording-changed' }
  | { code: 'mode-invalid'; value: string; allowed: readonly string[] }
  | { code: 'mode-not-available'; value: string }
  | { code: 'options-too-few'; count: number }
  | { code: 'options-too-many'; count: number; limit: number }
  | { code: 'option-value-invalid'; value: string }
  | { code: 'option-duplicate'; value: string }
  | { code: 'max-adjusted'; value: string; used: number }
  | { code: 'budget-adjusted'; value: string; used: number; limit: number }
  | { code: 'step-adjusted'; value: string; used: number }
  | { code: 'rounds-adjusted'; value: string; used: number; pairs: number }
  | { code: 'fruits-too-few' }
  | { code: 'fruits-too-many'; count: number; limit: number }
  | { code: 'branches-too-many'; count: number; limit: number }
  | { code: 'branch-value-invalid'; value: string; label: string }
  | { code: 'branch-duplicate'; value: string }
  | { code: 'fruit-value-invalid'; value: string }
  | { code: 'fruit-duplicate'; value: string }
  | { code: 'effort-invalid'; fruit: string; value: string }
  | { code: 'privacy-url-missing'; fruits: readonly string[] }
  | { code: 'privacy-url-invalid'; value: string };

const said = new Set<string>();

/**
 * Tells a web team, once per message, what is wrong with a widget's configuration and
 * what to do about it. Never throws: a misconfigured widget must not break the host page.
 * The wording loads only when there is something to say, so correct pages never download it.
 */
export function tellAuthor(level: 'error' | 'warn', tag: string, note: AuthorNote): void {
  const key = `${level}|${tag}|${JSON.stringify(note)}`;
  if (said.has(key)) return;
  said.add(key);
  void import('./author-messages.js').then(({ describe }) => {
    console[level](`[participate] <${tag}>: ${describe(note)}`);
  });
}
