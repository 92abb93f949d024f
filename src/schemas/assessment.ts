/**
 * The one definition of a skill-assessment file. Used for the file people download and import, for
 * what the browser keeps in localStorage, and to validate any of those at run time.
 *
 * A file is tied to one framework (track) by id, version and a structural hash (see
 * lib/assessment/framework-hash.ts), so a later framework change never silently re-reads old
 * ratings: lib/assessment/migrate.ts reports what no longer fits instead.
 */
/*
 * Written with zod/mini (the tree-shakable API of the same zod 4 that astro/zod exports): this schema
 * ships to the browser in the self-assessment and team islands, where full zod would cost ~25 KB gzip.
 */
import * as z from 'zod/mini';
import { ID_MESSAGE, ID_PATTERN, isRealIsoDate } from './patterns.ts';

import {
  ASSESSMENT_FORMAT,
  ASSESSMENT_KINDS,
  ASSESSMENT_VERSION,
  MAX_AGREED_BY,
  MAX_EVIDENCE,
  MAX_PERSON_NAME,
  MAX_SNAPSHOT_NOTE,
  MAX_SNAPSHOTS,
} from './assessment-constants.ts';

const Id = z.string().check(z.regex(ID_PATTERN, ID_MESSAGE));
// `params.problem` names the problem for lib/assessment/problems.ts (messages in the page's language).
const IsoDate = z
  .string()
  .check(
    z.refine(isRealIsoDate, { message: 'must be a real date written YYYY-MM-DD', params: { problem: 'not-date' } }),
  );
const Level = z.number().check(z.int('must be a whole number'), z.minimum(0, 'must be 0 or more'));

/** Length in Unicode code points, so an emoji or a kanji counts as one character. */
const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** The person's name; may be empty while someone has not typed it yet (files then say "unnamed"). */
export const AssessmentPersonName = z.string().check(
  z.refine((s) => codePoints(s) <= MAX_PERSON_NAME, {
    message: `must be at most ${MAX_PERSON_NAME} characters`,
    params: { problem: 'too-long', max: MAX_PERSON_NAME },
  }),
);

export const AssessmentKind = z.enum(ASSESSMENT_KINDS);
export type AssessmentKind = z.infer<typeof AssessmentKind>;

/** A rating of one element: the level reached (0 = not yet at level 1) and the evidence behind it. */
export const AssessmentRating = z.object({
  level: Level,
  evidence: z.optional(
    z.string().check(z.maxLength(MAX_EVIDENCE, `evidence must be at most ${MAX_EVIDENCE} characters`)),
  ),
});
export type AssessmentRating = z.infer<typeof AssessmentRating>;

/** The names of the people who agreed levels in a 1:1 (the member and the manager). */
const AgreedBy = z
  .array(AssessmentPersonName)
  .check(z.minLength(1, 'names at least one person'), z.maxLength(MAX_AGREED_BY));

/**
 * Levels on one day, kept so progress can be drawn over time. A snapshot with `agreedBy` holds levels
 * agreed in a 1:1 (imported from an agreed record), not the person's own rating.
 */
export const AssessmentSnapshot = z.object({
  date: IsoDate,
  ratings: z.record(Id, Level),
  note: z.optional(z.string().check(z.maxLength(MAX_SNAPSHOT_NOTE))),
  agreedBy: z.optional(AgreedBy),
});
export type AssessmentSnapshot = z.infer<typeof AssessmentSnapshot>;

export const AssessmentFrameworkRef = z.object({
  id: Id,
  version: z.string().check(z.trim(), z.minLength(1, 'is required'), z.maxLength(64)),
  /** Structural hash of the framework the ratings were made against (frameworkHash). */
  hash: z.string().check(z.regex(/^[0-9a-z]{1,64}$/, 'must be a short hash of lower-case letters and digits')),
});
export type AssessmentFrameworkRef = z.infer<typeof AssessmentFrameworkRef>;

/**
 * Which assessment file a review or an agreement was made from: its kind, the person it names, when it
 * was saved and a hash of its content (lib/review/file-links.ts contentHash), so a record can be
 * matched to the exact file both people saw.
 */
export const AssessmentRef = z.object({
  kind: z.enum(['self', 'manager']),
  name: AssessmentPersonName,
  updatedAt: z.iso.datetime({ offset: true }),
  hash: z.string().check(z.regex(/^[0-9a-f]{8,64}$/, 'must be a hash of lower-case hexadecimal digits')),
});
export type AssessmentRef = z.infer<typeof AssessmentRef>;

/** A goal for the next cycle: the level to reach on an element, and by when. */
export const AssessmentGoal = z.object({
  level: Level,
  due: z.optional(IsoDate),
});
export type AssessmentGoal = z.infer<typeof AssessmentGoal>;

/** What a 1:1 agreed (kind "agreed" only): when, who, from which two files, and the goals until the next review. */
export const AssessmentAgreement = z.object({
  date: IsoDate,
  by: AgreedBy,
  self: z.optional(AssessmentRef),
  manager: z.optional(AssessmentRef),
  goals: z.optional(z.record(Id, AssessmentGoal)),
  nextReview: z.optional(IsoDate),
});
export type AssessmentAgreement = z.infer<typeof AssessmentAgreement>;

const AssessmentObject = z.object({
  format: z.literal(ASSESSMENT_FORMAT),
  version: z.literal(ASSESSMENT_VERSION),
  person: z.object({
    name: AssessmentPersonName,
    role: z.optional(Id),
    targetRole: z.optional(Id),
  }),
  kind: AssessmentKind,
  /** Who made the rating when it is not the person (e.g. the manager). */
  assessor: z.optional(z.string().check(z.maxLength(MAX_PERSON_NAME))),
  framework: AssessmentFrameworkRef,
  /** Element id → rating. Elements missing here are "not rated". */
  ratings: z.record(Id, AssessmentRating),
  snapshots: z.array(AssessmentSnapshot).check(z.maxLength(MAX_SNAPSHOTS, `at most ${MAX_SNAPSHOTS} snapshots`)),
  updatedAt: z.iso.datetime({ offset: true }),
  /** kind "manager": the self-assessment this review was made from. */
  reviewOf: z.optional(AssessmentRef),
  /** kind "agreed": the agreement (required there, refused elsewhere). */
  agreement: z.optional(AssessmentAgreement),
});

/**
 * Files written before the review cycle (no reviewOf, no agreement) stay valid: both fields are
 * optional, and only an agreed record must carry its agreement.
 */
export const Assessment = AssessmentObject.check(
  z.refine((a) => (a.kind === 'agreed') === (a.agreement !== undefined), {
    message: 'an agreed record (kind "agreed") needs an "agreement", and only an agreed record may have one',
    path: ['agreement'],
  }),
  z.refine((a) => a.reviewOf === undefined || a.kind === 'manager', {
    message: "only a manager's review refers to the assessment it reviewed",
    path: ['reviewOf'],
  }),
);
export type Assessment = z.infer<typeof Assessment>;
