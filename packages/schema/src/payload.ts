import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';
import {
  EFFORTS,
  EMAIL_PATTERN,
  PHONE_PATTERN,
  EFFORT_FILTERS,
  FEEDBACK_VARIANTS,
  FRUIT_TREE_VIEWS,
  FFT_RATINGS,
  LIMITS,
  PAIRWISE_CHOICES,
  RANKING_MODES,
  USEFUL_ANSWERS,
  SCHEMA_VERSION,
  SLUG_PATTERN,
  STAGES,
} from './vocabulary.js';

const strict = { additionalProperties: false } as const;

/** A string limited to a fixed list: `enum` gives clearer errors than a union of literals. */
function oneOf<T extends readonly string[]>(values: T, description: string) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });
}

const Comment = Type.String({
  maxLength: LIMITS.commentLength,
  description: 'Free text the person wrote. Never logged by the collector.',
});

const Slug = Type.String({ minLength: 1, maxLength: LIMITS.valueLength, pattern: SLUG_PATTERN });

export const PageUsefulAnswer = Type.Object(
  {
    variant: Type.Literal(FEEDBACK_VARIANTS[0]),
    useful: oneOf(USEFUL_ANSWERS, 'The answer to "Is this page useful?"'),
    reasons: Type.Optional(
      Type.Array(Slug, {
        maxItems: LIMITS.reasonCount,
        uniqueItems: true,
        description: 'Values of the "What went wrong?" reasons the person ticked.',
      }),
    ),
    comment: Type.Optional(Comment),
  },
  strict,
);

export const FftAnswer = Type.Object(
  {
    variant: Type.Literal(FEEDBACK_VARIANTS[1]),
    rating: oneOf(FFT_RATINGS, 'The NHS Friends and Family Test response'),
    comment: Type.Optional(Comment),
    standardWording: Type.Boolean({
      description: 'True when the standard FFT question was shown unchanged; false answers are not valid FFT returns.',
    }),
  },
  strict,
);

/**
 * A union tagged by one property. `oneOf` + `discriminator` lets the validator report
 * problems against the matching member only, not against every alternative.
 */
function tagged<const M extends TObject[]>(propertyName: string, members: M, options: object = {}) {
  return Type.Unsafe<Static<M[number]>>({
    ...options,
    type: 'object',
    discriminator: { propertyName },
    oneOf: members,
  });
}

export const FeedbackPromptAnswer = tagged('variant', [PageUsefulAnswer, FftAnswer]);

/** The options as the person saw them, top to bottom: shuffled or not, so analysts can check position effects. */
const Shown = Type.Array(Slug, {
  minItems: 2,
  maxItems: LIMITS.rankingOptionCount,
  uniqueItems: true,
  description: 'Values of every option offered, in the order they were first shown to this person.',
});

const Shuffled = Type.Boolean({ description: 'True when the order shown was shuffled for this person.' });

export const RankAnswer = Type.Object(
  {
    mode: Type.Literal(RANKING_MODES[0]),
    shown: Shown,
    shuffled: Shuffled,
    order: Type.Array(Slug, {
      minItems: 2,
      maxItems: LIMITS.rankingOptionCount,
      uniqueItems: true,
      description: 'Every option shown, most important first.',
    }),
  },
  strict,
);

export const TopAnswer = Type.Object(
  {
    mode: Type.Literal(RANKING_MODES[1]),
    shown: Shown,
    shuffled: Shuffled,
    max: Type.Integer({ minimum: 1, maximum: LIMITS.rankingOptionCount, description: 'How many could be chosen.' }),
    top: Type.Array(Slug, {
      minItems: 1,
      maxItems: LIMITS.rankingOptionCount,
      uniqueItems: true,
      description: 'The options chosen, most important first; at most `max`.',
    }),
  },
  strict,
);

export const PointsAnswer = Type.Object(
  {
    mode: Type.Literal(RANKING_MODES[2]),
    shown: Shown,
    shuffled: Shuffled,
    budget: Type.Integer({ minimum: 1, maximum: LIMITS.pointsBudget, description: 'Points there were to share.' }),
    mustSpendAll: Type.Boolean({ description: 'True when the whole budget had to be shared out.' }),
    points: Type.Record(Slug, Type.Integer({ minimum: 0, maximum: LIMITS.pointsBudget }), {
      maxProperties: LIMITS.rankingOptionCount,
      description: 'Points given to each option shown (0 for none); together at most `budget`.',
    }),
  },
  strict,
);

export const PairwiseComparison = Type.Object(
  {
    a: Slug,
    b: Slug,
    choice: oneOf(PAIRWISE_CHOICES, 'Which of the two matters more: a, b, or cant-decide'),
  },
  strict,
);

export const PairwiseAnswer = Type.Object(
  {
    mode: Type.Literal(RANKING_MODES[3]),
    shown: Shown,
    shuffled: Shuffled,
    comparisons: Type.Array(PairwiseComparison, {
      minItems: 1,
      maxItems: LIMITS.pairwiseComparisonCount,
      description: 'Each pair shown, in the order shown, with the choice made.',
    }),
    stoppedEarly: Type.Boolean({ description: 'True when the person stopped before the last round.' }),
  },
  strict,
);

export const PriorityRankingAnswer = tagged('mode', [RankAnswer, TopAnswer, PointsAnswer, PairwiseAnswer]);

/** One fruit of the participation tree that a person chose. */
export const FruitChoice = Type.Object(
  {
    fruit: Slug,
    branch: Slug,
    effort: oneOf(EFFORTS, 'What the fruit asks of the person: once, regular or ongoing'),
  },
  strict,
);

