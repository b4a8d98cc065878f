/**
 * Random histories of answers as a collector receives them, for holding the stores to one
 * another: every widget, variant and mode, valid per the schema; `amends` chains whose
 * amendments name the first response or the one before and arrive in any order, some before
 * what they amend; ids in capitals or as `urn:uuid:` URNs; retries and changed resends of an
 * id; arrivals around Europe/London's month boundaries and clock changes.
 */
import fc from 'fast-check';
import {
  EFFORT_FILTERS,
  FFT_RATINGS,
  FRUIT_TREE_VIEWS,
  PAIRWISE_CHOICES,
  STAGES,
  USEFUL_ANSWERS,
  type Contact,
  type FeedbackPromptAnswer,
  type PriorityRankingAnswer,
} from '@participate/schema';
import type { AcceptedResponse } from '../store/store.js';
import { fruit, fruitTreePayload, rankingPayload, validPayload } from './harness.js';

export const TOPICS = ['bins', 'gp-appointments', 'parks'] as const;
const REASONS = ['out-of-date', 'hard-to-understand', 'missing-info', 'broken-link', 'other'];
const OPTIONS = ['gp-access', 'mental-health', 'transport', 'housing', 'parks'];
/** Fruits as `fruit` in the harness writes them: two on each of three branches. */
const FRUITS = [
  'newsletter@stay-informed:once',
  'survey@stay-informed:once',
  'panel@shape-decisions:regular',
  'forum@shape-decisions:regular',
  'governor@lead-and-govern:ongoing',
  'chair@lead-and-govern:ongoing',
];
export const FRUIT_NAMES = FRUITS.map((spec) => fruit(spec).fruit);
export const BRANCHES = [...new Set(FRUITS.map((spec) => fruit(spec).branch))];

/** One answer to post and when the collector received it. */
export interface Delivery {
  payload: AcceptedResponse;
  receivedAt: string;
}

const HOUR = 3_600_000;

/**
 * Where Europe/London's calendar months and clocks turn, as UTC instants: in summer time a
 * month begins at 23:00 UTC the day before, so UTC and London disagree on that hour's month.
 */
const TURNING_POINTS = [
  '2026-01-01T00:00:00.000Z',
  '2026-03-01T00:00:00.000Z',
  '2026-03-29T01:00:00.000Z', // clocks go forward
  '2026-03-31T23:00:00.000Z', // 1 April, BST
  '2026-04-30T23:00:00.000Z', // 1 May, BST
  '2026-09-30T23:00:00.000Z', // 1 October, BST
  '2026-10-25T01:00:00.000Z', // clocks go back
  '2026-11-01T00:00:00.000Z',
  '2026-12-01T00:00:00.000Z',
];

/** An instant at or near a turning point: a millisecond, a few hours or a few days either side. */
export const instants: fc.Arbitrary<string> = fc
  .record({
    from: fc.constantFrom(...TURNING_POINTS),
    offset: fc.oneof(
      // Exactly on it, so that responses are often received in the same millisecond.
      fc.constant(0),
      fc.integer({ min: -1000, max: 1000 }),
      fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
      fc.integer({ min: -12 * 24 * HOUR, max: 12 * 24 * HOUR }),
    ),
  })
  .map(({ from, offset }) => new Date(Date.parse(from) + offset).toISOString());

/** The object without its undefined fields: a payload leaves out what it does not say. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

/** What an arbitrary generates. */
type Generated<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** Present or absent, half and half. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
/** Present once in four. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });

/** Any text a person may type that a store can keep (the collector refuses NUL before it gets there). */
const typed = (maxLength: number) =>
  fc.string({ unit: 'grapheme', maxLength }).map((text) => text.replaceAll('\u0000', ''));

const comment = maybe(typed(30));

const pageUseful: fc.Arbitrary<FeedbackPromptAnswer> = fc
  .record({
    variant: fc.constant('page-useful' as const),
    useful: fc.constantFrom(...USEFUL_ANSWERS),
    // Any subset in any order: a reason's place in a list must not change what it counts for.
    reasons: maybe(fc.shuffledSubarray(REASONS)),
    comment,
  })
  .map(defined);

const fft: fc.Arbitrary<FeedbackPromptAnswer> = fc
  .record({
    variant: fc.constant('fft' as const),
    rating: fc.constantFrom(...FFT_RATINGS),
    standardWording: fc.boolean(),
    comment,
  })
  .map(defined);

/** The options shown, in the order shown, and whether that order was shuffled. */
const shownOptions = fc.record({ shown: fc.shuffledSubarray(OPTIONS, { minLength: 2 }), shuffled: fc.boolean() });

const rank: fc.Arbitrary<PriorityRankingAnswer> = shownOptions.chain(({ shown, shuffled }) =>
  fc.shuffledSubarray(shown, { minLength: shown.length }).map((order) => ({ mode: 'rank', shown, shuffled, order })),
);

