/**
 * Keeping an assessment in the browser, through lib/storage/kept-storage.ts (which never overwrites a
 * value it could not read). The storage is passed in, so this runs in tests and in Node too. Reading is split in two: readSaved (here) fetches the raw entry, and
 * file-format.ts (loadSaved, parseSaved) validates it and hands a corrupt entry back raw so the UI can
 * offer it for download. This module stays free of the validation schema: the self-assessment page
 * loads the validator only when storage holds something to validate.
 */
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION, MAX_SNAPSHOTS } from '../../schemas/assessment-constants.ts';
import type { Assessment, AssessmentKind } from '../../schemas/assessment.ts';
import { frameworkHash, type HashableFramework } from './framework-hash.ts';
import {
  isQuotaError,
  KeptStorage,
  type SaveResult,
  type StorageLike,
  type StoredEntry,
} from '../storage/kept-storage.ts';

export type { SaveResult, StorageLike, StoredEntry };
export { isQuotaError };

export function assessmentStorageKey(frameworkId: string): string {
  return `banso:assessment:${frameworkId}`;
}

export function readSaved(storage: StorageLike | null | undefined, frameworkId: string): StoredEntry {
  return new KeptStorage(storage).raw(assessmentStorageKey(frameworkId));
}

/**
 * Save through a KeptStorage (the island's: it refuses to overwrite a value it could not keep aside).
 * `text` is JSON.stringify(a) when the caller already has it (an imported file, serialised off the page's thread).
 */
export function save(
  storage: StorageLike | KeptStorage | null | undefined,
  a: Assessment,
  text: string = JSON.stringify(a),
): SaveResult {
  const kept = storage instanceof KeptStorage ? storage : new KeptStorage(storage);
  return kept.write(assessmentStorageKey(a.framework.id), text);
}

/**
 * A new assessment with the current levels appended as a snapshot of `date` (YYYY-MM-DD). A snapshot
 * of the same date is replaced where it stands (keeping its note unless a new one is given). Beyond
 * MAX_SNAPSHOTS the oldest snapshots are dropped, so the result stays a valid file.
 */
export function addSnapshot(a: Assessment, date: string, note?: string): Assessment {
  const ratings: Record<string, number> = {};
  for (const [id, r] of Object.entries(a.ratings)) ratings[id] = r.level;
  // The person's own snapshot of that date: agreed levels (snapshots with agreedBy) are never replaced here.
  const existing = a.snapshots.findIndex((s) => s.date === date && !s.agreedBy);
  let snapshots: Assessment['snapshots'];
  if (existing >= 0) {
    const keptNote = note ?? a.snapshots[existing].note;
    const snap = keptNote === undefined ? { date, ratings } : { date, ratings, note: keptNote };
    snapshots = a.snapshots.map((s, i) => (i === existing ? snap : s));
  } else {
    snapshots = [...a.snapshots, note === undefined ? { date, ratings } : { date, ratings, note }];
  }
  if (snapshots.length > MAX_SNAPSHOTS) {
    const keep = new Set(
      snapshots
        .map((s, i) => ({ s, i }))
        .sort((x, y) => (x.s.date < y.s.date ? 1 : x.s.date > y.s.date ? -1 : y.i - x.i))
        .slice(0, MAX_SNAPSHOTS)
        .map((x) => x.i),
    );
    snapshots = snapshots.filter((_, i) => keep.has(i));
  }
  return { ...a, snapshots };
}

export interface EmptyAssessmentFramework extends HashableFramework {
  id: string;
  version: string;
}

export function emptyAssessment(
  fw: EmptyAssessmentFramework,
  person: { name: string; role?: string; targetRole?: string },
  kind: AssessmentKind,
  opts: { assessor?: string; now?: Date } = {},
): Assessment {
  const p: Assessment['person'] = { name: person.name };
  if (person.role) p.role = person.role;
  if (person.targetRole) p.targetRole = person.targetRole;
  const a: Assessment = {
    format: ASSESSMENT_FORMAT,
    version: ASSESSMENT_VERSION,
    person: p,
    kind,
    framework: { id: fw.id, version: fw.version, hash: frameworkHash(fw) },
    ratings: {},
    snapshots: [],
    updatedAt: (opts.now ?? new Date()).toISOString(),
  };
  if (opts.assessor) a.assessor = opts.assessor;
  return a;
}
