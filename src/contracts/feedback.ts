/**
 * Feedback on training (ADR 015): level 1, the learner rates the class, each lecturer who taught
 * it and the organisation; level 3, the learner's supervisor rates the effect on the work some
 * months after the class (policy `feedback.level3_delay_months`). Forms are data with versions;
 * roll-ups per class, lecturer and institution never name who answered.
 */
import { z } from 'zod';
import { Id, IsoDate, OptionalText, Page, paged, Text } from './common';

export const FEEDBACK_LEVELS = [1, 3] as const;
export type FeedbackLevel = (typeof FEEDBACK_LEVELS)[number];

/** What a question rates: a level-1 form rates the class, each lecturer, the organisation; level 3 the work. */
export const QUESTION_TARGETS = ['class', 'lecturer', 'organisation', 'work'] as const;
export type QuestionTarget = (typeof QUESTION_TARGETS)[number];

const Localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });

export const FeedbackQuestion = z.object({
  /** Stable across versions: roll-ups group by it. */
  code: z.string().regex(/^[A-Z0-9_]+$/),
  target: z.enum(QUESTION_TARGETS),
  vi: z.string().min(1),
  en: z.string().min(1),
});
export type FeedbackQuestion = z.infer<typeof FeedbackQuestion>;
export type FeedbackScaleLabel = z.infer<typeof Localized>;

export const FeedbackForm = z.object({
  id: z.number(),
  level: z.union([z.literal(1), z.literal(3)]),
  version: z.number(),
  effectiveFrom: z.string(),
  questions: z.array(FeedbackQuestion),
  /** Labels of 1..5, lowest first. */
  scale: z.array(Localized).length(5),
});
export type FeedbackForm = z.infer<typeof FeedbackForm>;

/** One score: `lecturerId` names the lecturer for lecturer questions, null otherwise. */
export const ScoreInput = z.object({
  questionCode: z.string().min(1).max(40),
  lecturerId: Id.nullable().default(null),
  score: z.number().int().min(1).max(5),
});

export const AnswerBody = z.object({
  /** The form answered (the one in force when it was shown). */
  formId: Id,
  scores: z.array(ScoreInput).min(1).max(300),
  comment: OptionalText(2000),
});

export const AnswerView = z.object({
  answeredAt: z.string(),
  formId: z.number(),
  formVersion: z.number(),
  comment: z.string().nullable(),
  scores: z.array(
    z.object({ questionCode: z.string(), lecturerId: z.number().nullable(), score: z.number() }),
  ),
});
export type AnswerView = z.infer<typeof AnswerView>;

// ---- Level 1: the learner ------------------------------------------------------------------

export const MyClass = z.object({
  classId: z.number(),
  code: z.string(),
  name: z.string(),
  programmeName: z.string(),
  institutionName: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.string(),
  /** When I answered; null: still to answer. */
  answeredAt: z.string().nullable(),
});
export type MyClass = z.infer<typeof MyClass>;
export const MyClasses = z.object({ items: z.array(MyClass) });

export const ClassFeedbackForm = z.object({
  class: MyClass,
  form: FeedbackForm,
  /** The lecturers who taught a session of the class, each rated on the lecturer questions. */
  lecturers: z.array(z.object({ id: z.number(), fullName: z.string() })),
  /** My answer when given (the form is then read only). */
  answer: AnswerView.nullable(),
});
export type ClassFeedbackForm = z.infer<typeof ClassFeedbackForm>;

export const ClassIdParams = z.object({ classId: Id });

// ---- Level 3: the supervisor ---------------------------------------------------------------

export const EFFECTIVENESS_STATES = ['due', 'upcoming', 'done'] as const;
export const EffectivenessQuery = Page.extend({
  /** due: the delay has passed and nobody answered; upcoming: not yet due; done: answered. */
  state: z.enum(EFFECTIVENESS_STATES).default('due'),
  q: Text(100).optional(),
});

export const EffectivenessItem = z.object({
  nominationId: z.number(),
  personId: z.number(),
  personName: z.string(),
  unitName: z.string(),
  classId: z.number(),
  classCode: z.string(),
  className: z.string(),
  programmeName: z.string(),
  endsOn: z.string(),
  /** End of the class plus the months of the policy in force then for the learner's unit. */
  dueOn: IsoDate,
  delayMonths: z.number(),
  /** The class result when computed (null before). */
  passed: z.boolean().nullable(),
  answeredAt: z.string().nullable(),
});
export type EffectivenessItem = z.infer<typeof EffectivenessItem>;
export const EffectivenessList = paged(EffectivenessItem);

export const EffectivenessForm = z.object({
  item: EffectivenessItem,
  form: FeedbackForm,
  answer: AnswerView.nullable(),
});
export type EffectivenessForm = z.infer<typeof EffectivenessForm>;

export const NominationIdParams = z.object({ nominationId: Id });

// ---- Roll-ups --------------------------------------------------------------------------------

export const QuestionStat = z.object({
  questionCode: z.string(),
  level: z.number(),
  /** Mean of the scores, 2 decimals. */
  average: z.number(),
  /** Scores given (a learner rating two lecturers gives two per lecturer question). */
  count: z.number(),
});
export type QuestionStat = z.infer<typeof QuestionStat>;

/** The questions named in a roll-up, with the level of their form (labels of the latest version). */
export const RollupQuestion = FeedbackQuestion.extend({ level: z.number() });

export const RollupPeriod = z.object({
  /** Year of the classes; null: all years. */
  year: z.number().nullable(),
  /** Level-1 answers (forms) behind the figures. */
  answers: z.number(),
  /** Level-3 answers behind the figures. */
  effectivenessAnswers: z.number(),
  questions: z.array(QuestionStat),
});
export type RollupPeriod = z.infer<typeof RollupPeriod>;

/** Ratings of a lecturer or an institution: by year (latest first) and over all years. */
export const Rollup = z.object({
  questions: z.array(RollupQuestion),
  total: RollupPeriod,
  years: z.array(RollupPeriod),
});
export type Rollup = z.infer<typeof Rollup>;

/** What the managers of a class see: aggregates and comments, never who wrote them. */
export const ClassFeedback = z.object({
  questions: z.array(RollupQuestion),
  enrolled: z.number(),
  answers: z.number(),
  effectivenessAnswers: z.number(),
  /** Class and organisation questions (level 1). */
  overall: z.array(QuestionStat),
  lecturers: z.array(
    z.object({
      lecturerId: z.number(),
      fullName: z.string(),
      answers: z.number(),
      questions: z.array(QuestionStat),
    }),
  ),
  /** Level-3 questions. */
  effectiveness: z.array(QuestionStat),
  /** Free comments, shuffled, without names or times. */
  comments: z.array(z.object({ level: z.number(), text: z.string() })),
});
export type ClassFeedback = z.infer<typeof ClassFeedback>;
