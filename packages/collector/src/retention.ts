import type { PurgeCutoffs, PurgeResult, ResponseStore } from './store/store.js';

export interface RetentionPolicy {
  /** Delete answers (with their contact details) this many days after they arrived. */
  responseDays?: number;
  /** Delete contact details this many days after they arrived; usually shorter. */
  contactDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** How often a running collector applies its retention policy. */
export const PURGE_INTERVAL_MS = 60 * 60 * 1000;

export function cutoffsFor(policy: RetentionPolicy, now: Date): PurgeCutoffs {
  const before = (days: number | undefined) =>
    days === undefined ? undefined : new Date(now.getTime() - days * DAY_MS).toISOString();
  const cutoffs: PurgeCutoffs = {};
  const responsesBefore = before(policy.responseDays);
  const contactsBefore = before(policy.contactDays);
  if (responsesBefore !== undefined) cutoffs.responsesBefore = responsesBefore;
  if (contactsBefore !== undefined) cutoffs.contactsBefore = contactsBefore;
  return cutoffs;
}

export const hasRetention = (policy: RetentionPolicy) =>
  policy.responseDays !== undefined || policy.contactDays !== undefined;

export function purgeExpired(store: ResponseStore, policy: RetentionPolicy, now = new Date()): Promise<PurgeResult> {
  return store.purge(cutoffsFor(policy, now));
}

/**
 * Applies the policy now and then every hour until stopped. Each instance sharing a
 * PostgreSQL database runs it; the deletes are idempotent, so that is harmless.
 */
export function scheduleRetention(
  store: ResponseStore,
  policy: RetentionPolicy,
  report: (outcome: PurgeResult | Error) => void,
): () => void {
  if (!hasRetention(policy)) return () => undefined;
  const run = () => {
    purgeExpired(store, policy).then(report, (error: unknown) => {
      report(error instanceof Error ? error : new Error(String(error)));
    });
  };
  run();
  const timer = setInterval(run, PURGE_INTERVAL_MS);
  // The schedule alone must not keep the process alive.
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
