import type { BotCheck } from '@participate/schema';
import type { DiscardReason } from '../store/store.js';

/**
 * Why an answer looks sent by a script, or undefined when it looks sent by a person.
 * Honeypot: a field people never see or reach was filled in. Too fast: the answer left
 * sooner after the widget appeared than a person could read and answer. A post with no
 * bot check (an API client, an older widget) is not judged: it can pass either check by
 * sending the right values anyway, so refusing it would only stop honest integrations.
 */
export function spamReason(check: Partial<BotCheck> | undefined, minFillMs: number): DiscardReason | undefined {
  if (check?.honeypot !== undefined && check.honeypot !== '') return 'honeypot';
  if (check?.elapsedMs !== undefined && check.elapsedMs < minFillMs) return 'too-fast';
  return undefined;
}

/** The UTC day a discarded post is counted under. */
export const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);
