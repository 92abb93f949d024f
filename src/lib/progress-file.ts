/**
 * One progress file for a person: collect everything the portal keeps in this browser, read a file back
 * with full validation, and merge it in so that nothing is lost on either side. Pure: storage is passed in.
 */
import { ProgressFile, PROGRESS_FORMAT, PROGRESS_VERSION } from '../schemas/progress.ts';
import type { Assessment } from '../schemas/assessment.ts';
import { formatIssues, parseAssessmentFile, utf8ByteLength } from './assessment/file-format.ts';
import { parseState, serialiseState } from './onboarding-progress.ts';
import { parsePosition, POSITION_KEY, serialisePosition } from './plane.ts';
import { parsePrefs, PREFS_KEY, serialisePrefs } from './prefs.ts';
import { parseFocus, serialiseFocus } from './assessment/focus-plan.ts';

export interface ProgressStorage {
  readonly length: number;
  key(i: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const ASSESSMENT = 'banso:assessment:';
const ONBOARDING = 'banso:onboarding:';
const PLAN = 'banso:plan:';
export const MAX_PROGRESS_BYTES = 20 * 1024 * 1024;

export interface Collected {
  file: ProgressFile /** Keys whose saved data could not be read (left out of the file, untouched in storage). */;
  unreadable: string[];
}

/** Everything this browser keeps for the person. Unreadable entries are listed, never guessed at. */
export function collectProgress(storage: ProgressStorage, now: Date): Collected {
  const file: ProgressFile = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: now.toISOString(),
    assessments: [],
    onboarding: {},
    plane: [],
    prefs: {},
  };
  const unreadable: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k) keys.push(k);
  }
  for (const k of keys.sort()) {
    const raw = storage.getItem(k);
    if (raw === null) continue;
    if (k.startsWith(ASSESSMENT)) {
      const r = parseAssessmentFile(raw, { maxBytes: Number.POSITIVE_INFINITY });
      if (r.ok && r.assessment.framework.id === k.slice(ASSESSMENT.length)) file.assessments.push(r.assessment);
      else unreadable.push(k);
    } else if (k.startsWith(ONBOARDING)) {
      const s = parseState(raw);
      file.onboarding[k.slice(ONBOARDING.length)] = {
        done: [...s.done].sort(),
        ...(s.start ? { start: s.start } : {}),
      };
    } else if (k.startsWith(PLAN)) {
      const f = parseFocus(raw);
      if (f.length) file.plans = { ...file.plans, [k.slice(PLAN.length)]: f };
    } else if (k === POSITION_KEY) file.plane = [...parsePosition(raw)].sort();
    else if (k === PREFS_KEY) file.prefs = parsePrefs(raw);
  }
  return { file, unreadable };
}

export type ProgressParse =
  | { ok: true; file: ProgressFile }
  | { ok: false; code: 'too-large' | 'not-json' | 'wrong-format' | 'invalid'; details: string[] };

export function parseProgressFile(text: string): ProgressParse {
  if (text.length > MAX_PROGRESS_BYTES || utf8ByteLength(text) > MAX_PROGRESS_BYTES)
    return { ok: false, code: 'too-large', details: ['the file is larger than 20 MB'] };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, code: 'not-json', details: [String(e instanceof Error ? e.message : e)] };
  }
  const rec = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  if (rec.format !== PROGRESS_FORMAT) {
    const hint =
      rec.format === 'banso-assessment'
        ? 'this is an assessment file: import it on the self-assessment page'
        : `expected format "${PROGRESS_FORMAT}"`;
    return { ok: false, code: 'wrong-format', details: [hint] };
  }
  const r = ProgressFile.safeParse(data);
  if (!r.success) return { ok: false, code: 'invalid', details: formatIssues(r.error.issues) };
  return { ok: true, file: r.data };
}

export interface MergeReport {
  /** Framework ids whose assessment now comes from the file / stayed as this browser had it (newer here). */
  assessmentsFromFile: string[];
  assessmentsKept: string[];
  onboarding: string[];
  plane: boolean;
  prefs: boolean;
  /** Frameworks whose growth-plan focus came from the file (a plan already here stays). */
  plans: string[];
}

/** Merge two copies of one framework's assessment: the newer one's ratings, the snapshots of both. */
export function mergeAssessments(here: Assessment, incoming: Assessment): { merged: Assessment; fromFile: boolean } {
  const fromFile = incoming.updatedAt > here.updatedAt;
  const newer = fromFile ? incoming : here;
  const older = fromFile ? here : incoming;
  const byDate = new Map(older.snapshots.map((s) => [s.date, s]));
  for (const s of newer.snapshots) byDate.set(s.date, s);
  const snapshots = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { merged: { ...newer, person: { ...older.person, ...newer.person }, snapshots }, fromFile };
}

/**
 * Write a validated file into storage without losing anything either side holds: newer assessment
 * ratings win and snapshots of both are kept, ticked onboarding items are united, a start date already
 * set here stays, marked map cells are united, view choices here stay. Every value is computed before
 * the first write; if a write fails, the values written so far are put back.
 */
export function applyProgress(
  storage: ProgressStorage & { removeItem(key: string): void },
  file: ProgressFile,
): MergeReport {
  const report: MergeReport = {
    assessmentsFromFile: [],
    assessmentsKept: [],
    onboarding: [],
    plane: false,
    prefs: false,
    plans: [],
  };
  const writes = new Map<string, string>();
  for (const a of file.assessments) {
    const key = ASSESSMENT + a.framework.id;
    const raw = storage.getItem(key);
    const here = raw === null ? null : parseAssessmentFile(raw, { maxBytes: Number.POSITIVE_INFINITY });
    if (raw !== null && !here?.ok) {
      report.assessmentsKept.push(a.framework.id);
      continue;
    } // unreadable here: never overwritten
    const { merged, fromFile } = here?.ok ? mergeAssessments(here.assessment, a) : { merged: a, fromFile: true };
    writes.set(key, JSON.stringify(merged));
    (fromFile ? report.assessmentsFromFile : report.assessmentsKept).push(a.framework.id);
  }
  for (const [track, p] of Object.entries(file.onboarding)) {
    const here = parseState(storage.getItem(ONBOARDING + track));
    const start = here.start ?? p.start;
    writes.set(
      ONBOARDING + track,
      serialiseState({ done: new Set([...here.done, ...p.done]), ...(start ? { start } : {}) }),
    );
    report.onboarding.push(track);
  }
  for (const [fw, focus] of Object.entries(file.plans ?? {})) {
    if (parseFocus(storage.getItem(PLAN + fw)).length) continue;
    writes.set(PLAN + fw, serialiseFocus(focus));
    report.plans.push(fw);
  }
  if (file.plane.length) {
    writes.set(
      POSITION_KEY,
      serialisePosition(new Set([...parsePosition(storage.getItem(POSITION_KEY)), ...file.plane])),
    );
    report.plane = true;
  }
  if (Object.keys(file.prefs).length) {
    writes.set(PREFS_KEY, serialisePrefs({ ...file.prefs, ...parsePrefs(storage.getItem(PREFS_KEY)) }));
    report.prefs = true;
  }
  const before = new Map([...writes.keys()].map((k) => [k, storage.getItem(k)]));
  const done: string[] = [];
  try {
    for (const [k, v] of writes) {
      storage.setItem(k, v);
      done.push(k);
    }
  } catch (e) {
    for (const k of done) {
      const old = before.get(k);
      if (old === null || old === undefined) storage.removeItem(k);
      else storage.setItem(k, old);
    }
    throw e;
  }
  return report;
}
