/**
 * A share link becomes an assessment in one validated step, for the self-assessment (its "Load it"
 * preview) and the team review alike: the link is parsed, checked against the framework it names
 * (levels within its scale, reserved keys, limits) and validated by the assessment schema. Nothing is
 * saved here; a refusal lists every problem found.
 */
import { Assessment as AssessmentSchema, type Assessment } from '../../schemas/assessment.ts';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION } from '../../schemas/assessment-constants.ts';
import { checkLimits, type LimitFramework } from './file-format.ts';
import { fromZodIssues, type Problem } from './problems.ts';
import { parseShareHash, type ShareErrorCode } from './share-link.ts';

export type LinkResult =
  | { ok: true; assessment: Assessment }
  | { ok: false; error: { code: ShareErrorCode; problems: Problem[]; frameworkId?: string } };

/** The assessment a link holds (kind 'self', dated `now`, no evidence or snapshots), or why it cannot be one. */
export function assessmentFromShareLink(
  text: string,
  now: Date,
  frameworks: readonly LimitFramework[] = [],
): LinkResult {
  const r = parseShareHash(typeof text === 'string' ? text.trim() : text);
  if (!r.ok) return r;
  const v = r.value;
  const person: Assessment['person'] = { name: v.name };
  if (v.role) person.role = v.role;
  if (v.targetRole) person.targetRole = v.targetRole;
  const candidate = {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    person,
    kind: 'self',
    framework: { id: v.frameworkId, version: v.frameworkVersion, hash: v.hash },
    ratings: Object.fromEntries(Object.entries(v.ratings).map(([k, level]) => [k, { level }])),
    snapshots: [],
    updatedAt: now.toISOString(),
  };
  const limits = checkLimits(candidate, frameworks);
  if (limits.length) return { ok: false, error: { code: 'malformed', problems: limits, frameworkId: v.frameworkId } };
  const parsed = AssessmentSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success)
    return {
      ok: false,
      error: { code: 'malformed', problems: fromZodIssues(parsed.error.issues), frameworkId: v.frameworkId },
    };
  return { ok: true, assessment: parsed.data };
}
