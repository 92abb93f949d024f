/**
 * The heavy part of reading what a person brings in (an assessment file, a share link, a stored
 * value, a batch of team files) as plain jobs: data in, a compact validated result or the problems
 * out. The file-reading Web Worker (src/workers/file-jobs.worker.ts) runs them off the page's thread,
 * so a file up to the size limit never freezes the page; without a Worker the page runs the same
 * functions itself. Pure: no DOM, no storage; every answer can be posted between threads.
 */
import {
  decodeFileBytes,
  parseAssessmentFile,
  parseSaved,
  type LoadResult,
  type ParseResult,
} from './assessment/file-format.ts';
import { assessmentFromShareLink, type LinkResult } from './assessment/share-import.ts';
import {
  importBatch,
  type ImportResult,
  type TeamEntry,
  type TeamFrameworkInfo,
  type TeamSource,
} from './team/import-batch.ts';
import { parseStoredTeam, serialiseTeam } from './team/storage.ts';
import { readReviewInput, type ReviewFramework, type ReviewRead } from './review/validate.ts';

/** What every job needs to know of a framework: ids, version, hash and scale (no texts: a small message). */
export type JobFramework = TeamFrameworkInfo;

/** The fields of a framework a job uses (ClientFramework and TeamFrameworkInfo fit). */
export function jobFrameworks(frameworks: readonly JobFramework[]): JobFramework[] {
  return frameworks.map((f) => ({
    id: f.id,
    version: f.version,
    hash: f.hash,
    levels: f.levels.map((l) => ({ level: l.level, scope: l.scope })),
    elements: f.elements.map((e) => ({ id: e.id })),
  }));
}

/** A file's bytes, or its text when the bytes could not be read (a folder dropped as a file: ''). */
export type FileContent = { bytes: ArrayBuffer } | { text: string };

/** A team source whose file content is bytes, decoded with the text in the job. */
export type JobSource = Omit<TeamSource, 'text'> & { text: string | null; bytes?: ArrayBuffer };

export type FileJob =
  /** An assessment file: decode (UTF-8 or UTF-16 by its byte order mark), parse, check, validate. */
  | { type: 'file'; content: FileContent; frameworks: JobFramework[] }
  /** The assessment the browser keeps for `frameworkId`. */
  | { type: 'saved'; raw: string; frameworkId: string; frameworks: JobFramework[] }
  /** A share link (the address hash). `now` (ISO) dates the assessment it holds. */
  | { type: 'link'; text: string; now: string; frameworks: JobFramework[] }
  /** A batch of team files and links against the team kept so far. */
  | { type: 'team-import'; existing: TeamEntry[]; sources: JobSource[]; frameworks: JobFramework[]; now: string }
  /** The stored team text. */
  | { type: 'team-stored'; raw: string }
  /** What a manager opens on the review page (a file's text or a share link), checked for the open reviews. */
  | {
      type: 'review';
      text: string;
      frameworks: ReviewFramework[];
      open?: { name: string };
      opened: string[];
      now: string;
    };

/** A team import: the entries added (after the existing ones) and the text to store for the whole team. */
export interface TeamImportAnswer extends Omit<ImportResult, 'entries'> {
  newEntries: TeamEntry[];
  /** serialiseTeam of existing + new entries (only when something was added). */
  stored: string | null;
}

export interface FileJobAnswers {
  /** With an accepted file, its text as the browser keeps it (JSON.stringify of the assessment). */
  file: ParseResult extends infer R ? (R extends { ok: true } ? R & { text: string } : R) : never;
  saved: LoadResult;
  link: LinkResult;
  'team-import': TeamImportAnswer;
  'team-stored': ReturnType<typeof parseStoredTeam>;
  review: ReviewRead;
}
export type FileJobAnswer<J extends FileJob> = FileJobAnswers[J['type']];

const contentText = (c: FileContent): string => ('bytes' in c ? decodeFileBytes(new Uint8Array(c.bytes)) : c.text);

/** Run one job. Never throws for any input (each parser turns every failure into problems). */
export function runFileJob<J extends FileJob>(job: J): FileJobAnswer<J> {
  return run(job) as FileJobAnswer<J>;
}

function run(job: FileJob): FileJobAnswers[keyof FileJobAnswers] {
  switch (job.type) {
    case 'file': {
      const r = parseAssessmentFile(contentText(job.content), { frameworks: job.frameworks });
      return r.ok ? { ...r, text: JSON.stringify(r.assessment) } : r;
    }
    case 'saved':
      return parseSaved(job.raw, job.frameworkId, job.frameworks);
    case 'link':
      return assessmentFromShareLink(job.text, new Date(job.now), job.frameworks);
    case 'team-import': {
      const sources: TeamSource[] = job.sources.map(({ bytes, ...s }) =>
        bytes ? { ...s, text: decodeFileBytes(new Uint8Array(bytes)) } : s,
      );
      const now = new Date(job.now);
      const r = importBatch(job.existing, sources, job.frameworks, now);
      return {
        report: r.report,
        added: r.added,
        newEntries: r.entries.slice(job.existing.length),
        stored: r.added ? serialiseTeam(r.entries, now) : null,
      };
    }
    case 'team-stored':
      return parseStoredTeam(job.raw);
    case 'review':
      return readReviewInput(job.text, job.frameworks, { open: job.open, opened: job.opened, now: new Date(job.now) });
  }
}
