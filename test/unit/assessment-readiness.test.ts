import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { Role } from '../../src/schemas/role.ts';
import { bestMatchingRole, gaps, readiness, type RoleExpectation } from '../../src/lib/assessment/readiness.ts';

describe('readiness', () => {
  it('all met → 1', () => {
    expect(readiness({ a: 3, b: 2, c: 5 }, { a: 3, b: 2, c: 4 })).toEqual({
      score: 1,
      met: 3,
      nearMiss: 0,
      missing: 0,
      total: 3,
    });
  });

  it('near misses count ½ each', () => {
    expect(readiness({ a: 2, b: 1 }, { a: 3, b: 2 })).toEqual({
      score: 0.5,
      met: 0,
      nearMiss: 2,
      missing: 0,
      total: 2,
    });
    // 1 met + 1 near miss + 2 missing → (1 + 0.5) / 4
    expect(readiness({ a: 3, b: 2, c: 1, d: 0 }, { a: 3, b: 3, c: 3, d: 4 })).toEqual({
      score: 0.375,
      met: 1,
      nearMiss: 1,
      missing: 2,
      total: 4,
    });
  });

  it('two or more levels short → 0', () => {
    expect(readiness({ a: 1, b: 0 }, { a: 3, b: 5 }).score).toBe(0);
  });

  it('an unrated element counts as level 0; expected 0 is ignored', () => {
    // a: unrated vs 1 → near miss; b: unrated vs 2 → missing; c: expected 0 → not counted.
    expect(readiness({ c: 4 }, { a: 1, b: 2, c: 0 })).toEqual({
      score: 0.25,
      met: 0,
      nearMiss: 1,
      missing: 1,
      total: 2,
    });
    expect(readiness({ a: Number.NaN }, { a: 1 }).nearMiss).toBe(1);
  });

  it('a role that expects nothing scores 1 with total 0', () => {
    expect(readiness({ a: 1 }, {})).toEqual({ score: 1, met: 0, nearMiss: 0, missing: 0, total: 0 });
    expect(readiness({}, { a: 0 }).total).toBe(0);
  });

  it('ignores ratings of elements the role does not list', () => {
    expect(readiness({ a: 3, extra: 5 }, { a: 3 }).score).toBe(1);
  });
});

describe('gaps', () => {
  it('lists only shortfalls, biggest gap first, then higher expected level, then id', () => {
    const res = gaps(
      { a: 1, b: 3, c: 0, d: 2, e: 4, z: 1, y: 1 },
      { a: 3, b: 3, c: 2, d: 4, e: 3, f: 1, z: 2, y: 2, x: 0 },
    );
    expect(res).toEqual([
      { element: 'd', current: 2, expected: 4, gap: 2 },
      { element: 'a', current: 1, expected: 3, gap: 2 },
      { element: 'c', current: 0, expected: 2, gap: 2 },
      { element: 'y', current: 1, expected: 2, gap: 1 },
      { element: 'z', current: 1, expected: 2, gap: 1 },
      { element: 'f', current: 0, expected: 1, gap: 1 },
    ]);
  });

  it('no gaps when everything is met', () => {
    expect(gaps({ a: 5 }, { a: 2, b: 0 })).toEqual([]);
  });
});

describe('bestMatchingRole', () => {
  it('picks the highest readiness', () => {
    const res = bestMatchingRole({ a: 3, b: 3 }, [
      { id: 'junior', rank: 1, expected: { a: 4, b: 4 } },
      { id: 'senior', rank: 3, expected: { a: 5, b: 5 } },
      { id: 'mid', rank: 2, expected: { a: 3, b: 4 } },
    ]);
    expect(res.best?.id).toBe('mid');
    expect(res.ranking.map((r) => [r.id, r.readiness.score])).toEqual([
      ['mid', 0.75],
      ['junior', 0.5],
      ['senior', 0],
    ]);
  });

  it('ties go to the higher rank, then to the id', () => {
    const roles: RoleExpectation[] = [
      { id: 'b-role', rank: 1, expected: { a: 1 } },
      { id: 'a-role', rank: 1, expected: { a: 1 } },
      { id: 'lead', rank: 4, expected: { a: 2, b: 1 } },
    ];
    // 2 of 2 met for lead, 1 of 1 for the others: all score 1.
    const res = bestMatchingRole({ a: 2, b: 1 }, roles);
    expect(res.ranking.map((r) => r.id)).toEqual(['lead', 'a-role', 'b-role']);
    expect(res.best?.id).toBe('lead');
  });

  it('compares scores exactly (1.5/3 equals 0.5/1)', () => {
    const res = bestMatchingRole({ a: 1, b: 0, c: 2 }, [
      { id: 'one', rank: 0, expected: { a: 2 } },
      { id: 'three', rank: 0, expected: { a: 1, b: 2, c: 3 } },
    ]);
    expect(res.ranking.map((r) => r.readiness.score)).toEqual([0.5, 0.5]);
    expect(res.ranking.map((r) => r.id)).toEqual(['one', 'three']);
  });

  it('a role expecting nothing is never the best match; no roles → null', () => {
    const res = bestMatchingRole({ a: 0 }, [
      { id: 'empty', rank: 9, expected: {} },
      { id: 'real', rank: 1, expected: { a: 3 } },
    ]);
    expect(res.best?.id).toBe('real');
    expect(res.ranking.map((r) => r.id)).toEqual(['real', 'empty']);
    expect(bestMatchingRole({}, []).best).toBeNull();
    expect(bestMatchingRole({}, [{ id: 'empty', rank: 0, expected: {} }]).best).toBeNull();
  });

  it('on the real roles, someone at exactly the CSM expectations best matches CSM', () => {
    const dir = new URL('../../content/roles/', import.meta.url);
    const roles = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => {
        const role = Role.parse(parseYaml(readFileSync(new URL(f, dir), 'utf8')));
        const cs = role.expectations.find((e) => e.framework === 'cs-skills');
        return { id: f.replace(/\.yaml$/, ''), rank: role.rank, expected: cs?.levels ?? {} };
      });
    const csm = roles.find((r) => r.id === 'csm');
    expect(csm).toBeDefined();
    const res = bestMatchingRole({ ...csm!.expected }, roles);
    expect(res.best?.id).toBe('csm');
    expect(res.best?.readiness).toEqual({ score: 1, met: 14, nearMiss: 0, missing: 0, total: 14 });
    expect(res.ranking).toHaveLength(roles.length);
    // Associate CSM is also fully met, but CSM ranks higher.
    expect(res.ranking.find((r) => r.id === 'associate-csm')?.readiness.score).toBe(1);
  });
});
