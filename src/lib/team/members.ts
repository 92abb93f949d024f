/**
 * The team's people: accepted entries (import-batch.ts) grouped by framework version and person, each
 * person with their self, manager and agreed assessments and a dated history of each. Pure.
 *
 * Several files of the same person and kind become that person's history, ordered by updatedAt;
 * the snapshots inside each file are points of that history too.
 */
import type { Assessment, AssessmentKind } from '../../schemas/assessment.ts';
import { groupKey, personKey, type TeamEntry, type TeamFrameworkInfo } from './import-batch.ts';

/** One point of a person's history: the levels on a date. */
export interface HistoryPoint {
  /** YYYY-MM-DD */
  date: string;
  ratings: Record<string, number>;
  /** The file it came from. */
  source: string;
  /** From a snapshot inside the file (true) or the file's current ratings at its updatedAt date (false). */
  snapshot: boolean;
  note?: string;
  /** Levels agreed in a 1:1 (an agreed record, or an agreed snapshot in the member's own file): who agreed. */
  agreedBy?: string[];
}

export interface MemberKind {
  /** This person's files of this kind, oldest first (by updatedAt, then import order). */
  entries: TeamEntry[];
  /** The newest file: its ratings are the person's current levels. */
  latest: TeamEntry;
  /** Every dated point, oldest first, one per date (a later file wins a shared date). */
  history: HistoryPoint[];
}

export interface Member {
  key: string;
  /** Display name (from the newest file); empty for unnamed files. */
  name: string;
  /** For unnamed files, the file name, so the person can be told apart. */
  unnamedSource?: string;
  /** From the newest file of either kind that names one. */
  role?: string;
  targetRole?: string;
  self?: MemberKind;
  manager?: MemberKind;
  /** Agreed records from 1:1s (kind "agreed"). */
  agreed?: MemberKind;
}

export interface TeamGroup {
  key: string;
  frameworkId: string;
  version: string;
  hash: string;
  /** current: matches the portal's framework; other-version: same framework id, another version or hash. */
  status: 'current' | 'other-version';
  members: Member[];
  files: number;
}

const time = (e: TeamEntry) => {
  const t = Date.parse(e.assessment.updatedAt);
  return Number.isNaN(t) ? 0 : t;
};

function levelsOf(a: Assessment): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, r] of Object.entries(a.ratings)) out[id] = r.level;
  return out;
}

