/**
 * Team aggregation and coverage: the heatmap matrix with gaps against each member's target role,
 * per-element median/min/max, sorting and role filter, and coverage with the organisation level read
 * from the framework's level scopes (5-level cs-skills and 4-level product-domain).
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';
import type { TeamEntry } from '../../src/lib/team/import-batch.ts';
import { buildTeam, type Member } from '../../src/lib/team/members.ts';
import {
  elementStats,
  expectedMedians,
  filterByRole,
  heatBucket,
  heatmap,
  sortHeatRows,
  type HeatRow,
} from '../../src/lib/team/aggregate.ts';
import { coverage, coveredLevel, organisationLevel } from '../../src/lib/team/coverage.ts';

const data = clientData(checkContent(readContentFiles('.')).content, 'en');
const cs = data.frameworks.find((f) => f.id === 'cs-skills')!;
const pd = data.frameworks.find((f) => f.id === 'product-domain')!;
const EL = cs.elements.map((e) => e.id);

function entry(
  fw: typeof cs,
  name: string,
  kind: 'self' | 'manager',
  levels: (number | null)[],
  opts: { role?: string; targetRole?: string; at?: string } = {},
): TeamEntry {
  const a = emptyAssessment(fw, { name, role: opts.role, targetRole: opts.targetRole }, kind, {
    now: new Date(opts.at ?? '2026-06-01T00:00:00Z'),
  });
  levels.forEach((v, i) => {
    if (v !== null) a.ratings[fw.elements[i].id] = { level: v };
  });
  return { source: `${name}-${kind}.json`, origin: 'file', assessment: a };
}
function membersOf(entries: TeamEntry[]): Member[] {
  return buildTeam(entries, data.frameworks)[0].members;
}
const cmp = new Intl.Collator('en').compare;

describe('heatmap', () => {
  const entries = [
    entry(cs, 'Ann', 'self', [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], { role: 'csm', targetRole: 'senior-csm' }),
    entry(cs, 'Ann', 'manager', [2, 3, 3, 3, 3, 4, 4, 4, 3, 3, 3, 3, 3, 2], { role: 'csm', targetRole: 'senior-csm' }),
    entry(cs, 'Bo', 'self', [1, 1, null, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], {
      role: 'associate-csm',
      targetRole: 'csm',
    }),
    entry(cs, 'Cy', 'self', [5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5], { role: 'cs-lead' }),
  ];
  const members = membersOf(entries);

  it('has one row per member and one cell per element, reading the manager’s rating first', () => {
    const rows = heatmap(members, cs, data.roles, 'preferred');
    expect(rows.map((r) => [r.name, r.kind, r.cells.length])).toEqual([
      ['Ann', 'manager', 14],
      ['Bo', 'self', 14],
      ['Cy', 'self', 14],
    ]);
    expect(rows[0].cells[0].level).toBe(2);
    expect(heatmap(members, cs, data.roles, 'self')[0].cells[0].level).toBe(3);
    expect(heatmap(members, cs, data.roles, 'manager').map((r) => r.name)).toEqual(['Ann']);
  });

  it('marks gaps against each member’s own target role; unrated counts as 0; no target, no gaps', () => {
    const rows = heatmap(members, cs, data.roles, 'preferred');
    const senior = data.roles.find((r) => r.id === 'senior-csm')!.expected['cs-skills'];
    const ann = rows[0];
    ann.cells.forEach((c, i) => {
      expect(c.expected).toBe(senior[EL[i]]);
      expect(c.gap).toBe(Math.max(0, senior[EL[i]] - (c.level ?? 0)));
    });
    // Ann (manager): customer-360-view 2 < 3 → gap 1; cs-operations-scale 2 vs 2 → none.
    expect(ann.cells[0]).toEqual({ level: 2, expected: 3, gap: 1 });
    expect(ann.gapCount).toBe(ann.cells.filter((c) => c.gap > 0).length);
    const bo = rows[1];
    expect(bo.cells[2]).toEqual({ level: null, expected: 3, gap: 3 }); // csm expects experience-management 3
    expect(bo.rated).toBe(13);
    expect(rows[2].gapCount).toBe(0);
    expect(rows[2].cells.every((c) => c.expected === null)).toBe(true);
  });

  it('computes median, min and max per element over rated cells only', () => {
    const rows = heatmap(members, cs, data.roles, 'preferred');
    const stats = elementStats(rows, cs.elements);
    expect(stats[0]).toEqual({ element: EL[0], rated: 3, median: 2, min: 1, max: 5 });
    expect(stats[2]).toEqual({ element: EL[2], rated: 2, median: 3.5, min: 3, max: 4 }); // Bo did not rate it: even count → mean of the middle two
    expect(elementStats([], cs.elements)[0]).toEqual({ element: EL[0], rated: 0, median: null, min: null, max: null });
  });

  it('gives the median of the target roles’ expectations per element, leaving out members without a target', () => {
    const rows = heatmap(members, cs, data.roles, 'preferred');
    const senior = data.roles.find((r) => r.id === 'senior-csm')!.expected['cs-skills'];
    const csm = data.roles.find((r) => r.id === 'csm')!.expected['cs-skills'];
    // Ann aims for senior-csm, Bo for csm, Cy has no target: the median of two is their mean.
    expect(expectedMedians(rows, cs.elements)).toEqual(EL.map((id) => (senior[id] + csm[id]) / 2));
    expect(expectedMedians(rows.slice(2), cs.elements)).toEqual(EL.map(() => null));
  });

  it('sorts by name, by an element (unrated last) and by gap count, and filters by role', () => {
    const rows = heatmap(members, cs, data.roles, 'preferred');
    expect(sortHeatRows(rows, { key: 'name', dir: 'desc' }, cmp).map((r) => r.name)).toEqual(['Cy', 'Bo', 'Ann']);
    expect(sortHeatRows(rows, { key: 'element:2', dir: 'desc' }, cmp).map((r) => r.name)).toEqual(['Cy', 'Ann', 'Bo']);
    expect(sortHeatRows(rows, { key: 'element:2', dir: 'asc' }, cmp).map((r) => r.name)).toEqual(['Ann', 'Cy', 'Bo']);
    expect(sortHeatRows(rows, { key: 'gaps', dir: 'desc' }, cmp).map((r) => r.name)).toEqual(['Bo', 'Ann', 'Cy']);
    expect(filterByRole(rows, 'csm').map((r) => r.name)).toEqual(['Ann']);
    expect(filterByRole(rows, '')).toHaveLength(3);
  });

  it('sorts Japanese names with the Japanese collator', () => {
    const ja = membersOf([
      entry(cs, 'わたなべ', 'self', []),
      entry(cs, 'いとう', 'self', []),
      entry(cs, 'さとう', 'self', []),
    ]);
    const rows = heatmap(ja, cs, data.roles);
    expect(sortHeatRows(rows, { key: 'name', dir: 'asc' }, new Intl.Collator('ja').compare).map((r) => r.name)).toEqual(
      ['いとう', 'さとう', 'わたなべ'],
    );
  });

  it('maps levels of any scale onto the same colour ramp', () => {
    expect([0, 1, 2, 3, 4, 5].map((l) => heatBucket(l, 5))).toEqual([0, 1, 2, 3, 4, 5]);
    expect([0, 1, 2, 3, 4].map((l) => heatBucket(l, 4))).toEqual([0, 1, 3, 4, 5]);
    expect(heatBucket(null, 5)).toBeNull();
    expect(heatBucket(9, 5)).toBe(5);
  });

  it('stays linear in members × elements (200 members well within budget)', () => {
    const big: TeamEntry[] = Array.from({ length: 200 }, (_, i) =>
      entry(
        cs,
        `Member ${i}`,
        i % 3 ? 'self' : 'manager',
        EL.map((_, k) => (i * 7 + k * 3) % 6),
        { role: i % 2 ? 'csm' : 'senior-csm', targetRole: 'senior-csm' },
      ),
    );
    const t0 = performance.now();
    const rows = heatmap(membersOf(big), cs, data.roles);
    const stats = elementStats(rows, cs.elements);
    const cov = coverage(rows, cs);
    const sorted = sortHeatRows(rows, { key: 'element:3', dir: 'desc' }, cmp);
    const ms = performance.now() - t0;
    expect(rows).toHaveLength(200);
    expect(stats.every((s) => s.rated === 200)).toBe(true);
    expect(cov.members).toBe(200);
    expect(sorted[0].cells[3].level).toBe(5);
    expect(ms).toBeLessThan(500);
  });
});

describe('coverage', () => {
  it('reads the organisation level from the level scopes, not a fixed number', () => {
    expect(organisationLevel(cs)).toBe(4);
    expect(organisationLevel(pd)).toBe(4);
    expect(pd.levels).toHaveLength(4);
    expect(
      organisationLevel({
        levels: [
          { level: 1, scope: 'individual' },
          { level: 2, scope: 'organisation' },
          { level: 3, scope: 'organisation' },
        ],
      }),
    ).toBe(2);
    expect(
      organisationLevel({
        levels: [
          { level: 1, scope: 'individual' },
          { level: 2, scope: 'individual' },
        ],
      }),
    ).toBeNull();
    expect(coveredLevel(cs)).toBe(3);
    expect(
      coveredLevel({
        levels: [
          { level: 1, scope: 'individual' },
          { level: 2, scope: 'organisation' },
        ],
      }),
    ).toBe(2);
  });

  it('lists organisation-level gaps, single-covered and uncovered elements (cs-skills, 5 levels)', () => {
    const members = membersOf([
      entry(cs, 'Ann', 'self', [4, 3, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
      entry(cs, 'Bo', 'self', [3, 3, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 5]),
    ]);
    const rows = heatmap(members, cs, data.roles);
    const c = coverage(rows, cs);
    expect(c.organisationLevel).toBe(4);
    expect(c.coveredLevel).toBe(3);
    expect(c.organisationGaps).toEqual(EL.filter((_, i) => i !== 0 && i !== 13));
    expect(c.singleCovered).toEqual([
      { element: EL[2], member: rows[0].key },
      { element: EL[13], member: rows[1].key },
    ]);
    expect(c.uncovered).toEqual(EL.slice(3, 13));
    expect(c.perElement[0]).toEqual({
      element: EL[0],
      coveredBy: [rows[0].key, rows[1].key],
      organisationBy: [rows[0].key],
    });
  });

  it('works on the 4-level product-domain track: level 4 is its organisation level', () => {
    const entries = [entry(pd, 'Ann', 'self', [4, 3, 1, 1, 1]), entry(pd, 'Bo', 'self', [3, 3, 3, 2, 0])];
    const members = buildTeam(entries, data.frameworks).find((g) => g.frameworkId === 'product-domain')!.members;
    const rows = heatmap(members, pd, data.roles);
    const c = coverage(rows, pd);
    expect(c.organisationLevel).toBe(4);
    expect(c.organisationGaps).toEqual(pd.elements.slice(1).map((e) => e.id));
    expect(c.singleCovered.map((s) => s.element)).toEqual([pd.elements[2].id]);
    expect(c.uncovered).toEqual([pd.elements[3].id, pd.elements[4].id]);
  });

  it('reports no organisation-level gaps for a framework without organisation levels', () => {
    const fw = {
      levels: [
        { level: 1, scope: 'individual' as const },
        { level: 2, scope: 'individual' as const },
        { level: 3, scope: 'individual' as const },
      ],
      elements: [{ id: 'a' }, { id: 'b' }],
    };
    const rows: HeatRow[] = [
      {
        key: 'x',
        name: 'X',
        kind: 'self',
        updatedAt: '',
        hasSelf: true,
        hasManager: false,
        cells: [
          { level: 3, expected: null, gap: 0 },
          { level: 1, expected: null, gap: 0 },
        ],
        gapCount: 0,
        rated: 2,
      },
    ];
    const c = coverage(rows, fw);
    expect(c.organisationLevel).toBeNull();
    expect(c.organisationGaps).toEqual([]);
    expect(c.singleCovered).toEqual([{ element: 'a', member: 'x' }]);
    expect(c.uncovered).toEqual(['b']);
  });
});
