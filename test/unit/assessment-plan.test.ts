import { describe, expect, it } from 'vitest';
import {
  growthPlanMarkdown,
  type GrowthPlanInput,
  type GrowthPlanLabels,
} from '../../src/lib/assessment/growth-plan.ts';
import { escapeMarkdown } from '../../src/lib/text/markdown.ts';
import { readiness } from '../../src/lib/assessment/readiness.ts';
import { expectAllIn } from '../helpers/text-parts.ts';

const en: GrowthPlanLabels = {
  title: 'Growth plan',
  date: 'Date',
  framework: 'Framework',
  targetRole: 'Target role',
  readiness: 'Readiness',
  bestMatch: 'Best match today',
  readinessSummary: '{met} met, {nearMiss} one level short, {missing} further away, of {total}',
  gaps: 'What to grow next',
  noGaps: 'No gaps: every expected level is met.',
  level: 'Level {n}',
  notYet: 'Not yet',
  current: 'Now',
  next: 'Next',
  signals: 'Signals to show',
  evidence: 'Evidence so far',
  playbooks: 'Playbooks',
  onboarding: 'Onboarding',
  nextSteps: 'Agreed next steps',
};

const ja: GrowthPlanLabels = {
  title: '成長プラン',
  date: '日付',
  framework: 'フレームワーク',
  targetRole: '目標ロール',
  readiness: '準備度',
  bestMatch: '現在最も近いロール',
  readinessSummary: '{total}要素中 達成{met}・あと1段階{nearMiss}・未達{missing}',
  gaps: '次に伸ばす要素',
  noGaps: 'ギャップはありません。',
  level: 'レベル{n}',
  notYet: '未到達',
  current: '現在',
  next: '次',
  signals: '示すべきシグナル',
  evidence: 'これまでの根拠',
  playbooks: 'プレイブック',
  onboarding: 'オンボーディング',
  nextSteps: '合意した次のアクション',
};

function input(overrides: Partial<GrowthPlanInput> = {}): GrowthPlanInput {
  return {
    name: 'Hanako Yamada',
    date: '2026-11-24',
    frameworkName: 'Customer Success skills',
    targetRoleName: 'Senior CSM',
    readiness: readiness({ a: 2, b: 1, c: 4 }, { a: 3, b: 3, c: 3, d: 0 }),
    bestMatch: { name: 'CSM', score: 0.8 },
    gaps: [
      {
        element: 'Risk escalation',
        current: 1,
        expected: 3,
        currentDescriptor: 'Raises risks when asked.',
        nextDescriptor: 'Spots risks early and escalates with a plan.',
        signals: ['Escalated a red account before renewal', 'Wrote the risk summary'],
        evidence: 'Flagged ACME in May',
        playbooks: [{ title: 'Red account recovery', url: '/en/playbooks/red-account-recovery/' }],
        onboarding: [{ title: 'Health score basics', url: '/en/onboarding/csm/#health' }],
      },
      { element: 'Customer 360° view', current: 0, expected: 1, nextDescriptor: 'Keeps the account record current.' },
    ],
    labels: en,
    ...overrides,
  };
}