function buildKind(list: { entry: TeamEntry; order: number }[]): MemberKind {
  const sorted = [...list].sort((a, b) => time(a.entry) - time(b.entry) || a.order - b.order).map((x) => x.entry);
  const byDate = new Map<string, HistoryPoint>();
  // Later files overwrite earlier ones on the same date; within a file the current ratings overwrite a snapshot.
  for (const e of sorted) {
    for (const s of e.assessment.snapshots) {
      const p: HistoryPoint = { date: s.date, ratings: { ...s.ratings }, source: e.source, snapshot: true };
      if (s.note !== undefined) p.note = s.note;
      if (s.agreedBy) p.agreedBy = [...s.agreedBy];
      // An agreed snapshot and the member's own rating on the same day are both kept.
      byDate.set(s.agreedBy ? `${s.date} agreed` : s.date, p);
    }
    const agreement = e.assessment.agreement;
    const date = agreement ? agreement.date : e.assessment.updatedAt.slice(0, 10);
    const p: HistoryPoint = { date, ratings: levelsOf(e.assessment), source: e.source, snapshot: false };
    if (agreement) p.agreedBy = [...agreement.by];
    byDate.set(agreement ? `${date} agreed` : date, p);
  }
  const history = [...byDate.values()].sort(
    (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || Number(!!a.agreedBy) - Number(!!b.agreedBy),
  );
  return { entries: sorted, latest: sorted[sorted.length - 1], history };
}

/**
 * Group the accepted entries by framework version and person. Groups come in the portal's framework
 * order, current version first; members in the order they were first seen (the UI sorts them).
 */
export function buildTeam(entries: readonly TeamEntry[], frameworks: readonly TeamFrameworkInfo[]): TeamGroup[] {
  const fwIndex = new Map(frameworks.map((f, i) => [f.id, i]));
  type Listed = { entry: TeamEntry; order: number }[];
  const groups = new Map<
    string,
    { fw: TeamEntry['assessment']['framework']; people: Map<string, Record<AssessmentKind, Listed>>; files: number }
  >();
  entries.forEach((entry, order) => {
    const fw = entry.assessment.framework;
    if (!fwIndex.has(fw.id)) return;
    const gk = groupKey(fw);
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { fw, people: new Map(), files: 0 }));
    g.files++;
    const pk = personKey(entry);
    let p = g.people.get(pk);
    if (!p) g.people.set(pk, (p = { self: [], manager: [], agreed: [] }));
    p[entry.assessment.kind].push({ entry, order });
  });

  const out: TeamGroup[] = [];
  for (const [key, g] of groups) {
    const current = frameworks.find((f) => f.id === g.fw.id)!;
    const members: Member[] = [];
    for (const [pk, p] of g.people) {
      const self = p.self.length ? buildKind(p.self) : undefined;
      const manager = p.manager.length ? buildKind(p.manager) : undefined;
      const agreed = p.agreed.length ? buildKind(p.agreed) : undefined;
      const all = [...(self?.entries ?? []), ...(manager?.entries ?? []), ...(agreed?.entries ?? [])].sort(
        (a, b) => time(a) - time(b),
      );
      const newest = all[all.length - 1];
      const m: Member = { key: pk, name: newest.assessment.person.name.trim() };
      if (!m.name) m.unnamedSource = newest.source;
      for (let i = all.length - 1; i >= 0; i--)
        if (all[i].assessment.person.role) {
          m.role = all[i].assessment.person.role;
          break;
        }
      for (let i = all.length - 1; i >= 0; i--)
        if (all[i].assessment.person.targetRole) {
          m.targetRole = all[i].assessment.person.targetRole;
          break;
        }
      if (self) m.self = self;
      if (manager) m.manager = manager;
      if (agreed) m.agreed = agreed;
      members.push(m);
    }
    out.push({
      key,
      frameworkId: g.fw.id,
      version: g.fw.version,
      hash: g.fw.hash,
      status: current.version === g.fw.version && current.hash === g.fw.hash ? 'current' : 'other-version',
      members,
      files: g.files,
    });
  }
  return out.sort(
    (a, b) =>
      fwIndex.get(a.frameworkId)! - fwIndex.get(b.frameworkId)! ||
      (a.status === b.status ? 0 : a.status === 'current' ? -1 : 1) ||
      (a.version < b.version ? 1 : a.version > b.version ? -1 : 0) ||
      (a.key < b.key ? -1 : 1),
  );
}

/**
 * Which assessment a view reads: 'preferred' takes the best there is for each member (agreed levels,
 * else the manager's, else the member's own); the others read only one kind.
 */
export type RatingSource = 'preferred' | 'agreed' | 'manager' | 'self';

/** Preference order of 'preferred'. */
export const KIND_PREFERENCE: readonly AssessmentKind[] = ['agreed', 'manager', 'self'];

/** The kind a member is shown with under `source`, or undefined when they have none of it. */
export function kindFor(m: Member, source: RatingSource): AssessmentKind | undefined {
  if (source !== 'preferred') return m[source] ? source : undefined;
  return KIND_PREFERENCE.find((k) => m[k]);
}

/** The member's current levels (element id → level) under `source`. */
export function currentLevels(
  m: Member,
  source: RatingSource,
): { kind: AssessmentKind; levels: Record<string, number>; entry: TeamEntry } | undefined {
  const kind = kindFor(m, source);
  if (!kind) return undefined;
  const k = m[kind]!;
  return { kind, levels: levelsOf(k.latest.assessment), entry: k.latest };
}
