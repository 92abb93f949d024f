/**
 * The three records of a review cycle and the links between them. Pure.
 *
 * - self: the member's own assessment (made on /assess/).
 * - manager: the manager's review of it (kind "manager"); `reviewOf` names the self-assessment it was
 *   made from: the person, its updatedAt and a hash of its content.
 * - agreed: the levels both agreed in the 1:1 (kind "agreed"); `agreement` names the self and the
 *   manager file it was agreed from, who agreed, the goals for the next cycle and the next review date.
 *   Its single snapshot (with `agreedBy`) is what goes into the member's history.
 *
 * A content hash is taken over the file's canonical text (file-output.ts serialiseAssessment), so the
 * same content has the same hash whatever the white space or key order of the file it came from.
 */
import type { Assessment, AssessmentAgreement, AssessmentGoal, AssessmentRef } from '../../schemas/assessment.ts';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION } from '../../schemas/assessment-constants.ts';
import { serialiseAssessment } from '../assessment/file-output.ts';
import { fnv1a32 } from '../hash.ts';

/** Two FNV-1a passes (the text and its length-salted copy): 16 hex digits, enough to tell files apart. */
export function contentHash(a: Assessment): string {
  const text = serialiseAssessment(a);
  return fnv1a32(text) + fnv1a32(`${text.length}\n${text}`);
}

/** The reference a later record keeps to `a`. */
export function refOf(a: Assessment): AssessmentRef {
  if (a.kind === 'agreed') throw new Error('an agreed record is not referred to by another record');
  return { kind: a.kind, name: a.person.name, updatedAt: a.updatedAt, hash: contentHash(a) };
}

/** True when `ref` names exactly this file's content. */
export function refMatches(ref: AssessmentRef | undefined, a: Assessment): boolean {
  return !!ref && ref.kind === a.kind && ref.hash === contentHash(a);
}

/** The person part of a member key: NFKC, lower case, no white space ("山田　花子" = "山田花子"). */
export function memberKey(name: string): string {
  return String(name ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, '');
}

export function samePerson(a: Pick<Assessment, 'person'>, b: Pick<Assessment, 'person'>): boolean {
  return memberKey(a.person.name) === memberKey(b.person.name);
}

/** A new manager's review of `self`: same person and framework, no ratings yet. */
export function startManagerReview(self: Assessment, assessor: string, now: Date): Assessment {
  const a: Assessment = {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    person: { ...self.person },
    kind: 'manager',
    framework: { ...self.framework },
    ratings: {},
    snapshots: [],
    updatedAt: now.toISOString(),
    reviewOf: refOf(self),
  };
  if (assessor) a.assessor = assessor;
  return a;
}

/** The manager's review pointed at a newer copy of the member's self-assessment (ratings kept). */
export function relinkManagerReview(manager: Assessment, self: Assessment): Assessment {
  return { ...manager, reviewOf: refOf(self) };
}

/** The manager agrees with the member on one element: the member's level, keeping the manager's comment. */
export function agreeWithSelf(manager: Assessment, self: Assessment, element: string): Assessment {
  const own = Object.hasOwn(self.ratings, element) ? self.ratings[element] : undefined;
  if (!own) return manager;
  const prev = Object.hasOwn(manager.ratings, element) ? manager.ratings[element] : undefined;
  const rating = prev?.evidence ? { level: own.level, evidence: prev.evidence } : { level: own.level };
  return { ...manager, ratings: { ...manager.ratings, [element]: rating } };
}

export interface AgreedInput {
  self: Assessment;
  manager: Assessment;
  /** element id → agreed level; elements left out were not agreed. */
  levels: Record<string, number>;
  /** YYYY-MM-DD */
  date: string;
  by: string[];
  goals?: Record<string, AssessmentGoal>;
  nextReview?: string;
  now: Date;
}

/** The agreed record of a 1:1: the agreed levels, one history snapshot, and the links to both files. */
export function agreedRecord(input: AgreedInput): Assessment {
  const by = input.by.map((n) => n.trim()).filter(Boolean);
  const agreement: AssessmentAgreement = {
    date: input.date,
    by,
    self: refOf(input.self),
    manager: refOf(input.manager),
  };
  const goals = Object.entries(input.goals ?? {}).filter(([, g]) => Number.isInteger(g.level));
  if (goals.length)
    agreement.goals = Object.fromEntries(
      goals.map(([id, g]) => [id, g.due ? { level: g.level, due: g.due } : { level: g.level }]),
    );
  if (input.nextReview) agreement.nextReview = input.nextReview;
  const ratings = Object.fromEntries(Object.entries(input.levels).map(([id, level]) => [id, { level }]));
  const a: Assessment = {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    person: { ...input.self.person },
    kind: 'agreed',
    framework: { ...input.self.framework },
    ratings,
    snapshots: [{ date: input.date, ratings: { ...input.levels }, agreedBy: by }],
    updatedAt: input.now.toISOString(),
    agreement,
  };
  if (input.manager.assessor) a.assessor = input.manager.assessor;
  return a;
}

export type LinkProblem = 'self-person' | 'self-changed' | 'manager-person' | 'manager-changed' | 'review-of-other';

/**
 * How an agreed record (or a manager's review) fits the files it names. An empty list means every
 * link holds: same person, and the exact content both people saw.
 */
export function checkLinks(files: { self?: Assessment; manager?: Assessment; agreed?: Assessment }): LinkProblem[] {
  const out: LinkProblem[] = [];
  const { self, manager, agreed } = files;
  if (manager && self && manager.reviewOf && !refMatches(manager.reviewOf, self)) out.push('review-of-other');
  const ag = agreed?.agreement;
  if (agreed && ag) {
    if (self) {
      if (!samePerson(agreed, self)) out.push('self-person');
      else if (ag.self && !refMatches(ag.self, self)) out.push('self-changed');
    }
    if (manager) {
      if (!samePerson(agreed, manager)) out.push('manager-person');
      else if (ag.manager && !refMatches(ag.manager, manager)) out.push('manager-changed');
    }
  }
  return out;
}

/** Level of an element in a record, or null when it was not rated. */
export function levelIn(a: Pick<Assessment, 'ratings'> | undefined, element: string): number | null {
  if (!a || !Object.hasOwn(a.ratings, element)) return null;
  return a.ratings[element].level;
}
