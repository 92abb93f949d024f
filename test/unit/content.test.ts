/**
 * The shipped content passes every schema and cross-reference check, and each broken fixture in
 * test/fixtures/broken/ (a copy of a real file with one mistake) fails naming the file and field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type SourceFile } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { freshnessReport, isReviewOverdue, reviewDue } from '../../src/lib/content/freshness.ts';

const shipped = readContentFiles('.');

function withReplaced(path: string, fixture: string): SourceFile[] {
  const text = readFileSync(`test/fixtures/broken/${fixture}`, 'utf8');
  const files = shipped.filter((f) => f.path !== path);
  return [...files, { path, text }];
}

function problemsOf(files: SourceFile[]): string[] {
  return checkContent(files).problems.map(formatProblem);
}

describe('shipped content', () => {
  const { content, problems } = checkContent(shipped);
  it('has no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });
  it('has every collection filled', () => {
    expect(content.frameworks.size).toBeGreaterThanOrEqual(2);
    expect(content.roles.size).toBeGreaterThanOrEqual(5);
    expect(content.playbooks.size).toBeGreaterThanOrEqual(14);
    expect(content.playbookTranslations.get('ja')?.size ?? 0).toBeGreaterThanOrEqual(5);
    expect(content.journeys.size).toBeGreaterThanOrEqual(2);
    expect(content.onboarding.size).toBeGreaterThanOrEqual(1);
    expect(content.glossary.size).toBeGreaterThanOrEqual(40);
    expect(content.healthModels.size).toBeGreaterThanOrEqual(2);
  });
  it('has the CS skills matrix: 14 elements in Gainsight’s three groups, 5 levels, 1–3 individual and 4–5 organisation', () => {
    const fw = content.frameworks.get('cs-skills')!.data;
    expect(fw.elements).toHaveLength(14);
    const count = (g: string) => fw.elements.filter((e) => e.group === g).length;
    expect([count('insights-actions'), count('outcomes'), count('transform')]).toEqual([4, 6, 4]);
    expect(fw.levels.map((l) => l.scope)).toEqual([
      'individual',
      'individual',
      'individual',
      'organisation',
      'organisation',
    ]);
    expect(fw.source.en).toMatch(/Gainsight/);
    for (const e of fw.elements)
      for (const l of e.levels) {
        expect(l.descriptor.ja, `${e.id} level ${l.level}`).toBeTruthy();
        expect(l.signals.ja?.length, `${e.id} level ${l.level} signals`).toBe(l.signals.en.length);
        expect(l.example.ja, `${e.id} level ${l.level} example`).toBeTruthy();
      }
  });
  it('has a domain track with its own number of levels', () => {
    const fw = content.frameworks.get('product-domain')!.data;
    expect(fw.levels.length).not.toBe(5);
    expect(fw.elements.length).toBeGreaterThanOrEqual(4);
    expect(fw.elements.length).toBeLessThanOrEqual(6);
  });
  it('covers every lifecycle phase and playbook type', () => {
    const pbs = [...content.playbooks.values()].map((p) => p.data);
    for (const phase of ['onboarding', 'adoption', 'expansion', 'renewal'])
      expect(
        pbs.some((p) => p.phase === phase),
        phase,
      ).toBe(true);
    for (const type of ['risk', 'lifecycle', 'expansion', 'renewal', 'digital', 'objective'])
      expect(
        pbs.some((p) => p.type === type),
        type,
      ).toBe(true);
  });
  it('has an onboarding track of at least 25 items in both languages', () => {
    const t = content.onboarding.get('new-csm')!.data;
    const items = t.sections.flatMap((s) => s.items);
    expect(items.length).toBeGreaterThanOrEqual(25);
    expect(t.sections.map((s) => s.dueDay)).toEqual([7, 30, 60, 90]);
    for (const s of t.sections) expect(s.name.ja && s.goal.ja, s.id).toBeTruthy();
    for (const it of items) if (it.title) expect(it.title.ja, it.id).toBeTruthy();
  });
  it('has glossary terms in both languages, with kana readings', () => {
    for (const g of content.glossary.values()) {
      expect(g.data.term.ja, g.id).toBeTruthy();
      expect(g.data.definition.ja, g.id).toBeTruthy();
      expect(g.data.reading, g.id).toBeTruthy();
    }
  });
});

describe('broken content fails naming the file and the field', () => {
  const cases: [string, string, RegExp][] = [
    [
      'unknown-role.md',
      'content/playbooks/en/kickoff.md',
      /^content\/playbooks\/en\/kickoff\.md: ownerRole: unknown role "chief-happiness-officer"; known: .*csm/,
    ],
    [
      'wrong-enum.md',
      'content/playbooks/en/kickoff.md',
      /^content\/playbooks\/en\/kickoff\.md: phase: Invalid option: expected one of .*"onboarding"/,
    ],
    [
      'yaml-syntax.yaml',
      'content/glossary/churn.yaml',
      /^content\/glossary\/churn\.yaml: line \d+, column \d+: YAML syntax error/,
    ],
    [
      'bands-unordered.yaml',
      'content/healthModels/high-touch-health.yaml',
      /^content\/healthModels\/high-touch-health\.yaml: bands\[1\]\.min: bands must be ordered from low to high/,
    ],
    [
      'role-bad-level.yaml',
      'content/roles/csm.yaml',
      /^content\/roles\/csm\.yaml: expectations\[0\]\.levels\.customer-health: level 9 is outside framework "cs-skills"'s scale 0\.\.5/,
    ],
    [
      'bad-date.md',
      'content/playbooks/en/kickoff.md',
      /^content\/playbooks\/en\/kickoff\.md: reviewed: is not a real calendar date/,
    ],
    [
      'translation-short-list.md',
      'content/playbooks/ja/kickoff.md',
      /^content\/playbooks\/ja\/kickoff\.md: exitCriteria: has 1 entries but the English playbook has \d+/,
    ],
    [
      'journey-unknown-playbook.yaml',
      'content/journeys/tech-touch.yaml',
      /^content\/journeys\/tech-touch\.yaml: stages\[0\]\.playbooks\[0\]: unknown playbook "no-such-playbook"; known: /,
    ],
  ];
  for (const [fixture, path, expected] of cases) {
    it(`${fixture} → ${path}`, () => {
      const problems = problemsOf(withReplaced(path, fixture));
      expect(
        problems.some((p) => expected.test(p)),
        problems.join('\n'),
      ).toBe(true);
    });
  }

  it('reports a duplicate id', () => {
    const kickoff = shipped.find((f) => f.path === 'content/roles/csm.yaml')!;
    const problems = problemsOf([...shipped, { path: 'content/roles/csm.yml', text: kickoff.text }]);
    expect(problems).toContain(
      'content/roles/csm.yml: (file name): duplicate id "csm": content/roles/csm.yaml has the same id',
    );
  });

  it('reports a missing element expectation and an unknown element', () => {
    const csm = shipped.find((f) => f.path === 'content/roles/csm.yaml')!;
    const text = csm.text.replace(/customer-health:/, 'customer-wealth:');
    const problems = problemsOf([...shipped.filter((f) => f !== csm), { path: csm.path, text }]);
    expect(
      problems.some((p) =>
        p.startsWith(
          'content/roles/csm.yaml: expectations[0].levels.customer-wealth: unknown element "customer-wealth" in framework "cs-skills"',
        ),
      ),
    ).toBe(true);
    expect(problems).toContain(
      'content/roles/csm.yaml: expectations[0].levels.customer-health: no expected level for element "customer-health" (use 0 when it is not expected)',
    );
  });

  it('reports a file name that is not a valid id and a Markdown file without front matter', () => {
    const problems = problemsOf([
      ...shipped,
      { path: 'content/glossary/Bad Name.yaml', text: 'term: {en: x}\ndefinition: {en: y}\n' },
      { path: 'content/playbooks/en/no-front.md', text: '# Just a body\n' },
    ]);
    expect(problems).toContain(
      'content/glossary/Bad Name.yaml: (file name): "Bad Name" is not a valid id: file names must be lower-case letters, digits and dashes',
    );
    expect(
      problems.some((p) => p.startsWith('content/playbooks/en/no-front.md: (front matter): missing front matter')),
    ).toBe(true);
  });

  it('reserves the health model ids used by pages', () => {
    const model = shipped.find((f) => f.path === 'content/healthModels/tech-touch-health.yaml')!;
    expect(problemsOf([...shipped, { path: 'content/healthModels/simulator.yaml', text: model.text }])).toContain(
      'content/healthModels/simulator.yaml: (file name): "simulator" is reserved for a page (/health/simulator/); choose another file name',
    );
  });

  it('lists every problem, not only the first', () => {
    const a = withReplaced('content/playbooks/en/kickoff.md', 'unknown-role.md');
    const problems = problemsOf([
      ...a.filter((f) => f.path !== 'content/roles/csm.yaml'),
      { path: 'content/roles/csm.yaml', text: readFileSync('test/fixtures/broken/role-bad-level.yaml', 'utf8') },
    ]);
    expect(
      problems.filter((p) => p.includes('chief-happiness-officer') || p.includes('level 9')).length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('one root cause, one line', () => {
  const only = (files: SourceFile[]) => problemsOf(files);
  it('an invalid English playbook is reported once, and its translation does not claim the file is missing', () => {
    const problems = only(withReplaced('content/playbooks/en/kickoff.md', 'bad-date.md'));
    expect(problems).toEqual(['content/playbooks/en/kickoff.md: reviewed: is not a real calendar date']);
  });
  it('a translation of a playbook that has no English file still says so', () => {
    const ja = shipped.find((f) => f.path === 'content/playbooks/ja/kickoff.md')!;
    expect(only([...shipped, { path: 'content/playbooks/ja/no-such-playbook.md', text: ja.text }])).toEqual([
      'content/playbooks/ja/no-such-playbook.md: (file name): translates a playbook that does not exist: there is no content/playbooks/en/no-such-playbook.md',
    ]);
  });
  it('an invalid framework does not make every role, playbook and onboarding item that names it "unknown"', () => {
    const fw = shipped.find((f) => f.path === 'content/frameworks/cs-skills.yaml')!;
    const text = fw.text.replace(/^version:.*$/m, 'version: [not, a, string]');
    expect(text).not.toBe(fw.text);
    const problems = only([...shipped.filter((f) => f !== fw), { path: fw.path, text }]);
    expect(problems).toEqual([expect.stringMatching(/^content\/frameworks\/cs-skills\.yaml: version: /)]);
  });
  it('a field with several failed checks gets one line', () => {
    const kickoff = shipped.find((f) => f.path === 'content/playbooks/en/kickoff.md')!;
    const text = kickoff.text.replace(/^reviewed:.*$/m, 'reviewed: soon');
    expect(text).not.toBe(kickoff.text);
    expect(only([...shipped.filter((f) => f !== kickoff), { path: kickoff.path, text }])).toEqual([
      'content/playbooks/en/kickoff.md: reviewed: must be a date written YYYY-MM-DD',
    ]);
  });
});

describe('freshness', () => {
  it('computes the review due date and overdue state', () => {
    expect(reviewDue({ reviewed: '2026-03-02', reviewEvery: 180 })).toBe('2026-08-29');
    expect(isReviewOverdue({ reviewed: '2026-03-02', reviewEvery: 180 }, '2026-08-29')).toBe(false);
    expect(isReviewOverdue({ reviewed: '2026-03-02', reviewEvery: 180 }, '2026-08-30')).toBe(true);
    expect(isReviewOverdue({ reviewEvery: 180 }, '2026-01-01')).toBe(true);
  });
  it('reports overdue content and content without an owner', () => {
    const { content } = checkContent(shipped);
    const report = freshnessReport(content, '2026-11-24');
    expect(report).toContainEqual({
      file: 'content/playbooks/en/nps-detractor-follow-up.md',
      kind: 'overdue',
      message: 'review was due on 2026-08-29 (reviewed 2026-03-02, every 180 days)',
    });
    const csm = shipped.find((f) => f.path === 'content/roles/csm.yaml')!;
    const noOwner = checkContent([
      ...shipped.filter((f) => f !== csm),
      { path: csm.path, text: csm.text.replace(/^owner: .*$/m, '') },
    ]).content;
    expect(freshnessReport(noOwner, '2026-11-24')).toContainEqual({
      file: 'content/roles/csm.yaml',
      kind: 'no-owner',
      message: 'has no owner',
    });
  });
});
