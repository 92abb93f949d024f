/**
 * Every check on what a manager opens in the review page, in one place: a self-assessment file or
 * share link, the manager's own review file, or an agreed record. Each problem is a code with values;
 * the page words it (ui-review.ts, `review.problem.<code>`), so the same checks serve English and
 * Japanese. Pure: nothing is saved here, so a refused file can never change what the browser keeps.
 */
import type { Assessment, AssessmentKind } from '../../schemas/assessment.ts';
import { parseAssessmentFile, type ParseError } from '../assessment/file-format.ts';
import { reconcile } from '../assessment/migrate.ts';
import { assessmentFromLink } from '../team/import-batch.ts';
import { memberKey } from './records.ts';

export interface ReviewFramework {
  id: string;
  version: string;
  hash: string;
  name?: string;
  levels: readonly unknown[];
  elements: readonly { id: string }[];
}

export type ReviewProblem =
  /** The text is not a valid assessment file (parse error of file-format.ts, worded as on /assess/). */
  | { code: 'parse'; error: ParseError }
  | { code: 'link'; details: string[] }
  | { code: 'unknown-framework'; values: { id: string } }
  | { code: 'other-version'; values: { version: string; current: string } }
  | { code: 'out-of-scale'; values: { list: string; max: number } }
  | { code: 'unknown-elements'; values: { list: string } }
  /** A manager's review or an agreed record for a member whose self-assessment is not open here. */
  | { code: 'not-opened'; values: { name: string; kind: AssessmentKind } }
  /** The file is for another member than the one being reviewed. */
  | { code: 'other-member'; values: { name: string; open: string } };

export type ReviewRead = { ok: true; assessment: Assessment } | { ok: false; problem: ReviewProblem };

/** Checks that do not depend on what is open: the framework, its version, the scale and the elements. */
export function checkAgainstFramework(a: Assessment, frameworks: readonly ReviewFramework[]): ReviewProblem | null {
  const fw = frameworks.find((f) => f.id === a.framework.id);
  if (!fw) return { code: 'unknown-framework', values: { id: a.framework.id } };
  const rec = reconcile(a, fw);
  if (rec.outdated) return { code: 'other-version', values: { version: a.framework.version, current: fw.version } };
  if (rec.removed.length)
    return { code: 'unknown-elements', values: { list: rec.removed.map((r) => r.element).join(', ') } };
  if (rec.outOfScale.length)
    return {
      code: 'out-of-scale',
      values: { list: rec.outOfScale.map((o) => `${o.element} (${o.level})`).join(', '), max: fw.levels.length },
    };
  for (const s of a.snapshots) {
    const bad = Object.entries(s.ratings).filter(
      ([id, level]) => !fw.elements.some((e) => e.id === id) || level > fw.levels.length,
    );
    if (bad.length)
      return {
        code: 'out-of-scale',
        values: { list: bad.map(([id, l]) => `${s.date} ${id} (${l})`).join(', '), max: fw.levels.length },
      };
  }
  for (const [id, g] of Object.entries(a.agreement?.goals ?? {}))
    if (!fw.elements.some((e) => e.id === id)) return { code: 'unknown-elements', values: { list: id } };
    else if (g.level > fw.levels.length)
      return { code: 'out-of-scale', values: { list: `${id} (${g.level})`, max: fw.levels.length } };
  return null;
}

/**
 * Read what the manager opened: the text of a file, or a share link (anything with "#…v=").
 * `open` is the member under review (if any) and `opened` the names of every member with a review in
 * this browser: a manager's review or an agreed record must belong to one of them.
 */
export function readReviewInput(
  text: string,
  frameworks: readonly ReviewFramework[],
  ctx: { open?: { name: string }; opened: readonly string[]; now: Date },
): ReviewRead {
  let a: Assessment;
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && /[#&]v=/.test(trimmed)) {
    const r = assessmentFromLink(trimmed.slice(trimmed.indexOf('#')), ctx.now);
    if (!r.ok) return { ok: false, problem: { code: 'link', details: [r.error.code] } };
    a = r.assessment;
  } else {
    const r = parseAssessmentFile(text);
    if (!r.ok) return { ok: false, problem: { code: 'parse', error: r.error } };
    a = r.assessment;
  }
  const fwProblem = checkAgainstFramework(a, frameworks);
  if (fwProblem) return { ok: false, problem: fwProblem };
  if (a.kind !== 'self') {
    const key = memberKey(a.person.name);
    if (!ctx.opened.some((n) => memberKey(n) === key))
      return { ok: false, problem: { code: 'not-opened', values: { name: a.person.name, kind: a.kind } } };
    if (ctx.open && memberKey(ctx.open.name) !== key)
      return { ok: false, problem: { code: 'other-member', values: { name: a.person.name, open: ctx.open.name } } };
  }
  return { ok: true, assessment: a };
}
