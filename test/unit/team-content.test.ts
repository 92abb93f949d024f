/**
 * Team data kept in the repository (content/team/): the shipped fictional members pass every check,
 * each broken fixture in test/fixtures/broken/team-*.yaml fails naming the file and field, and the
 * member page data (current levels, target, readiness, growth table) comes out right.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent, COLLECTION_DIRS, formatProblem, type SourceFile } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { teamMemberList, teamMemberPage } from '../../src/lib/team/content.ts';

const shipped = readContentFiles('.');
const AOI = 'content/team/aoi-tanaka.yaml';

function problemsWith(path: string, fixture: string): string[] {
  const text = readFileSync(`test/fixtures/broken/${fixture}`, 'utf8');
  return checkContent([...shipped.filter((f) => f.path !== path), { path, text }]).problems.map(formatProblem);
}

describe('shipped team content', () => {
  const { content, problems } = checkContent(shipped);
  it('passes the checks and holds the two fictional members', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(COLLECTION_DIRS.team).toBe('content/team');
    expect([...content.team.keys()]).toEqual(['aoi-tanaka', 'ken-suzuki']);
    for (const m of content.team.values()) {
      expect(m.data.name).toMatch(/fictional/);
      expect(readFileSync(m.file, 'utf8')).toMatch(/FICTIONAL/);
      expect(m.data.snapshots.length).toBeGreaterThanOrEqual(3);
      expect(m.data.snapshots.length).toBeLessThanOrEqual(4);
      for (const s of m.data.snapshots) expect(s.date.startsWith('2026-')).toBe(true);
    }
  });
  it('is optional: content without content/team has no problems and no members', () => {
    const r = checkContent(shipped.filter((f) => !f.path.startsWith('content/team/')));
    expect(r.problems).toEqual([]);
    expect(r.content.team.size).toBe(0);
  });
});

describe('broken team files fail naming the file and the field', () => {
  const cases: [string, RegExp][] = [
    [
      'team-unknown-role.yaml',
      /^content\/team\/aoi-tanaka\.yaml: role: unknown role "chief-happiness-officer"; known: .*csm/,
    ],
    ['team-unknown-role.yaml', /^content\/team\/aoi-tanaka\.yaml: targetRole: unknown role "vp-of-vibes"; known: /],
    [
      'team-unknown-framework.yaml',
      /^content\/team\/aoi-tanaka\.yaml: framework: unknown framework "sales-skills"; known: cs-skills, product-domain$/,
    ],
    [
      'team-unknown-element.yaml',
      /^content\/team\/aoi-tanaka\.yaml: snapshots\[0\]\.levels\.customer-wealth: unknown element "customer-wealth" in framework "cs-skills"; known: /,
    ],
    [
      'team-level-out-of-scale.yaml',
      /^content\/team\/aoi-tanaka\.yaml: snapshots\[1\]\.levels\.customer-health: level 7 is outside framework "cs-skills"'s scale 0\.\.5$/,
    ],
    [
      'team-duplicate-date.yaml',
      /^content\/team\/aoi-tanaka\.yaml: snapshots\[2\]\.date: date 2026-01-20 is already used by snapshots\[0\]: one snapshot per date$/,
    ],
    ['team-bad-date.yaml', /^content\/team\/aoi-tanaka\.yaml: snapshots\[1\]\.date: is not a real calendar date$/],
    ['team-missing-name.yaml', /^content\/team\/aoi-tanaka\.yaml: name: /],
  ];
  for (const [fixture, expected] of cases) {
    it(`${fixture} → ${expected.source.slice(1, 60)}…`, () => {
      const problems = problemsWith(AOI, fixture);
      expect(
        problems.some((p) => expected.test(p)),
        problems.join('\n'),
      ).toBe(true);
    });
  }
  it('checks levels against a 4-level framework too', () => {
    const text = `name: Test\nrole: csm\ntargetRole: senior-csm\nframework: product-domain\nsnapshots:\n  - date: 2026-03-01\n    levels: { product-expertise: 5, labour-law: 4 }\n`;
    const problems = checkContent([
      ...shipped,
      { path: 'content/team/test-person.yaml', text } satisfies SourceFile,
    ]).problems.map(formatProblem);
    expect(problems).toEqual([
      `content/team/test-person.yaml: snapshots[0].levels.product-expertise: level 5 is outside framework "product-domain"'s scale 0..4`,
    ]);
  });
});

describe('member page data', () => {
  const { content } = checkContent(shipped);
  it('lists members sorted by name with role, target and latest review', () => {
    const list = teamMemberList(content, 'en');
    expect(list.map((m) => [m.id, m.latest, m.snapshots])).toEqual([
      ['aoi-tanaka', '2026-10-20', 4],
      ['ken-suzuki', '2026-10-05', 3],
    ]);
    const aoi = list.find((m) => m.id === 'aoi-tanaka')!;
    expect(aoi.roleName).toBe(content.roles.get('csm')!.data.name.en);
    expect(aoi.targetRoleName).toBe(content.roles.get('senior-csm')!.data.name.en);
  });
  it('builds the profile: current levels, target expectations, readiness, gaps and the growth table', () => {
    const p = teamMemberPage(content, 'ken-suzuki', 'ja')!;
    expect(p.elements).toHaveLength(14);
    expect(p.rows.map((r) => r.date)).toEqual(['2026-02-02', '2026-06-01', '2026-10-05']);
    // The first review rated only 9 elements: the others are null in the table.
    expect(p.rows[0].values.filter((v) => v === null)).toHaveLength(5);
    expect(p.current).toEqual(p.rows[2].values);
    const csm = content.roles.get('csm')!.data.expectations.find((e) => e.framework === 'cs-skills')!.levels;
    expect(p.expected).toEqual(p.elements.map((e) => csm[e.id]));
    expect(p.gaps.every((g) => g.current < g.expected)).toBe(true);
    expect(p.gaps.length).toBe(p.elements.filter((e, i) => p.current[i] < csm[e.id]).length);
    expect(p.readiness!.total).toBe(14);
    // onboarding-time-to-value went 1 → 3.
    expect(p.change[p.elements.findIndex((e) => e.id === 'onboarding-time-to-value')]).toBe(2);
    expect(p.frameworkName).toBe(content.frameworks.get('cs-skills')!.data.name.ja);
    expect(teamMemberPage(content, 'nobody', 'en')).toBeUndefined();
  });
});
