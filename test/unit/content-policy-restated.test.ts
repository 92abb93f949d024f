/**
 * No policy number is stated twice: content refers to a policy ({{policy:KEY}}) instead of writing its
 * number out. The scanner looks, sentence by sentence and in both languages, for a policy's number with
 * its unit next to one of the policy's topic words.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, type SourceFile } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { indexPolicies } from '../../src/lib/content/policies.ts';
import {
  findRestatedPolicies,
  policiesWithoutPatterns,
  valuePatterns,
  type AllowedRestatement,
} from '../../src/lib/content/policy-restated.ts';

/**
 * Sentences that hold a policy's number and topic word but do not restate the policy. Keep this list
 * short; every entry says why.
 */
const ALLOWED: AllowedRestatement[] = [
  {
    file: 'content/frameworks/cs-skills.yaml',
    key: 'first-value-target',
    contains: '45日から28日',
    why: 'a worked example reports a measured median time to first value (45 → 28 days), not the target',
  },
];

const shipped = readContentFiles('.');
const scan = (files: SourceFile[], allowed = ALLOWED) => {
  const { content } = checkContent(files);
  return findRestatedPolicies(content, indexPolicies(content), allowed);
};
const replace = (path: string, fn: (s: string) => string): SourceFile[] =>
  shipped.map((f) => (f.path === path ? { path, text: fn(f.text) } : f));

describe('policies stated once', () => {
  it('no content file writes out a number that a policy states', () => {
    const found = scan(shipped).map((r) => `${r.file}: ${r.path}: restates policy "${r.key}": ${r.sentence}`);
    expect(found).toEqual([]);
  });

  it('every numeric policy can be scanned: it has topic words, and a unit for each value', () => {
    const { content } = checkContent(shipped);
    expect(policiesWithoutPatterns(indexPolicies(content))).toEqual([]);
  });

  it('every allowed exception still exists (a stale entry would hide a new restatement)', () => {
    const hits = scan(shipped, []);
    for (const a of ALLOWED)
      expect(
        hits.some((h) => h.file === a.file && h.key === a.key && h.sentence.includes(a.contains)),
        a.contains,
      ).toBe(true);
  });

  it('finds a restated number in an English Markdown body, naming the file and the policy', () => {
    const files = replace(
      'content/playbooks/en/qbr.md',
      (s) => `${s}\nStart the renewal work 120 days before the cancellation-notice deadline.\n`,
    );
    expect(scan(files)).toEqual([
      expect.objectContaining({ file: 'content/playbooks/en/qbr.md', path: '(body)', key: 'renewal-value-review' }),
    ]);
  });

  it('finds it in Japanese YAML strings and translations, with the unit written the Japanese way', () => {
    const journey = replace('content/journeys/high-touch-b2b.yaml', (s) =>
      s.replace(
        '- アダプション完了：{{policy:adoption-complete}}',
        '- ライセンスの80%以上がアクティブ（アダプション完了）',
      ),
    );
    expect(scan(journey)).toEqual([
      expect.objectContaining({ file: 'content/journeys/high-touch-b2b.yaml', key: 'adoption-complete' }),
    ]);
    const tr = replace(
      'content/playbooks/ja/nps-detractor-follow-up.md',
      (s) => `${s}\n批判者には回答から2営業日以内に連絡します。\n`,
    );
    expect(scan(tr)).toEqual([
      expect.objectContaining({
        file: 'content/playbooks/ja/nps-detractor-follow-up.md',
        path: '(body)',
        key: 'detractor-contact',
      }),
    ]);
  });

  it('finds numbers written as words, ranges and score thresholds', () => {
    const files = replace(
      'content/playbooks/en/qbr.md',
      (s) =>
        `${s}\nA red account leaves triage after two consecutive weekly scores of 50 or more.\n\nThe backtest reads scores 60–90 days before renewal.\n\nCall every detractor within two business days.\n`,
    );
    expect(
      scan(files)
        .map((r) => r.key)
        .sort(),
    ).toEqual(['backtest-window', 'detractor-contact', 'red-exit']);
  });

  it('does not flag a reference, a number without the topic, or the topic with another number', () => {
    const files = replace(
      'content/playbooks/en/qbr.md',
      (s) =>
        `${s}\nHold the review {{policy:renewal-value-review}}.\n\nKeep notes for 120 days.\n\nSend the renewal reminder 14 days ahead.\n`,
    );
    expect(scan(files)).toEqual([]);
  });

  it('follows the policy: after a value changes, the old number is no longer a restatement and the new one is', () => {
    const changed = replace('content/policies/renewal.yaml', (s) =>
      s.replace('values: { days: 120 }', 'values: { days: 100 }'),
    );
    const text = (files: SourceFile[], line: string) =>
      files.map((f) => (f.path === 'content/playbooks/en/qbr.md' ? { ...f, text: `${f.text}\n${line}\n` } : f));
    expect(scan(text(changed, 'Start the renewal work 120 days before the deadline.'))).toEqual([]);
    expect(scan(text(changed, 'Start the renewal work 100 days before the deadline.')).map((r) => r.key)).toEqual([
      'renewal-value-review',
    ]);
  });

  it('knows the units of the value names the policies use', () => {
    expect(valuePatterns('businessDays', 2, 'en').some((r) => r.test('within 2 business days'))).toBe(true);
    expect(valuePatterns('day', 45, 'ja').some((r) => r.test('本稼働から45日目'))).toBe(true);
    expect(valuePatterns('days', 120, 'en').some((r) => r.test('the 120-day mark'))).toBe(true);
    expect(valuePatterns('days', 20, 'en').some((r) => r.test('120 days'))).toBe(false);
    expect(valuePatterns('activePercent', 10, 'en').some((r) => r.test('10 percentage points'))).toBe(false);
    expect(valuePatterns('unknownName', 3, 'en')).toEqual([]);
  });
});