describe('growthPlanMarkdown', () => {
  it('renders the agenda in English', () => {
    const md = growthPlanMarkdown(input());
    expect(md.startsWith('# Growth plan: Hanako Yamada\n')).toBe(true);
    expectAllIn(md, [
      '- **Date:** 2026-11-24',
      '- **Framework:** Customer Success skills',
      '- **Target role:** Senior CSM',
      // a near miss, b missing, c met: (1 + 0.5) / 3 = 50%
      '- **Readiness:** 50% (1 met, 1 one level short, 1 further away, of 3)',
      '- **Best match today:** CSM (80%)',
      '## What to grow next',
      '### 1. Risk escalation: Level 1 → Level 3',
      '**Now (Level 1):** Raises risks when asked.',
      '**Next (Level 2):** Spots risks early and escalates with a plan.',
      '**Signals to show:**\n\n- Escalated a red account before renewal\n- Wrote the risk summary\n',
      '**Evidence so far:**\n\n> Flagged ACME in May\n',
      '- [Red account recovery](/en/playbooks/red-account-recovery/)',
      '- [Health score basics](/en/onboarding/csm/#health)',
      '### 2. Customer 360° view: Not yet → Level 1',
      '**Next (Level 1):** Keeps the account record current.',
      '## Agreed next steps\n\n- [ ] ',
    ]);
    expect(md.indexOf('### 1.')).toBeLessThan(md.indexOf('### 2.'));
  });

  it('renders in Japanese with the Japanese labels', () => {
    const md = growthPlanMarkdown(
      input({
        name: '山田花子',
        frameworkName: 'カスタマーサクセス スキル',
        targetRoleName: 'シニアCSM',
        bestMatch: { name: 'CSM', score: 1 },
        labels: ja,
      }),
    );
    expect(md.startsWith('# 成長プラン: 山田花子\n')).toBe(true);
    expectAllIn(md, [
      '- **準備度:** 50% (3要素中 達成1・あと1段階1・未達1)',
      '- **現在最も近いロール:** CSM (100%)',
      '### 1. Risk escalation: レベル1 → レベル3',
      '### 2. Customer 360° view: 未到達 → レベル1',
      '## 合意した次のアクション',
    ]);
  });

  it('leaves out what is not given, and says when there are no gaps', () => {
    const md = growthPlanMarkdown(
      input({ targetRoleName: undefined, readiness: undefined, bestMatch: null, gaps: [] }),
    );
    expect(md).not.toContain('Target role');
    expect(md).not.toContain('Readiness');
    expect(md).not.toContain('Best match');
    expect(md).toContain('\n\nNo gaps: every expected level is met.\n');
  });

  it('keeps Markdown and HTML in user text literal', () => {
    const md = growthPlanMarkdown(
      input({
        name: '*bold* [x](y) <script>alert(1)</script>',
        gaps: [
          {
            element: 'Risk_escalation | `code`',
            current: 1,
            expected: 2,
            evidence:
              '# not a heading\n- not a list\n1. not a list\n    not code\n> not a quote\n<img src=x onerror=alert(1)> &copy; ![i](j)',
            signals: ['- starts with a dash', '+ plus', '2) numbered'],
          },
        ],
      }),
    );
    expect(md).toContain('# Growth plan: \\*bold\\* \\[x\\](y) \\<script\\>alert(1)\\</script\\>');
    expect(md).not.toMatch(/(^|[^\\])<script>/);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toContain('### 1. Risk\\_escalation \\| \\`code\\`: Level 1 → Level 2');
    expect(md).toContain(
      [
        '> \\# not a heading',
        '> \\- not a list',
        '> 1\\. not a list',
        '> not code',
        '> \\> not a quote',
        '> \\<img src=x onerror=alert(1)\\> \\&copy; \\!\\[i\\](j)',
      ].join('\n'),
    );
    expect(md).toContain('- \\- starts with a dash\n- \\+ plus\n- 2\\) numbered');
  });

  it('never turns a name into more than one line', () => {
    const md = growthPlanMarkdown(input({ name: 'Hanako\n# Injected heading\r\n- item' }));
    expect(md.split('\n')[0]).toBe('# Growth plan: Hanako \\# Injected heading - item');
    expect(md).not.toMatch(/^# Injected/m);
  });

  it('links only to site paths and http(s), with titles escaped', () => {
    const md = growthPlanMarkdown(
      input({
        gaps: [
          {
            element: 'X',
            current: 0,
            expected: 2,
            playbooks: [
              { title: 'Evil', url: 'javascript:alert(1)' },
              { title: 'Proto-relative', url: '//evil.example/x' },
              { title: 'Spaces (and parens)', url: '/en/playbooks/a b (c)/' },
              { title: '[Nested](link)', url: 'https://example.com/' },
            ],
          },
        ],
      }),
    );
    expect(md).toContain('- Evil\n');
    expect(md).not.toContain('javascript:');
    expectAllIn(md, [
      '- Proto-relative\n',
      '- [Spaces (and parens)](/en/playbooks/a%20b%20%28c%29/)',
      '- [\\[Nested\\](link)](https://example.com/)',
    ]);
  });
});

describe('escapeMarkdown', () => {
  it('escapes inline syntax everywhere and block syntax at the start', () => {
    expect(escapeMarkdown('a*b_c`d[e]f<g>h&i|j~k#l!m\\n')).toBe(
      'a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\&i\\|j\\~k\\#l\\!m\\\\n',
    );
    expect(escapeMarkdown('- x')).toBe('\\- x');
    expect(escapeMarkdown('12. x')).toBe('12\\. x');
    expect(escapeMarkdown('a - b. c')).toBe('a - b. c');
    expect(escapeMarkdown('山田花子 😀')).toBe('山田花子 😀');
  });
});