/**
 * The mix of involvement a person chose on the participation tree: any fruits from any
 * branches, in no order. The contact details, if given, travel beside it in `contact`.
 */
export const FruitTreeAnswer = Type.Object(
  {
    chosen: Type.Array(FruitChoice, {
      minItems: 1,
      maxItems: LIMITS.fruitCount,
      description: 'The fruits chosen, each once, with its branch and effort. Order means nothing.',
    }),
    offered: Type.Integer({
      minimum: 1,
      maximum: LIMITS.fruitCount,
      description: 'How many fruits the tree offered.',
    }),
    effortFilter: oneOf(EFFORT_FILTERS, '"How much time can you give?" when the answer was sent'),
    view: oneOf(FRUIT_TREE_VIEWS, 'The view the answer was sent from'),
    contactGiven: Type.Boolean({ description: 'True when contact details travel with the answer.' }),
  },
  strict,
);

/**
 * What the collector needs to tell a person from a script, sent by every widget. Not
 * stored: the collector checks it and drops it.
 */
export const BotCheck = Type.Object(
  {
    honeypot: Type.String({
      maxLength: LIMITS.honeypotLength,
      description: 'The value of a field people never see or reach. Anything but "" marks a bot.',
    }),
    elapsedMs: Type.Integer({
      minimum: 0,
      maximum: LIMITS.elapsedMs,
      description: 'Milliseconds between the widget appearing and the answer being sent.',
    }),
  },
  { ...strict, description: 'Spam checks. Posted by the widgets; never stored.' },
);

/**
 * Contact details a person chose to give so that they can be reached, with their
 * explicit consent. The collector keeps them apart from answers, with their own retention.
 */
export const Contact = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: LIMITS.nameLength }),
    email: Type.Optional(Type.String({ format: 'email', pattern: EMAIL_PATTERN, maxLength: LIMITS.emailLength })),
    phone: Type.Optional(
      Type.String({
        maxLength: LIMITS.phoneLength,
        pattern: PHONE_PATTERN,
        description: 'A UK or international phone number: digits, spaces, brackets and hyphens.',
      }),
    ),
    consent: Type.Literal(true, { description: 'The person ticked the consent box.' }),
  },
  {
    ...strict,
    anyOf: [{ required: ['email'] }, { required: ['phone'] }],
    description: 'A name and at least one of email or phone, given with consent.',
  },
);

/** Fields every response carries, whatever the widget. */
function response<W extends string, A extends TSchema>(widget: W, answer: A) {
  return Type.Object(
    {
      schemaVersion: Type.Literal(SCHEMA_VERSION),
      id: Type.String({
        format: 'uuid',
        description: 'Generated once by the client; the idempotency key reused on every retry.',
      }),
      widget: Type.Literal(widget),
      topic: Type.String({
        minLength: 1,
        maxLength: LIMITS.topicLength,
        pattern: SLUG_PATTERN,
        description: 'What is being asked about, e.g. "gp-appointments".',
      }),
      stage: Type.Optional(oneOf(STAGES, 'Engagement-cycle stage the response serves')),
      locale: Type.String({
        minLength: 2,
        maxLength: LIMITS.localeLength,
        pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$',
        description: 'The language the widget was shown in (BCP 47).',
      }),
      page: Type.String({
        maxLength: LIMITS.pageLength,
        pattern: '^https?://[^?#\\s]+$',
        description: 'Origin and path of the page, never its query string or fragment.',
      }),
      submittedAt: Type.String({ format: 'date-time' }),
      amends: Type.Optional(
        Type.String({
          format: 'uuid',
          description:
            "The id of this person's first response to the same question, when this one replaces it: a follow-up with more detail, or a changed answer. Count the latest response of each chain.",
        }),
      ),
      botCheck: Type.Optional(BotCheck),
      contact: Type.Optional(Contact),
      answer,
    },
    strict,
  );
}

export const FeedbackPromptResponse = response('feedback-prompt', FeedbackPromptAnswer);
export const PriorityRankingResponse = response('priority-ranking', PriorityRankingAnswer);
export const FruitTreeResponse = response('fruit-tree', FruitTreeAnswer);

/** Any response a widget posts. New widgets add a member here. */
export const ResponsePayload = tagged('widget', [FeedbackPromptResponse, PriorityRankingResponse, FruitTreeResponse], {
  $id: 'https://participate.dev/schema/v1/response.json',
  title: 'Participate response',
});

export type PageUsefulAnswer = Static<typeof PageUsefulAnswer>;
export type FftAnswer = Static<typeof FftAnswer>;
export type FeedbackPromptAnswer = Static<typeof FeedbackPromptAnswer>;
export type FeedbackPromptResponse = Static<typeof FeedbackPromptResponse>;
export type RankAnswer = Static<typeof RankAnswer>;
export type TopAnswer = Static<typeof TopAnswer>;
export type PointsAnswer = Static<typeof PointsAnswer>;
export type PairwiseComparison = Static<typeof PairwiseComparison>;
export type PairwiseAnswer = Static<typeof PairwiseAnswer>;
export type PriorityRankingAnswer = Static<typeof PriorityRankingAnswer>;
export type PriorityRankingResponse = Static<typeof PriorityRankingResponse>;
export type FruitChoice = Static<typeof FruitChoice>;
export type FruitTreeAnswer = Static<typeof FruitTreeAnswer>;
export type FruitTreeResponse = Static<typeof FruitTreeResponse>;
export type ResponsePayload = Static<typeof ResponsePayload>;
export type BotCheck = Static<typeof BotCheck>;
export type Contact = Static<typeof Contact>;
