/**
 * Importing a team: a batch of assessment files and share links is validated, checked for
 * duplicates and grouped by framework version. Pure (no DOM, no storage): the island reads the files,
 * this decides what they are. Grouping the accepted entries into people is members.ts.
 *
 * Rules
 * - Every source (file or pasted link) is validated with the assessment file format
 *   (parseAssessmentFile / parseShareHash); a bad one is reported with its reason and changes nothing.
 * - Sources are grouped by framework id + version + structural hash. A group whose framework id is
 *   not in the portal is refused ("unknown-framework"); a group of a framework the portal has but at
 *   another version or hash is kept apart ("other-version") and never mixed with the current one.
 * - A person is the normalised name (NFKC, lower case, no white space) within a group, so
 *   "山田　花子" and "山田花子" are one person. Unnamed files are kept as one person each.
 * - Self, manager and agreed assessments of a person are kept apart (kind); see members.ts.
 * - Duplicates are refused and reported: identical content (whatever the white space or key order of
 *   the file), or the same person, kind and updatedAt instant as a file already taken.
 *
 * Share links carry only levels: they become a 'self' assessment dated at import time, without
 * evidence or snapshots.
 */
import { Assessment as AssessmentSchema, ASSESSMENT_FORMAT, ASSESSMENT_VERSION, type Assessment, type AssessmentKind } from '../../schemas/assessment.ts';
import { DEFAULT_MAX_BYTES, formatIssues, parseAssessmentFile, type ParseErrorCode } from '../assessment/file-format.ts';
import { serialiseAssessment } from '../assessment/file-output.ts';
import { parseShareHash, type ShareErrorCode } from '../assessment/share-link.ts';
import { reconcile } from '../assessment/migrate.ts';
import { foldForMatch } from '../text/fold.ts';

export type SourceOrigin = 'file' | 'link';

/** One thing to import: the text of a file, or one pasted link. */
export interface TeamSource {
  /** File name, or a label such as "link 3" for a pasted line. */
  name: string;
  origin: SourceOrigin;
  /** The text; null when it was not read because `size` is over the limit. */
  text: string | null;
  /** Size in bytes when known before reading (File.size). */
  size?: number;
}

/** An accepted assessment, as kept in the browser. */
export interface TeamEntry {
  source: string;
  origin: SourceOrigin;
  assessment: Assessment;
}

/** What the team model needs to know about a framework (ClientFramework fits). */
export interface TeamFrameworkInfo {
  id: string;
  version: string;
  hash: string;
  name?: string;
  levels: readonly { level: number; scope: 'individual' | 'organisation' }[];
  elements: readonly { id: string }[];
}

export type ImportErrorCode = ParseErrorCode | 'unknown-framework' | `link-${ShareErrorCode}`;

export interface ReportItem {
  source: string;
  origin: SourceOrigin;
  /** ok: in a current framework's group; other-version: kept apart; duplicate and error: not taken. */
  status: 'ok' | 'other-version' | 'duplicate' | 'error';
  error?: { code: ImportErrorCode; details?: string[] };
  /** For duplicates: the source already taken, and why this one is a duplicate of it. */
  duplicateOf?: string;
  duplicateReason?: 'identical' | 'same-time';
  /** For taken sources. */
  person?: string;
  kind?: AssessmentKind;
  group?: string;
  framework?: { id: string; version: string };
  /** Element ids rated in the file but not in the framework (kept in the file, ignored here). */
  unknownElements?: string[];
  /** Levels above the framework's scale. */
  outOfScale?: string[];
  unnamed?: boolean;
}

export interface ImportResult {
  /** Every accepted entry: the existing ones first, then the new ones in source order. */
  entries: TeamEntry[];
  /** One line per source, in source order. */
  report: ReportItem[];
  added: number;
}

/** "cs-skills@2026.1#dfe20d61" */
export function groupKey(fw: { id: string; version: string; hash: string }): string {
  return `${fw.id}@${fw.version}#${fw.hash}`;
}

/** The person part of the key: the shared fold (src/lib/text/fold.ts) with all white space removed. */
export function normaliseName(name: string): string {
  return foldForMatch(name).replace(/\s+/gu, '');
}

/** Key of a person within a group; an unnamed file is its own person. */
export function personKey(entry: TeamEntry): string {
  const n = normaliseName(entry.assessment.person.name);
  return n ? `name:${n}` : `unnamed:${entry.source}`;
}