const top: fc.Arbitrary<PriorityRankingAnswer> = shownOptions.chain(({ shown, shuffled }) =>
  fc
    .integer({ min: 1, max: shown.length })
    .chain((max) =>
      fc
        .shuffledSubarray(shown, { minLength: 1, maxLength: max })
        .map((chosen) => ({ mode: 'top', shown, shuffled, max, top: chosen })),
    ),
);

const points: fc.Arbitrary<PriorityRankingAnswer> = shownOptions.chain(({ shown, shuffled }) =>
  fc
    .record({
      given: fc.array(fc.nat(20), { minLength: shown.length, maxLength: shown.length }),
      mustSpendAll: fc.boolean(),
      spare: fc.nat(10),
      listZeros: fc.boolean(),
    })
    .map(({ given, mustSpendAll, spare, listZeros }) => {
      const entries = shown.map((option, index) => [option, given[index] ?? 0] as const);
      // A budget that had to be spent was spent on something.
      if (mustSpendAll && entries.every(([, count]) => count === 0)) entries[0] = [shown[0] ?? '', 1];
      const spent = entries.reduce((sum, [, count]) => sum + count, 0);
      return {
        mode: 'points',
        shown,
        shuffled,
        budget: mustSpendAll ? spent : Math.max(1, spent + spare),
        mustSpendAll,
        points: Object.fromEntries(entries.filter(([, count]) => count > 0 || listZeros)),
      };
    }),
);

