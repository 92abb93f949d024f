/**
 * Writing assessment files: the JSON text a person downloads, and its file name. Pure, and free of
 * the validation schema (reading files is lib/assessment/file-format.ts), so pages that only write
 * files do not load the validator.
 */
import type { Assessment, AssessmentRef } from '../../schemas/assessment.ts';

const ref = (r: AssessmentRef): AssessmentRef => ({ kind: r.kind, name: r.name, updatedAt: r.updatedAt, hash: r.hash });

/** The same data with keys in the schema's order, so files diff cleanly whatever built the object. */
function canonical(a: Assessment): Assessment {
  const out: Assessment = {
    format: a.format,
    version: a.version,
    person: { name: a.person.name, role: a.person.role, targetRole: a.person.targetRole },
    kind: a.kind,
    assessor: a.assessor,
    framework: { id: a.framework.id, version: a.framework.version, hash: a.framework.hash },
    ratings: Object.fromEntries(
      Object.entries(a.ratings).map(([id, r]) => [id, { level: r.level, evidence: r.evidence }]),
    ),
    snapshots: a.snapshots.map((s) => ({ date: s.date, ratings: s.ratings, note: s.note, agreedBy: s.agreedBy })),
    updatedAt: a.updatedAt,
    reviewOf: a.reviewOf && ref(a.reviewOf),
    agreement: a.agreement && {
      date: a.agreement.date,
      by: a.agreement.by,
      self: a.agreement.self && ref(a.agreement.self),
      manager: a.agreement.manager && ref(a.agreement.manager),
      goals:
        a.agreement.goals &&
        Object.fromEntries(Object.entries(a.agreement.goals).map(([id, g]) => [id, { level: g.level, due: g.due }])),
      nextReview: a.agreement.nextReview,
    },
  };
  return out;
}

/** The file text: pretty JSON (keys in schema order, absent fields left out) with a final newline. */
export function serialiseAssessment(a: Assessment): string {
  return `${JSON.stringify(canonical(a), null, 2)}\n`;
}

const UNSAFE_IN_FILE_NAMES = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * A file-name-safe slug that keeps letters of any script (山田花子 stays 山田花子): lower-cased,
 * characters unsafe in file names removed, runs of spaces → one "-", at most 60 characters.
 */
export function fileNameSlug(text: string, fallback = 'unnamed'): string {
  const slug = [
    ...String(text ?? '')
      .normalize('NFC')
      .toLowerCase()
      .replace(UNSAFE_IN_FILE_NAMES, '')
      .replace(/\s+/gu, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, ''),
  ]
    .slice(0, 60)
    .join('')
    .replace(/[-.]+$/g, '');
  return slug || fallback;
}

function dateText(date: string | Date): string {
  if (date instanceof Date && !Number.isNaN(date.getTime())) {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
  }
  return typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : 'undated';
}

/**
 * e.g. banso-assessment-hanako-yamada-cs-skills-2026-11-24.json; a manager's review is
 * banso-review-…, an agreed record banso-agreed-…. A Date is read in local time.
 */
export function exportFileName(
  a: Pick<Assessment, 'person' | 'framework'> & { kind?: Assessment['kind'] },
  date: string | Date,
): string {
  const prefix = a.kind === 'manager' ? 'banso-review' : a.kind === 'agreed' ? 'banso-agreed' : 'banso-assessment';
  return `${prefix}-${fileNameSlug(a.person?.name ?? '')}-${fileNameSlug(a.framework?.id ?? '', 'framework')}-${dateText(date)}.json`;
}