/** Text that is equal for equal content: files by their canonical form, links without the import time. */
function identity(e: TeamEntry): string {
  if (e.origin === 'link') return `link\n${serialiseAssessment({ ...e.assessment, updatedAt: '' })}`;
  return `file\n${serialiseAssessment(e.assessment)}`;
}

function sameTimeKey(e: TeamEntry): string | null {
  if (e.origin === 'link') return null; // links are dated at import: the time says nothing
  const t = Date.parse(e.assessment.updatedAt);
  return `${groupKey(e.assessment.framework)}|${personKey(e)}|${e.assessment.kind}|${Number.isNaN(t) ? e.assessment.updatedAt : t}`;
}

/** An assessment from a pasted share link, or the reason it cannot be one. */
export function assessmentFromLink(text: string, now: Date): { ok: true; assessment: Assessment } | { ok: false; error: { code: ImportErrorCode; details?: string[] } } {
  const r = parseShareHash(text.trim());
  if (!r.ok) return { ok: false, error: { code: `link-${r.error.code}`, details: r.error.details } };
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
  const parsed = AssessmentSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, error: { code: 'link-malformed', details: formatIssues(parsed.error.issues) } };
  return { ok: true, assessment: parsed.data };
}

/**
 * Import a batch into the team. `existing` is never changed; the result holds the new full list.
 * `frameworks` are the portal's frameworks as they are today.
 */
export function importBatch(existing: readonly TeamEntry[], sources: readonly TeamSource[], frameworks: readonly TeamFrameworkInfo[], now: Date = new Date()): ImportResult {
  const entries = [...existing];
  const seen = new Map<string, string>();
  const seenTime = new Map<string, string>();
  for (const e of existing) {
    seen.set(identity(e), e.source);
    const k = sameTimeKey(e);
    if (k) seenTime.set(k, e.source);
  }
  const fwById = new Map(frameworks.map((f) => [f.id, f]));
  const report: ReportItem[] = [];
  let added = 0;

  for (const src of sources) {
    const base = { source: src.name, origin: src.origin };
    let assessment: Assessment;
    if (src.origin === 'file') {
      if (src.text === null || (src.size !== undefined && src.size > DEFAULT_MAX_BYTES)) {
        report.push({ ...base, status: 'error', error: { code: 'too-large', details: [`the file is larger than ${DEFAULT_MAX_BYTES / (1024 * 1024)} MB`] } });
        continue;
      }
      const r = parseAssessmentFile(src.text);
      if (!r.ok) {
        report.push({ ...base, status: 'error', error: r.error });
        continue;
      }
      assessment = r.assessment;
    } else {
      const r = assessmentFromLink(src.text ?? '', now);
      if (!r.ok) {
        report.push({ ...base, status: 'error', error: r.error });
        continue;
      }
      assessment = r.assessment;
    }

    const fw = fwById.get(assessment.framework.id);
    if (!fw) {
      report.push({
        ...base,
        status: 'error',
        error: { code: 'unknown-framework', details: [`framework.id: "${assessment.framework.id}"; known: ${[...fwById.keys()].join(', ') || 'none'}`] },
      });
      continue;
    }

    const entry: TeamEntry = { source: src.name, origin: src.origin, assessment };
    const id = identity(entry);
    const first = seen.get(id);
    if (first !== undefined) {
      report.push({ ...base, status: 'duplicate', duplicateOf: first, duplicateReason: 'identical', person: assessment.person.name, kind: assessment.kind });
      continue;
    }
    const tk = sameTimeKey(entry);
    const firstTime = tk ? seenTime.get(tk) : undefined;
    if (firstTime !== undefined) {
      report.push({ ...base, status: 'duplicate', duplicateOf: firstTime, duplicateReason: 'same-time', person: assessment.person.name, kind: assessment.kind });
      continue;
    }
    seen.set(id, src.name);
    if (tk) seenTime.set(tk, src.name);
    entries.push(entry);
    added++;

    const rec = reconcile(assessment, fw);
    const item: ReportItem = {
      ...base,
      status: rec.outdated ? 'other-version' : 'ok',
      person: assessment.person.name,
      kind: assessment.kind,
      group: groupKey(assessment.framework),
      framework: { id: assessment.framework.id, version: assessment.framework.version },
    };
    if (rec.removed.length) item.unknownElements = rec.removed.map((r) => r.element);
    if (rec.outOfScale.length) item.outOfScale = rec.outOfScale.map((o) => o.element);
    if (!assessment.person.name.trim()) item.unnamed = true;
    report.push(item);
  }
  return { entries, report, added };
}
