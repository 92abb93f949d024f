/**
 * Team coverage. Pure, O(members × elements).
 *
 * Definitions (shown in the UI as well):
 * - A person **covers** an element when their level on it is at least the coverage level: 3 (the
 *   level at which someone applies the skill on their own), or the framework's top level when its
 *   scale has fewer than 3 levels.
 * - The **organisation level** is the framework's first level whose scope is "organisation" (4 in
 *   both shipped frameworks: 5-level cs-skills and 4-level product-domain). It is read from the
 *   framework's level scopes, never assumed. A framework without organisation-scope levels has none,
 *   and then no organisation-level gaps are reported.
 * - An **organisation-level gap** is an element on which no one in the team reaches the
 *   organisation level: nobody improves the team on it.
 * - An element is **single-covered** when exactly one person covers it (a bus-factor risk), and
 *   **uncovered** when no one does.
 */
import type { HeatRow } from './aggregate.ts';

export const DEFAULT_COVERED_LEVEL = 3;

export interface CoverageFramework {
  levels: readonly { level: number; scope: 'individual' | 'organisation' }[];
  elements: readonly { id: string }[];
}

/** The first (lowest) level with organisation scope, or null when the framework has none. */
export function organisationLevel(fw: Pick<CoverageFramework, 'levels'>): number | null {
  let first: number | null = null;
  for (const l of fw.levels) if (l.scope === 'organisation' && (first === null || l.level < first)) first = l.level;
  return first;
}

/** The level that counts as covering an element: 3, or the top of a shorter scale. */
export function coveredLevel(fw: Pick<CoverageFramework, 'levels'>, wanted = DEFAULT_COVERED_LEVEL): number {
  const top = fw.levels.reduce((m, l) => Math.max(m, l.level), 0);
  return Math.max(1, Math.min(wanted, top));
}

export interface ElementCoverage {
  element: string;
  /** Row keys of the people at or above the coverage level. */
  coveredBy: string[];
  /** Row keys of the people at or above the organisation level. */
  organisationBy: string[];
}

export interface Coverage {
  coveredLevel: number;
  organisationLevel: number | null;
  members: number;
  perElement: ElementCoverage[];
  /** Element ids (framework order) where no one reaches the organisation level. Empty when the framework has no such level. */
  organisationGaps: string[];
  /** Elements exactly one person covers, with that person's row key. */
  singleCovered: { element: string; member: string }[];
  /** Element ids no one covers. */
  uncovered: string[];
}

export function coverage(
  rows: readonly HeatRow[],
  fw: CoverageFramework,
  opts: { coveredLevel?: number } = {},
): Coverage {
  const cov = coveredLevel(fw, opts.coveredLevel);
  const org = organisationLevel(fw);
  const perElement: ElementCoverage[] = fw.elements.map((e) => ({ element: e.id, coveredBy: [], organisationBy: [] }));
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      if (c.level === null || i >= perElement.length) return;
      if (c.level >= cov) perElement[i].coveredBy.push(r.key);
      if (org !== null && c.level >= org) perElement[i].organisationBy.push(r.key);
    });
  }
  return {
    coveredLevel: cov,
    organisationLevel: org,
    members: rows.length,
    perElement,
    organisationGaps: org === null ? [] : perElement.filter((p) => p.organisationBy.length === 0).map((p) => p.element),
    singleCovered: perElement
      .filter((p) => p.coveredBy.length === 1)
      .map((p) => ({ element: p.element, member: p.coveredBy[0] })),
    uncovered: perElement.filter((p) => p.coveredBy.length === 0).map((p) => p.element),
  };
}
