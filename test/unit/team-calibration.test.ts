/**
 * Calibration (self vs manager) and the team exports: agenda items for differences of more than one
 * level with both levels and both evidence notes, Markdown that keeps user text literal, CSV with a
 * BOM, CRLF, quoting and formula protection.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientData } from '../../src/lib/assessment/skill-island-props.ts';
import { parseAssessmentFile } from '../../src/lib/assessment/file-format.ts';
import { emptyAssessment } from '../../src/lib/assessment/storage.ts';
import { agendaMarkdown, calibrate, type AgendaLabels } from '../../src/lib/team/calibration.ts';
import { teamCsv, teamMarkdown, type SummaryInput } from '../../src/lib/team/export.ts';
import type { HeatRow } from '../../src/lib/team/aggregate.ts';
import { coverage } from '../../src/lib/team/coverage.ts';
import { parseCsv } from '../../src/lib/health/csv.ts';
import { expectAllIn } from '../helpers/text-parts.ts';
import { TEAM_SUMMARY_LABELS } from '../helpers/team-labels.ts';

const data = clientData(checkContent(readContentFiles('.')).content, 'en');
const cs = data.frameworks.find((f) => f.id === 'cs-skills')!;
const EL = cs.elements.map((e) => e.id);
const load = (name: string) => {
  const r = parseAssessmentFile(readFileSync(`test/fixtures/team/${name}`, 'utf8'));
  if (!r.ok) throw new Error(name);
  return r.assessment;
};

const LABELS: AgendaLabels = {
  title: '1:1 agenda',
  date: 'Date',
  framework: 'Framework',
  self: 'Self-assessment',
  manager: 'Manager’s assessment',
  items: 'Differences',
  none: 'No element differs by more than one level.',
  level: 'Level {n}',
  notYet: 'Not yet',
  evidence: 'Evidence ({who})',
  noEvidence: 'No evidence written.',
  difference: 'Difference: {n} levels',
  nextSteps: 'Agreed next steps',
};

describe('calibrate', () => {
  const self = load('sato-aiko-self-2026-09.json');
  const manager = load('sato-aiko-manager-2026-09.json');
  const cal = calibrate(self, manager, cs);

  it('puts every element with |manager − self| > 1 on the agenda, with both levels and both notes', () => {
    expect(cal.agenda.map((i) => [i.element, i.self, i.manager, i.diff])).toEqual([
      ['customer-health', 4, 2, -2],
      ['risk-escalation', 3, 1, -2],
      ['expansion-management', 1, 3, 2],
    ]);
    expect(cal.agenda[0].selfEvidence).toMatch(/redesigned the health score/);
    expect(cal.agenda[0].managerEvidence).toMatch(/still a draft/);
    expect(cal.items).toHaveLength(14);
    expect(cal.agreed).toBe(11);
  });

  it('does not put a one-level difference or a one-sided rating on the agenda', () => {
    const a = emptyAssessment(cs, { name: 'X' }, 'self');
    const b = emptyAssessment(cs, { name: 'X' }, 'manager');
    a.ratings = { [EL[0]]: { level: 2 }, [EL[1]]: { level: 4 }, [EL[2]]: { level: 1 } };
    b.ratings = { [EL[0]]: { level: 3 }, [EL[1]]: { level: 1 }, [EL[3]]: { level: 5 } };
    const c = calibrate(a, b, cs);
    expect(c.agenda.map((i) => [i.element, i.diff])).toEqual([[EL[1], -3]]);
    expect(c.oneSided.map((i) => i.element)).toEqual([EL[2], EL[3]]);
    expect(c.items[2]).toMatchObject({ self: 1, manager: null, diff: null });
  });

  it('exports the agenda as Markdown with every user text escaped', () => {
    const evil = load('script-in-name.json');
    const manager2 = {
      ...evil,
      kind: 'manager' as const,
      assessor: '<b>boss</b>',
      ratings: { ...evil.ratings, 'customer-health': { level: 4, evidence: '# heading\n- list | pipe' } },
    };
    const c = calibrate(evil, manager2, cs);
    const md = agendaMarkdown({
      name: evil.person.name,
      date: '2026-11-24',
      frameworkName: 'CS skills 2026.1',
      selfDate: '2026-07-01',
      managerDate: '2026-07-02',
      assessor: manager2.assessor,
      items: c.agenda.map((i) => ({ ...i, elementName: cs.elements.find((e) => e.id === i.element)!.name })),
      labels: LABELS,
    });
    expect(md).toMatch(
      /^# 1:1 agenda: \\<script\\>alert\("team"\)\\<\/script\\>Eve \\<img src=x onerror=alert\(1\)\\>$/m,
    );
    expect(md).not.toMatch(/(^|[^\\])</m); // every "<" is escaped
    expectAllIn(md, [
      '\\*\\*bold\\*\\* \\[link\\](javascript:alert(3))',
      '> \\# heading',
      '> \\- list \\| pipe',
      '- **Self-assessment:** Level 1',
      '- **Manager’s assessment:** Level 4',
      '- Difference: +3 levels',
    ]);
    expect(md).toMatch(/## Agreed next steps\n\n- \[ \] /);
  });

  it('says so when nothing differs', () => {
    const md = agendaMarkdown({
      name: 'A',
      date: '2026-11-24',
      frameworkName: 'F',
      selfDate: 'x',
      managerDate: 'y',
      items: [],
      labels: LABELS,
    });
    expect(md).toContain('No element differs by more than one level.');
  });
});

describe('team summary exports', () => {
  const rows: HeatRow[] = [
    {
      key: 'a',
      name: '山田 花子, "Hana"',
      role: 'csm',
      targetRole: 'senior-csm',
      kind: 'manager',
      updatedAt: '2026-09-20T10:00:00+09:00',
      hasSelf: true,
      hasManager: true,
      cells: cs.elements.map((_, i) => ({ level: i === 1 ? null : 3, expected: 3, gap: i === 1 ? 3 : 0 })),
      gapCount: 1,
      rated: 13,
    },
    {
      key: 'b',
      name: '=HYPERLINK("http://evil")',
      kind: 'self',
      updatedAt: '2026-09-01T00:00:00Z',
      hasSelf: true,
      hasManager: false,
      cells: cs.elements.map(() => ({ level: 1, expected: null, gap: 0 })),
      gapCount: 0,
      rated: 14,
    },
    {
      key: 'c',
      name: 'Pipe | *star* <b>x</b>',
      kind: 'self',
      updatedAt: '2026-09-01T00:00:00Z',
      hasSelf: true,
      hasManager: false,
      cells: cs.elements.map(() => ({ level: 4, expected: null, gap: 0 })),
      gapCount: 0,
      rated: 14,
    },
  ];
  const input: SummaryInput = {
    frameworkName: 'CS skills',
    frameworkVersion: '2026.1',
    date: '2026-11-24',
    elements: cs.elements,
    rows,
    memberName: (r) => r.name,
    roleName: (id) => data.roles.find((r) => r.id === id)?.name ?? '',
    kindName: (k) => (k === 'manager' ? 'Manager' : 'Self'),
    coverage: coverage(rows, cs),
    stats: [{ element: EL[0], rated: 3, median: 3, min: 1, max: 4 }],
    labels: TEAM_SUMMARY_LABELS,
  };

  it('writes CSV with a UTF-8 BOM, CRLF line ends, quoted cells and formula protection', () => {
    const csv = teamCsv(input);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toMatch(/^"山田 花子, ""Hana""",Manager,/);
    expect(csv).toContain(`'=HYPERLINK(""http://evil"")`);
    const parsed = parseCsv(csv);
    expect(parsed.headers).toEqual([
      'Member',
      'Assessment',
      'Role',
      'Target role',
      'Saved',
      ...cs.elements.map((e) => e.name),
      'Gaps',
    ]);
    expect(parsed.rows[0].slice(0, 7)).toEqual([
      '山田 花子, "Hana"',
      'Manager',
      data.roles.find((r) => r.id === 'csm')!.name,
      data.roles.find((r) => r.id === 'senior-csm')!.name,
      '2026-09-20',
      '3',
      '',
    ]);
    expect(parsed.rows[0].at(-1)).toBe('1');
    expect(parsed.rows[1][0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(parsed.errors).toEqual([]);
  });

  it('writes Markdown with escaped names, gap markers, statistics and coverage', () => {
    const md = teamMarkdown(input);
    expect(md).toMatch(/^# Team summary$/m);
    expect(md).toContain('| Pipe \\| \\*star\\* \\<b\\>x\\</b\\> | Self |');
    expect(md).not.toContain('<b>');
    const line = md.split('\n').find((l) => l.startsWith('| 山田'))!;
    expect(line.split(' | ')[5]).toBe('–'); // column 2 of the elements is unrated
    expect(line).toContain('3 | – | 3');
    expect(md).toContain(`| ${cs.elements[0].name} | 3 | 1 | 4 | 3 |`);
    // Row c reaches level 4 everywhere; only c covers the element row a did not rate.
    expect(md).toMatch(/### Organisation-level gaps\n\nNone\n/);
    expect(md).toContain(`### One person only\n\n- ${cs.elements[1].name}: Pipe \\| \\*star\\* \\<b\\>x\\</b\\>\n`);
    expect(md).toMatch(/### No one\n\nNone\n/);
    // Every table line has the same number of cells: pipes in names are escaped.
    const tableLines = md.split('\n').filter((l) => l.startsWith('| ') && l.includes('Self |'));
    const count = (l: string) => l.replace(/\\\|/g, '').split('|').length;
    expect(new Set(tableLines.map(count)).size).toBe(1);
  });

  it('marks gaps in the Markdown table', () => {
    const withGap = {
      ...input,
      rows: [
        {
          ...rows[2],
          cells: rows[2].cells.map((c, i) => (i === 0 ? { level: 1, expected: 3, gap: 2 } : c)),
          gapCount: 1,
        },
      ],
    };
    expect(teamMarkdown(withGap)).toContain('| 1 ▼3 |');
  });
});
