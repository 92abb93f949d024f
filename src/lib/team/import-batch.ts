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
 * - Duplicates are refused and reported by content: the same data (whatever the white space or key
 *   order of the file) as a file already taken; the report names the file kept. Files of the same
 *   person, kind and updatedAt instant with other content are both kept, and the report says so.
 *
 * Share links carry only levels: they become a 'self' assessment dated at import time, without
 * evidence or snapshots.
 */
import type { Assessment, AssessmentKind } from '../../schemas/assessment.ts';
import { MAX_FILE_BYTES } from '../../schemas/assessment-constants.ts';
import { parseAssessmentFile, type ParseErrorCode } from '../assessment/file-format.ts';
import { serialiseAssessment } from '../assessment/file-output.ts';
import type { ShareErrorCode } from '../assessment/share-link.ts';
import { assessmentFromShareLink } from '../assessment/share-import.ts';
import type { Problem } from '../assessment/problems.ts';
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
  error?: {
    code: ImportErrorCode;
    problems: Problem[] /** The framework the source names, for wording its problems. */;
    frameworkId?: string;
  };
  /** For duplicates: the source kept (the first with this content); this one was not taken. */
  duplicateOf?: string;
  duplicateReason?: 'identical';
  /** For taken sources: another taken file of the same person, kind and save time, with other content (both kept). */
  sameTimeAs?: string;
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

/** An assessment from a pasted share link, or the reason it cannot be one (one validated conversion: share-import.ts). */
export function assessmentFromLink(
  text: string,
  now: Date,
  frameworks: readonly TeamFrameworkInfo[] = [],
): { ok: true; assessment: Assessment } | { ok: false; error: NonNullable<ReportItem['error']> } {
  const r = assessmentFromShareLink(text, now, frameworks);
  if (!r.ok) return { ok: false, error: { ...r.error, code: `link-${r.error.code}` } };
  return r;
}

/**
 * Import a batch into the team. `existing` is never changed; the result holds the new full list.
 * `frameworks` are the portal's frameworks as they are today.
 */
export function importBatch(
  existing: readonly TeamEntry[],
  sources: readonly TeamSource[],
  frameworks: readonly TeamFrameworkInfo[],
  now: Date = new Date(),
): ImportResult {
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
      if (src.text === null || (src.size !== undefined && src.size > MAX_FILE_BYTES)) {
        report.push({
          ...base,
          status: 'error',
          error: {
            code: 'too-large',
            problems: [{ code: 'too-large', path: [], params: { mb: MAX_FILE_BYTES / (1024 * 1024) } }],
          },
        });
        continue;
      }
      const r = parseAssessmentFile(src.text, { frameworks });
      if (!r.ok) {
        report.push({ ...base, status: 'error', error: r.error });
        continue;
      }
      assessment = r.assessment;
    } else {
      const r = assessmentFromLink(src.text ?? '', now, frameworks);
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
        error: { code: 'unknown-framework', problems: [] },
        framework: { id: assessment.framework.id, version: assessment.framework.version },
      });
      continue;
    }

    const entry: TeamEntry = { source: src.name, origin: src.origin, assessment };
    const id = identity(entry);
    const first = seen.get(id);
    if (first !== undefined) {
      report.push({
        ...base,
        status: 'duplicate',
        duplicateOf: first,
        duplicateReason: 'identical',
        person: assessment.person.name,
        kind: assessment.kind,
      });
      continue;
    }
    // Same person, kind and save time but other content (e.g. edited by hand): both are kept, and said so.
    const tk = sameTimeKey(entry);
    const firstTime = tk ? seenTime.get(tk) : undefined;
    seen.set(id, src.name);
    if (tk && firstTime === undefined) seenTime.set(tk, src.name);
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
    if (firstTime !== undefined) item.sameTimeAs = firstTime;
    report.push(item);
  }
  return { entries, report, added };
}
