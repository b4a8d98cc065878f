/**
 * What a store should give for a history, worked out the plainest way: from the payloads as
 * they arrived, in memory, with none of the stores' SQL. Two stores that agree can still share
 * a bug; these catch it.
 */
import { FFT_RATINGS, type FftRating } from '@participate/schema';
import { canonicalId } from '../store/canonical.js';
import { variantOf } from '../store/rows.js';
import type { LatestAnswer } from '../store/store.js';
import type { Delivery } from './answer-histories.js';

/** A response as kept: the first delivery of its id (a retry or a changed resend keeps it). */
interface Kept {
  id: string;
  amends: string | null;
  delivery: Delivery;
  arrival: number;
}

function keptResponses(deliveries: readonly Delivery[]): Kept[] {
  const kept = new Map<string, Kept>();
  deliveries.forEach((delivery, arrival) => {
    const id = canonicalId(delivery.payload.id);
    if (kept.has(id)) return;
    const { amends } = delivery.payload;
    kept.set(id, { id, amends: amends === undefined ? null : canonicalId(amends), delivery, arrival });
  });
  return [...kept.values()];
}

/** Received later, or at the same time but delivered later. */
const isLater = (a: Kept, b: Kept) =>
  Date.parse(a.delivery.receivedAt) - Date.parse(b.delivery.receivedAt) > 0 ||
  (a.delivery.receivedAt === b.delivery.receivedAt && a.arrival > b.arrival);

/** Ids and received-at times of every response kept, in the order an export gives them. */
export function referenceExport(deliveries: readonly Delivery[]): { id: string; receivedAt: string }[] {
  return keptResponses(deliveries)
    .sort((a, b) => (isLater(a, b) ? 1 : isLater(b, a) ? -1 : 0))
    .map(({ id, delivery }) => ({ id, receivedAt: delivery.receivedAt }));
}

/**
 * One answer per person: a chain is every response reached by following `amends` back to the
 * first response (or to the id named when that never arrived); its latest is the one no other
 * response amends, the last received of several. Ordered as their latest responses arrived.
 */
export function referenceLatestAnswers(deliveries: readonly Delivery[]): LatestAnswer[] {
  const kept = keptResponses(deliveries);
  const byId = new Map(kept.map((response) => [response.id, response]));
  const amended = new Set(kept.map((response) => response.amends));
  const firstOf = (response: Kept): string => {
    const named = response.amends === null ? undefined : byId.get(response.amends);
    return named ? firstOf(named) : (response.amends ?? response.id);
  };
  const chains = new Map<string, Kept[]>();
  for (const response of kept) {
    const key = JSON.stringify([response.delivery.payload.topic, firstOf(response)]);
    chains.set(key, [...(chains.get(key) ?? []), response]);
  }
  const people = [...chains.values()].map((chain) => {
    const latest = chain.filter((response) => !amended.has(response.id)).reduce((a, b) => (isLater(b, a) ? b : a));
    const first = chain.reduce((a, b) =>
      Date.parse(b.delivery.receivedAt) < Date.parse(a.delivery.receivedAt) ? b : a,
    );
    const { payload } = latest.delivery;
    const answer: LatestAnswer = {
      topic: payload.topic,
      widget: payload.widget,
      variant: variantOf(payload.answer),
      stage: payload.stage ?? null,
      chainStartedAt: first.delivery.receivedAt,
      contactGiven: chain.some((response) => response.delivery.payload.contact !== undefined),
      answer: JSON.stringify(payload.answer),
    };
    return { latest, answer };
  });
  return people.sort((a, b) => (isLater(a.latest, b.latest) ? 1 : -1)).map(({ answer }) => answer);
}

const LONDON_MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' });

/** The calendar month (YYYY-MM) in London at an instant. */
export function londonMonth(instant: string): string {
  const parts = LONDON_MONTH.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

const answerOf = (latest: LatestAnswer) => JSON.parse(latest.answer) as Record<string, unknown>;

/** "Is this page useful?" in one topic: yes and no, and how many people gave each reason; null when nobody answered. */
export function pageUsefulFigures(
  latest: readonly LatestAnswer[],
  topic: string,
): { yes: number; no: number; reasons: Record<string, number> } | null {
  const answers = latest.filter((item) => item.topic === topic && item.variant === 'page-useful').map(answerOf);
  if (answers.length === 0) return null;
  const reasons: Record<string, number> = {};
  for (const reason of answers.flatMap((answer) => (answer.reasons ?? []) as string[])) {
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  const said = (useful: string) => answers.filter((answer) => answer.useful === useful).length;
  return { yes: said('yes'), no: said('no'), reasons };
}

/** Friends and Family Test ratings of each topic whose chain began in `month` (London), topic by topic. */
export function fftFigures(latest: readonly LatestAnswer[], month: string): Record<string, Record<FftRating, number>> {
  const figures: Record<string, Record<FftRating, number>> = {};
  for (const item of latest) {
    if (item.variant !== 'fft' || londonMonth(item.chainStartedAt) !== month) continue;
    const ratings = (figures[item.topic] ??= Object.fromEntries(FFT_RATINGS.map((rating) => [rating, 0])) as Record<
      FftRating,
      number
    >);
    ratings[answerOf(item).rating as FftRating] += 1;
  }
  return figures;
}

/** Fruit-tree answers in one topic: people, and people who gave contact details with any response of theirs. */
export function fruitTreeFigures(latest: readonly LatestAnswer[], topic: string) {
  const people = latest.filter((item) => item.topic === topic && item.widget === 'fruit-tree');
  return { responses: people.length, contactGiven: people.filter((item) => item.contactGiven).length };
}