const pairwise: fc.Arbitrary<PriorityRankingAnswer> = shownOptions.chain(({ shown, shuffled }) =>
  fc
    .record({
      pairs: fc.array(
        fc.record({
          pair: fc.shuffledSubarray(shown, { minLength: 2, maxLength: 2 }),
          choice: fc.constantFrom(...PAIRWISE_CHOICES),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      stoppedEarly: fc.boolean(),
    })
    .map(({ pairs, stoppedEarly }) => ({
      mode: 'pairwise',
      shown,
      shuffled,
      comparisons: pairs.map(({ pair: [a = '', b = ''], choice }) => ({ a, b, choice })),
      stoppedEarly,
    })),
);

const contacts: fc.Arbitrary<Contact> = fc
  .record({
    name: typed(15).filter((name) => name.length > 0),
    email: maybe(fc.constantFrom('ada@example.org', 'grace.hopper@nhs.example.net')),
    phone: maybe(fc.constantFrom('+44 20 7946 0000', '01632 960 123')),
  })
  .map(({ name, email, phone }) =>
    defined({
      name,
      email: email ?? (phone === undefined ? 'ada@example.org' : undefined),
      phone,
      consent: true as const,
    }),
  );

/** A fruit-tree answer, as the harness's `fruitTreePayload` takes it, with contact details or without. */
const fruitTree = fc.record({
  fruits: fc.shuffledSubarray(FRUITS, { minLength: 1 }),
  answer: fc.record({
    offered: fc.integer({ min: FRUITS.length, max: 14 }),
    effortFilter: fc.constantFrom(...EFFORT_FILTERS),
    view: fc.constantFrom(...FRUIT_TREE_VIEWS),
  }),
  contact: maybe(contacts),
});

/** What one response of a chain says; every response of a chain comes from the same widget. */
type Content =
  | { widget: 'feedback-prompt'; answer: FeedbackPromptAnswer }
  | { widget: 'priority-ranking'; answer: PriorityRankingAnswer }
  | ({ widget: 'fruit-tree' } & Generated<typeof fruitTree>);

const feedbackOf = (answer: fc.Arbitrary<FeedbackPromptAnswer>) =>
  answer.map((item): Content => ({ widget: 'feedback-prompt', answer: item }));
const rankingOf = (answer: fc.Arbitrary<PriorityRankingAnswer>) =>
  answer.map((item): Content => ({ widget: 'priority-ranking', answer: item }));

/** Every variant and mode, each its own kind of chain. */
const KINDS: fc.Arbitrary<Content>[] = [
  feedbackOf(pageUseful),
  feedbackOf(fft),
  rankingOf(rank),
  rankingOf(top),
  rankingOf(points),
  rankingOf(pairwise),
  fruitTree.map((item): Content => ({ widget: 'fruit-tree', ...item })),
];

/** The spellings of an id the schema accepts, all meaning the same response. */
const SPELLINGS: Record<string, (id: string) => string> = {
  lower: (id) => id,
  upper: (id) => id.toUpperCase(),
  urn: (id) => `urn:uuid:${id}`,
  'upper urn': (id) => `urn:uuid:${id}`.toUpperCase(),
};
const spellings = fc.constantFrom(...Object.keys(SPELLINGS));
const spelt = (id: string, spelling: string) => (SPELLINGS[spelling] ?? String)(id);

/** When a delivery arrives: `arrival` orders deliveries, `at` is its received-at time. */
const timings = fc.record({ arrival: fc.nat(10_000), at: instants });

const weighted = <T>(often: T, sometimes: T) =>
  fc.oneof({ arbitrary: fc.constant(often), weight: 4 }, { arbitrary: fc.constant(sometimes), weight: 1 });

/** One response of a chain, and perhaps a second delivery of its id: a retry, or a changed resend. */
const versionOf = (content: fc.Arbitrary<Content>) =>
  fc.record({
    spelling: spellings,
    content,
    stage: maybe(fc.constantFrom(...STAGES)),
    locale: fc.constantFrom('en', 'cy'),
    submittedAt: fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-31'), noInvalidDate: true }),
    /** For an amendment: whether it names the chain's first response or the one before it. */
    names: fc.constantFrom('first', 'previous'),
    amendsSpelling: spellings,
    timing: timings,
    again: sometimes(
      fc.record({ change: fc.constantFrom('retry', 'resend changed'), spelling: spellings, timing: timings }),
    ),
  });

const chains = fc.record({
  topic: fc.constantFrom(...TOPICS),
  versions: fc.oneof(...KINDS.map((content) => fc.array(versionOf(content), { minLength: 1, maxLength: 4 }))),
  /** The first response never arrived: its amendments still make one chain, under the id they name. */
  firstLost: weighted(false, true),
});

type Version = Generated<ReturnType<typeof versionOf>>;

/**
 * The id of a chain's response, one of its own: random ids would shrink to one id shared by
 * every response, a history no client sends. Letters in it, so that its spellings differ.
 */
const idOf = (chain: number, version: number) =>
  `${chain.toString(16).padStart(4, '0')}${version.toString(16).padStart(4, '0')}-abcd-4ef0-8abc-def012345678`;

function payloadOf(topic: string, version: Version, id: string, amends: string | undefined): AcceptedResponse {
  const { content, stage } = version;
  const fields = defined({
    id: spelt(id, version.spelling),
    topic,
    stage,
    locale: version.locale,
    submittedAt: version.submittedAt.toISOString(),
    amends,
  });
  const payload: AcceptedResponse =
    content.widget === 'feedback-prompt'
      ? validPayload({ ...fields, answer: content.answer })
      : content.widget === 'priority-ranking'
        ? rankingPayload(content.answer, fields)
        : fruitTreePayload(content.fruits, content.answer, defined({ ...fields, contact: content.contact }));
  // The harness's payloads carry a stage unless told otherwise: some responses have none.
  if (stage === undefined) delete payload.stage;
  return payload;
}

/** A second delivery of `payload`'s id: the same answer again, or a changed one that must not replace it. */
function againOf(payload: AcceptedResponse, again: NonNullable<Version['again']>, id: string): AcceptedResponse {
  const respelt = { ...payload, id: spelt(id, again.spelling) };
  return again.change === 'retry'
    ? { ...respelt, submittedAt: new Date(Date.parse(payload.submittedAt) + 1000).toISOString() }
    : { ...respelt, locale: payload.locale === 'en' ? 'cy' : 'en' };
}

/**
 * Deliveries in the order they arrive. When the collector's clock agrees with that order (one
 * instance), received-at times rise with it, ties included; otherwise (instances whose clocks
 * differ) each keeps its own.
 */
export const histories: fc.Arbitrary<Delivery[]> = fc
  .record({ chains: fc.array(chains, { minLength: 1, maxLength: 8 }), clocksAgree: weighted(true, false) })
  .map(({ chains: generated, clocksAgree }) => {
    const timed: { payload: AcceptedResponse; timing: { arrival: number; at: string } }[] = [];
    generated.forEach(({ topic, versions, firstLost }, chain) => {
      versions.forEach((version, index) => {
        const id = idOf(chain, index);
        const named = version.names === 'first' ? 0 : index - 1;
        const amends = index === 0 ? undefined : spelt(idOf(chain, named), version.amendsSpelling);
        if (index === 0 && firstLost) return;
        const payload = payloadOf(topic, version, id, amends);
        timed.push({ payload, timing: version.timing });
        if (version.again) timed.push({ payload: againOf(payload, version.again, id), timing: version.again.timing });
      });
    });
    const arrived = timed.map((item, index) => ({ ...item, index }));
    arrived.sort((a, b) => a.timing.arrival - b.timing.arrival || a.index - b.index);
    const clock = arrived.map(({ timing }) => timing.at).sort();
    return arrived.map(({ payload, timing }, index) => ({
      payload,
      receivedAt: clocksAgree ? (clock[index] ?? timing.at) : timing.at,
    }));
  });
