/**
 * What the review page keeps in the browser for one member under review: the member's self-assessment,
 * the manager's review of it, the 1:1 in progress (levels agreed so far, goals, next review) and the
 * agreed records saved so far. One entry per member and framework (lib/review/session.ts), so two
 * members' reviews can never mix. zod/mini, like the assessment schema it builds on.
 */
import * as z from 'zod/mini';
import { Assessment, AssessmentGoal } from './assessment.ts';
import { ID_MESSAGE, ID_PATTERN, isRealIsoDate } from './patterns.ts';

export const REVIEW_SESSION_FORMAT = 'banso-review-session';
export const REVIEW_SESSION_VERSION = 1;

const Id = z.string().check(z.regex(ID_PATTERN, ID_MESSAGE));
const IsoDate = z.string().check(z.refine(isRealIsoDate, 'must be a real date written YYYY-MM-DD'));
const Level = z.number().check(z.int('must be a whole number'), z.minimum(0, 'must be 0 or more'));

/** The 1:1 being prepared: nothing here is agreed until it is saved as an agreed record. */
export const OneOnOneDraft = z.object({
  levels: z.record(Id, Level),
  by: z.array(z.string().check(z.maxLength(120))),
  goals: z.record(Id, AssessmentGoal),
  nextReview: z.optional(IsoDate),
});
export type OneOnOneDraft = z.infer<typeof OneOnOneDraft>;

export const ReviewSession = z.object({
  format: z.literal(REVIEW_SESSION_FORMAT),
  version: z.literal(REVIEW_SESSION_VERSION),
  self: Assessment,
  manager: Assessment,
  draft: OneOnOneDraft,
  /** Agreed records saved from this review, and any imported from earlier cycles; oldest first. */
  agreed: z.array(Assessment).check(z.maxLength(50)),
});
export type ReviewSession = z.infer<typeof ReviewSession>;
