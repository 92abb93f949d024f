/**
 * Member pages built from content/team/ (teams that keep reviews in a private repository): the data
 * for one member's page and for the list on the team page, in one language. Pure.
 */
import type { ContentSet } from '../content/check.ts';
import { tx, type Locale } from '../../i18n/locales.ts';
import {
  gaps as computeGaps,
  readiness as computeReadiness,
  type Gap,
  type Readiness,
} from '../assessment/readiness.ts';
import { growthChange, growthRows, type GrowthRow } from './history.ts';

export interface MemberSummary {
  id: string;
  name: string;
  roleName: string;
  targetRoleName: string;
  frameworkName: string;
  /** Date of the newest snapshot. */
  latest: string;
  snapshots: number;
}

export interface MemberPageData extends MemberSummary {
  file: string;
  role: string;
  targetRole: string;
  framework: { id: string; name: string; levels: number };
  elements: { id: string; name: string }[];
  /** Levels of the newest snapshot, one per element (0 where not rated, for the radar). */
  current: number[];
  /** The target role's expectations, one per element, or null when it has none for the framework. */
  expected: number[] | null;
  readiness: Readiness | null;
  gaps: (Gap & { name: string })[];
  /** Oldest first. */
  rows: GrowthRow[];
  /** Change per element from the first rated snapshot to the last (null with fewer than two). */
  change: (number | null)[];
  owner?: string;
  reviewed?: string;
  reviewEvery: number;
}

function latestOf(dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), '');
}

export function teamMemberList(
  c: ContentSet,
  lang: Locale,
  compare: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): MemberSummary[] {
  return [...c.team.values()]
    .map(({ id, data: m }) => ({
      id,
      name: m.name,
      roleName: tx(c.roles.get(m.role)?.data.name, lang) || m.role,
      targetRoleName: tx(c.roles.get(m.targetRole)?.data.name, lang) || m.targetRole,
      frameworkName: tx(c.frameworks.get(m.framework)?.data.name, lang) || m.framework,
      latest: latestOf(m.snapshots.map((s) => s.date)),
      snapshots: m.snapshots.length,
    }))
    .sort((a, b) => compare(a.name, b.name) || a.id.localeCompare(b.id));
}

export function teamMemberPage(c: ContentSet, id: string, lang: Locale): MemberPageData | undefined {
  const entry = c.team.get(id);
  const fw = entry ? c.frameworks.get(entry.data.framework)?.data : undefined;
  if (!entry || !fw) return undefined;
  const m = entry.data;
  const elements = fw.elements.map((e) => ({ id: e.id, name: tx(e.name, lang) }));
  const rows = growthRows(
    m.snapshots.map((s) => ({ date: s.date, ratings: s.levels, note: s.note })),
    elements,
  );
  const last = rows[rows.length - 1];
  const currentRatings = Object.fromEntries(
    elements.flatMap((e, i) => (last.values[i] === null ? [] : [[e.id, last.values[i] as number]])),
  );
  const expectedMap = c.roles.get(m.targetRole)?.data.expectations.find((x) => x.framework === m.framework)?.levels;
  const name = (el: string) => elements.find((e) => e.id === el)?.name ?? el;
  return {
    id,
    file: entry.file,
    name: m.name,
    role: m.role,
    targetRole: m.targetRole,
    roleName: tx(c.roles.get(m.role)?.data.name, lang) || m.role,
    targetRoleName: tx(c.roles.get(m.targetRole)?.data.name, lang) || m.targetRole,
    frameworkName: tx(fw.name, lang),
    framework: { id: m.framework, name: tx(fw.name, lang), levels: fw.levels.length },
    elements,
    current: last.values.map((v) => v ?? 0),
    expected: expectedMap ? elements.map((e) => expectedMap[e.id] ?? 0) : null,
    readiness: expectedMap ? computeReadiness(currentRatings, expectedMap) : null,
    gaps: expectedMap ? computeGaps(currentRatings, expectedMap).map((g) => ({ ...g, name: name(g.element) })) : [],
    rows,
    change: growthChange(rows, elements.length),
    latest: last.date,
    snapshots: rows.length,
    owner: m.owner,
    reviewed: m.reviewed,
    reviewEvery: m.reviewEvery,
  };
}
