/**
 * The fixed words of the payload contract. Kept free of any runtime dependency so that
 * the browser bundle can import them without pulling in the schema builder.
 */

/** Bumped on any breaking change to the payload; the collector accepts only known versions. */
export const SCHEMA_VERSION = 1;

/** The five stages of the NHS Engagement Cycle a response can be tagged with. */
export const STAGES = [
  'identify-needs',
  'develop-priorities',
  'improve-services',
  'procure-services',
  'monitor-services',
] as const;
export type Stage = (typeof STAGES)[number];

/** Widget kinds that post responses. */
export const WIDGETS = ['feedback-prompt', 'priority-ranking', 'fruit-tree'] as const;
export type WidgetKind = (typeof WIDGETS)[number];

/** Variants of the feedback prompt. */
export const FEEDBACK_VARIANTS = ['page-useful', 'fft'] as const;
export type FeedbackVariant = (typeof FEEDBACK_VARIANTS)[number];

/**
 * How the priority ranking asks: put every option in order, choose and order a top few,
 * share a budget of points, or pick the more important of two, pair after pair.
 */
export const RANKING_MODES = ['rank', 'top', 'points', 'pairwise'] as const;
export type RankingMode = (typeof RANKING_MODES)[number];

/** A pairwise choice: the first option, the second, or "I can't decide". */
export const PAIRWISE_CHOICES = ['a', 'b', 'cant-decide'] as const;
export type PairwiseChoice = (typeof PAIRWISE_CHOICES)[number];

/**
 * How much a fruit of the participation tree asks of a person: a few minutes, once; a few
 * hours now and then; or an ongoing role. Not a ranking of worth: a matter of time.
 */
export const EFFORTS = ['once', 'regular', 'ongoing'] as const;
export type Effort = (typeof EFFORTS)[number];

/** "How much time can you give?": any, or up to one of the efforts. */
export const EFFORT_FILTERS = ['any', ...EFFORTS] as const;
export type EffortFilter = (typeof EFFORT_FILTERS)[number];

/** The two views of the fruit tree: the illustration and the list of checkboxes. */
export const FRUIT_TREE_VIEWS = ['tree', 'list'] as const;
export type FruitTreeView = (typeof FRUIT_TREE_VIEWS)[number];

/** Answers to "Is this page useful?". */
export const USEFUL_ANSWERS = ['yes', 'no'] as const;
export type Usefulness = (typeof USEFUL_ANSWERS)[number];

/**
 * The NHS Friends and Family Test responses, in the order NHS England publishes them
 * (April 2020 guidance).
 */
export const FFT_RATINGS = ['very-good', 'good', 'neither', 'poor', 'very-poor', 'dont-know'] as const;
export type FftRating = (typeof FFT_RATINGS)[number];

/** Bounds shared by the widgets (to stop input early) and the collector (to refuse it). */
export const LIMITS = {
  topicLength: 200,
  commentLength: 2000,
  reasonCount: 20,
  valueLength: 64,
  pageLength: 2048,
  localeLength: 35,
  /** Options one priority ranking may offer. */
  rankingOptionCount: 50,
  /** Points a budget may hold. */
  pointsBudget: 10_000,
  /** Pairs one person may compare. */
  pairwiseComparisonCount: 200,
  /** Fruits one participation tree may offer, and branches they may hang on. */
  fruitCount: 60,
  branchCount: 12,
  /** A contact's name, email and phone number. */
  nameLength: 200,
  emailLength: 254,
  phoneLength: 32,
  /** Anything longer in the honeypot field is not a person's slip of the finger either. */
  honeypotLength: 500,
  /** A week: a widget left open longer than this is reported as this. */
  elapsedMs: 7 * 24 * 60 * 60 * 1000,
  /** Bytes of JSON the collector accepts; well under the 64 KiB fetch keepalive cap. */
  bodyBytes: 16 * 1024,
} as const;

/**
 * An email address as GOV.UK services accept one: a local part of the usual characters
 * (dots between, not at the ends), an @, and a domain with at least one dot.
 */
export const EMAIL_PATTERN =
  "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$";

/** A UK or international phone number: an optional +, then digits, spaces, brackets and hyphens. */
export const PHONE_PATTERN = '^\\+?[0-9][0-9 ()-]{5,30}$';

/** Option values and topics are slugs: short, safe in CSV and URLs. */
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-_.]*$';

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}
