/**
 * How far a person's levels are from what a role expects. Pure numbers, no framework knowledge:
 * `ratings` and `expected` are element id → level. A missing (or unusable) rating counts as level 0.
 */

export interface Gap {
  element: string;
  current: number;
  expected: number;
  gap: number;
}

export interface Readiness {
  /** 0–1, see readiness(). */
  score: number;
  /** Elements at or above the expected level. */
  met: number;
  /** Elements exactly one level short. */
  nearMiss: number;
  /** Elements two or more levels short. */
  missing: number;
  /** Elements the role expects (expected level > 0). */
  total: number;
}

export interface RoleExpectation {
  id: string;
  rank: number;
  expected: Record<string, number>;
}

export interface RankedRole {
  id: string;
  rank: number;
  readiness: Readiness;
}

const own = (o: Record<string, number>, k: string) => Object.hasOwn(o, k);
const level = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
const current = (ratings: Record<string, number>, id: string) => (own(ratings, id) ? level(ratings[id]) : 0);

/**
 * Elements where the current level is below the expected one, biggest gap first; equal gaps put the
 * higher expected level first, then the element id (alphabetical).
 */
export function gaps(ratings: Record<string, number>, expected: Record<string, number>): Gap[] {
  const out: Gap[] = [];
  for (const [element, exp] of Object.entries(expected)) {
    const e = level(exp);
    const c = current(ratings, element);
    if (c < e) out.push({ element, current: c, expected: e, gap: e - c });
  }
  return out.sort(
    (x, y) => y.gap - x.gap || y.expected - x.expected || (x.element < y.element ? -1 : x.element > y.element ? 1 : 0),
  );
}

/**
 * Readiness for a role, over the elements the role expects (expected level > 0; elements with
 * expected level 0 are ignored):
 *
 * - credit 1 when current ≥ expected ("met"),
 * - credit ½ when current = expected − 1 ("near miss": one step away, often a 1:1 conversation),
 * - credit 0 otherwise ("missing").
 *
 * score = Σ credit / number of expected elements, between 0 and 1. An element with no rating counts
 * as level 0. When the role expects nothing (total = 0) the score is 1: nothing is missing.
 */
export function readiness(ratings: Record<string, number>, expected: Record<string, number>): Readiness {
  let met = 0;
  let nearMiss = 0;
  let missing = 0;
  for (const [element, exp] of Object.entries(expected)) {
    const e = level(exp);
    if (e <= 0) continue;
    const c = current(ratings, element);
    if (c >= e) met++;
    else if (c >= e - 1) nearMiss++;
    else missing++;
  }
  const total = met + nearMiss + missing;
  return { score: total === 0 ? 1 : (met + nearMiss / 2) / total, met, nearMiss, missing, total };
}

/** Compare two readiness scores exactly (credit is counted in halves, so no float rounding). */
function compareScore(a: Readiness, b: Readiness): number {
  const halvesA = 2 * a.met + a.nearMiss;
  const halvesB = 2 * b.met + b.nearMiss;
  return halvesA * b.total - halvesB * a.total;
}

/**
 * Rank roles by readiness: highest score first; ties go to the higher rank (the more senior role),
 * then to the id. Roles that expect nothing in this framework (total = 0) cannot be the best match
 * and are ranked last.
 */
export function bestMatchingRole(
  ratings: Record<string, number>,
  roles: readonly RoleExpectation[],
): { best: RankedRole | null; ranking: RankedRole[] } {
  const ranking = roles
    .map((r) => ({ id: r.id, rank: r.rank, readiness: readiness(ratings, r.expected) }))
    .sort((x, y) => {
      const emptyX = x.readiness.total === 0;
      const emptyY = y.readiness.total === 0;
      if (emptyX !== emptyY) return emptyX ? 1 : -1;
      const byScore = emptyX ? 0 : compareScore(y.readiness, x.readiness);
      return byScore || y.rank - x.rank || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    });
  const best = ranking.length && ranking[0].readiness.total > 0 ? ranking[0] : null;
  return { best, ranking };
}
