/**
 * Read an assessment against the framework as it is today. A framework change never silently
 * changes an old assessment: ratings of elements that no longer exist are kept in the file and
 * reported, new elements show as not rated, and levels above today's scale are flagged.
 * Pure and read-only: the assessment passed in is never changed.
 */
import type { Assessment } from '../../schemas/assessment.ts';

export interface ReconcileFramework {
  id: string;
  version: string;
  hash: string;
  levels: readonly unknown[];
  elements: readonly { id: string }[];
}

export interface Reconciled {
  /** The assessment was made for this framework (same id). */
  sameFramework: boolean;
  /** Same framework, but the version or the structural hash differs from the one rated against. */
  outdated: boolean;
  /** Ratings of elements the framework no longer has, in the assessment's order. Kept, only flagged. */
  removed: { element: string; level: number }[];
  /** Framework elements without a rating, in framework order. Shown as "not rated". */
  unrated: string[];
  /** Ratings above the framework's top level, in framework order. */
  outOfScale: { element: string; level: number; max: number }[];
}

export function reconcile(a: Pick<Assessment, 'framework' | 'ratings'>, fw: ReconcileFramework): Reconciled {
  const sameFramework = a.framework.id === fw.id;
  const outdated = sameFramework && (a.framework.version !== fw.version || a.framework.hash !== fw.hash);
  const max = fw.levels.length;
  const known = new Set(fw.elements.map((e) => e.id));
  const has = (id: string) => Object.hasOwn(a.ratings, id);

  const removed = Object.entries(a.ratings)
    .filter(([id]) => !known.has(id))
    .map(([element, r]) => ({ element, level: r.level }));
  const unrated: string[] = [];
  const outOfScale: Reconciled['outOfScale'] = [];
  const seen = new Set<string>();
  for (const { id } of fw.elements) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (!has(id)) unrated.push(id);
    else if (a.ratings[id].level > max) outOfScale.push({ element: id, level: a.ratings[id].level, max });
  }
  return { sameFramework, outdated, removed, unrated, outOfScale };
}
