/**
 * Policies stated once: the schema, the content check (unknown keys, steps timed by a policy), the
 * resolution in each text's language, and the policies the content writer relies on.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type SourceFile } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import {
  indexPolicies,
  policyRefs,
  resolveBodyHtml,
  resolveContent,
  resolvePolicyRefs,
} from '../../src/lib/content/policies.ts';
import { Policy, policyText } from '../../src/schemas/policy.ts';

const shipped = readContentFiles('.');
const replace = (path: string, fn: (s: string) => string): SourceFile[] =>
  shipped.map((f) => (f.path === path ? { path, text: fn(f.text) } : f));
const add = (file: SourceFile): SourceFile[] => [...shipped, file];
const problems = (files: SourceFile[]) => checkContent(files).problems.map(formatProblem);

describe('policy schema and text', () => {
  it('fills values, English number words and plurals', () => {
    const p = Policy.parse({
      key: 'x',
      name: { en: 'X' },
      values: { n: 2, d: 1 },
      text: { en: '{n|words} weeks, within {d|plural:business day}', ja: '{n}週、{d}営業日以内' },
    });
    expect(policyText(p, 'en')).toBe('two weeks, within 1 business day');
    expect(policyText(p, 'ja')).toBe('2週、1営業日以内');
    expect(policyText({ ...p, values: { n: 3, d: 2 } }, 'en')).toBe('three weeks, within 2 business days');
  });
  it('rejects a placeholder without a value, and a Japanese text that is missing', () => {
    const r = Policy.safeParse({
      key: 'x',
      name: { en: 'X' },
      values: {},
      text: { en: 'within {days} days', ja: '{days}日以内' },
    });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message).join('\n')).toMatch(
      /uses \{days\} but the policy has no value "days"/,
    );
    expect(Policy.safeParse({ key: 'x', name: { en: 'X' }, text: { en: 'weekly' } }).success).toBe(false);
  });
  it('finds references written with spaces inside the braces too', () => {
    expect(policyRefs('a {{policy:red-exit}} b {{ policy:first-value }} c {policy:x} {{policy:}}')).toEqual([
      'red-exit',
      'first-value',
      '',
    ]);
  });
});

describe('the policies the content relies on', () => {
  const { content } = checkContent(shipped);
  const index = indexPolicies(content);
  const expected: Record<string, [string, string]> = {
    'red-exit': ['two consecutive weekly scores of 50 or more', '週次スコアが2週連続で50以上'],
    'red-notify': ['the CS lead and the account executive, within 1 business day', '1営業日以内にCSリードと営業担当'],
    'first-value': [
      "at least 10 % of licensed users active in one week and the customer's first core workflow completed",
      'ライセンスの10%以上が1週間にアクティブになり、かつ最初の主要ワークフローが完了した状態',
    ],
    'detractor-contact': ['within 2 business days of the response', '回答から2営業日以内'],
    'kickoff-deadline': ['within 10 business days of contract signature', '契約締結から10営業日以内'],
    'onboarding-cadence': ['weekly', '毎週'],
    'expansion-trigger': [
      'licence utilisation above 90 % for 30 consecutive days',
      'ライセンス利用率が30日連続で90%超',
    ],
    'renewal-value-review': ['120 days before the cancellation-notice deadline', '解約予告期限の120日前'],
    'renewal-quote': ['90 days before the cancellation-notice deadline', '解約予告期限の90日前'],
    'low-adoption-escalation': ['day 45 after go-live', '本稼働から45日目'],
    'cancellation-notice-default': ['90 days before the end of the term', '契約期間満了の90日前'],
    'red-update-cadence': ['weekly', '毎週'],
    'trend-alert': ['a change of 10 points or more since the last update', '前回から10点以上の変化'],
    'backtest-window': ['60–90 days before the renewal decision', '更新判断の60〜90日前'],
    'renewal-commitment': ['60 days before the cancellation-notice deadline', '解約予告期限の60日前'],
    'first-value-target': ['within 45 days of kickoff', 'キックオフから45日以内'],
    'adoption-complete': ['at least 80 % of licences active', 'ライセンスの80%以上がアクティブ'],
  };
  for (const [key, [en, ja]] of Object.entries(expected)) {
    it(`${key} reads exactly as agreed`, () => {
      const p = index.get(key);
      expect(p, key).toBeDefined();
      expect(policyText(p!.policy, 'en')).toBe(en);
      expect(policyText(p!.policy, 'ja')).toBe(ja);
    });
  }
  it('every policy is used somewhere in the content', () => {
    const used = new Set<string>();
    for (const f of shipped)
      if (!f.path.startsWith('content/policies/')) for (const k of policyRefs(f.text)) used.add(k);
    for (const f of shipped) for (const m of f.text.matchAll(/^\s*policy: ([a-z0-9-]+)$/gm)) used.add(m[1]);
    expect([...index.keys()].filter((k) => !used.has(k))).toEqual([]);
  });
});

describe('content check', () => {
  it("fails when a health model's trend alert differs from the trend-alert policy", () => {
    const files = replace('content/healthModels/mid-market-health.yaml', (s) =>
      s.replace(/^trendAlert: 10$/m, 'trendAlert: 15'),
    );
    expect(problems(files)).toEqual([
      expect.stringMatching(
        /^content\/healthModels\/mid-market-health\.yaml: trendAlert: is 15 but policy "trend-alert" \(content\/policies\/health\.yaml\) sets 10 points/,
      ),
    ]);
    const policy = replace('content/policies/health.yaml', (s) =>
      s.replace('values: { points: 10 }', 'values: { points: 12 }'),
    );
    expect(problems(policy)).toHaveLength(3);
  });
  it('fails on an unknown key in a Markdown body, naming the file and the key', () => {
    const files = replace('content/playbooks/en/kickoff.md', (s) => `${s}\nSee {{policy:kickof-deadline}}.\n`);
    const p = problems(files);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(
      /^content\/playbooks\/en\/kickoff\.md: \(body\): unknown policy "kickof-deadline" in \{\{policy:kickof-deadline\}\}; known policies: .*kickoff-deadline/,
    );
  });
  it('fails on an unknown key in a YAML string, naming the field', () => {
    const files = replace('content/glossary/churn.yaml', (s) =>
      s.replace('    A customer cancelling', '    {{policy:no-such-rule}} A customer cancelling'),
    );
    expect(problems(files)).toEqual([
      expect.stringMatching(/^content\/glossary\/churn\.yaml: definition\.en: unknown policy "no-such-rule"/),
    ]);
  });
  it('fails on an unknown key in a Japanese translation and in a journey list', () => {
    const tr = replace('content/playbooks/ja/kickoff.md', (s) =>
      s.replace('{{policy:kickoff-deadline}}', '{{policy:kickoff-dedline}}'),
    );
    expect(problems(tr)).toEqual([
      expect.stringMatching(
        /^content\/playbooks\/ja\/kickoff\.md: trigger\.description: unknown policy "kickoff-dedline"/,
      ),
    ]);
    const j = replace('content/journeys/high-touch-b2b.yaml', (s) =>
      s.replace('{{policy:detractor-contact}}', '{{policy:detractor}}'),
    );
    expect(problems(j)).toEqual([
      expect.stringMatching(
        /^content\/journeys\/high-touch-b2b\.yaml: stages\[2\]\.csmActions\.en\[3\]: unknown policy "detractor"/,
      ),
    ]);
  });
  it('fails on a duplicate key across policy files', () => {
    const files = add({
      path: 'content/policies/zz-extra.yaml',
      text: 'title: { en: Extra }\npolicies:\n  - key: red-exit\n    name: { en: Dup }\n    text: { en: a, ja: あ }\n',
    });
    expect(problems(files)).toEqual([
      expect.stringMatching(
        /^content\/policies\/zz-extra\.yaml: policies\[0\]\.key: duplicate policy key "red-exit": content\/policies\/health\.yaml/,
      ),
    ]);
  });
  it('a step timed by a policy must have the policy’s day', () => {
    const files = replace('content/playbooks/en/renewal-120-90-60.md', (s) =>
      s.replace('    day: -90\n    policy: renewal-quote', '    day: -80\n    policy: renewal-quote'),
    );
    expect(problems(files)).toEqual([
      expect.stringMatching(
        /renewal-120-90-60\.md: steps\[2\]\.day: is -80 but policy "renewal-quote" \(content\/policies\/renewal\.yaml\) sets day -90/,
      ),
    ]);
    const moved = replace('content/policies/renewal.yaml', (s) => s.replace('day: -90', 'day: -75'));
    expect(problems(moved)).toEqual([
      expect.stringMatching(/steps\[2\]\.day: is -90 but policy "renewal-quote" .* sets day -75/),
    ]);
  });
  it('a Japanese translation needs a Japanese timing label for every step', () => {
    const missing = replace('content/playbooks/ja/sales-handover.md', (s) => s.replace('    when: 1営業日以内\n', ''));
    expect(problems(missing)).toEqual([
      'content/playbooks/ja/sales-handover.md: steps[1].when: is required: translate the English timing "Within 1 business day"',
    ]);
    const english = replace('content/playbooks/ja/sales-handover.md', (s) =>
      s.replace('    when: 1営業日以内\n', '    when: Within 1 business day\n'),
    );
    expect(problems(english)).toEqual([
      expect.stringMatching(/steps\[1\]\.when: "Within 1 business day" is not Japanese/),
    ]);
  });
});

describe('resolution in each text’s language', () => {
  const { content } = checkContent(shipped);
  const resolved = resolveContent(content);
  it('English playbooks get English text, Japanese translations Japanese text', () => {
    expect(resolved.playbooks.get('kickoff')!.data.trigger.description).toContain(
      'within 10 business days of contract signature',
    );
    expect(resolved.playbookTranslations.get('ja')!.get('kickoff')!.data.trigger!.description).toContain(
      '契約締結から10営業日以内',
    );
    const steps = resolved.playbookTranslations.get('ja')!.get('renewal-120-90-60')!.data.steps!;
    expect(steps[1].when).toBe('解約予告期限の120日前');
  });
  it('localised YAML fields get their own language', () => {
    const red = resolved.healthModels.get('high-touch-health')!.data.bands.find((b) => b.id === 'red')!;
    expect(red.exit!.en).toMatch(/^Two consecutive weekly scores of 50 or more, no override/);
    expect(red.exit!.ja).toMatch(/^週次スコアが2週連続で50以上、かつ/);
  });
  it('leaves no reference anywhere in the resolved content', () => {
    expect(
      JSON.stringify([
        ...resolved.playbooks.values(),
        ...resolved.journeys.values(),
        ...resolved.glossary.values(),
        ...resolved.healthModels.values(),
        ...resolved.frameworks.values(),
        ...resolved.roles.values(),
        ...resolved.onboarding.values(),
        ...[...resolved.playbookTranslations.values()].flatMap((m) => [...m.values()]),
      ]),
    ).not.toMatch(/\{\{\s*policy:/);
  });
  it('capitalises an English policy text that opens a sentence, a list item or an element, and only there', () => {
    const index = new Map([
      [
        'w',
        {
          policy: Policy.parse({ key: 'w', name: { en: 'W' }, text: { en: 'weekly', ja: '毎週' } }),
          file: 'f',
          path: 'p',
        },
      ],
    ]);
    expect(resolvePolicyRefs('{{policy:w}}, then more', 'en', index)).toBe('Weekly, then more');
    expect(resolvePolicyRefs('Done. {{policy:w}} again', 'en', index)).toBe('Done. Weekly again');
    expect(resolvePolicyRefs('- a\n- {{policy:w}}', 'en', index)).toBe('- a\n- Weekly');
    expect(resolvePolicyRefs('<li>{{policy:w}}</li>', 'en', index)).toBe('<li>Weekly</li>');
    expect(resolvePolicyRefs('updated {{policy:w}} until', 'en', index)).toBe('updated weekly until');
    expect(resolvePolicyRefs('e.g. 3, {{policy:w}}', 'en', index)).toBe('e.g. 3, weekly');
    expect(resolvePolicyRefs('{{policy:w}}', 'ja', index)).toBe('毎週');
  });
  it('escapes policy text in HTML and keeps unknown references as written', () => {
    const index = new Map([
      [
        'x',
        {
          policy: Policy.parse({ key: 'x', name: { en: 'X' }, text: { en: 'a < b & "c"', ja: '甲' } }),
          file: 'f',
          path: 'p',
        },
      ],
    ]);
    expect(resolveBodyHtml('<p>{{policy:x}} {{policy:y}}</p>', 'en', index)).toBe(
      '<p>A &lt; b &amp; &quot;c&quot; {{policy:y}}</p>',
    );
    expect(resolvePolicyRefs('{{policy:x}}', 'ja', index)).toBe('甲');
  });
});
