/**
 * The Japanese term sheet (content/terms.yml) and the glossary agree, and the Japanese style check
 * (textlint with .textlintrc.yml) really flags what the term sheet and the style rules forbid.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createLinter, loadTextlintrc } from 'textlint';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { japaneseTexts } from '../../src/lib/content/ja-texts.ts';
import { TermSheet } from '../../src/schemas/terms.ts';

const sheet = TermSheet.parse(parse(readFileSync('content/terms.yml', 'utf8')));
const files = readContentFiles('.');
const { content } = checkContent(files);
const matcher = (p: string) =>
  p.startsWith('/') && p.endsWith('/')
    ? new RegExp(p.slice(1, -1))
    : new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const forbidden = sheet.rules.flatMap((r) =>
  r.patterns.map((p) => ({ expected: r.expected, pattern: p, re: matcher(p) })),
);
/** True when the text has a spelling the rule replaces (a match that is not already the expected one, as prh decides). */
const violates = (text: string, f: (typeof forbidden)[number]) =>
  [...text.matchAll(new RegExp(f.re.source, 'g'))].some((m) => m[0] !== m[0].replace(f.re, f.expected));

describe('term sheet', () => {
  it('names one spelling for each concept the style guide fixes', () => {
    const expected = sheet.rules.map((r) => r.expected);
    for (const term of [
      'ファーストバリュー',
      'ライセンス利用率',
      'プロモーター',
      '批判者',
      'CSリード',
      '顧客',
      'タイムトゥバリュー',
      '解約予告期限',
      '自動更新',
      '人事異動',
    ])
      expect(expected, term).toContain(term);
    expect(expected.some((e) => e.includes('バンド'))).toBe(true);
  });
  it('never lists a preferred spelling as a pattern to replace (no rule fights another)', () => {
    for (const r of sheet.rules)
      for (const f of forbidden)
        if (f.expected !== r.expected) expect(violates(r.expected, f), `${r.expected} vs ${f.pattern}`).toBe(false);
  });
  it('every example (spec) of a rule is what the rule produces', () => {
    for (const r of sheet.rules)
      for (const s of r.specs ?? []) {
        let out = s.from;
        for (const p of r.patterns)
          out = out.replace(new RegExp(matcher(p).source, 'g'), r.expected.replace(/\$(\d)/g, '$$$1'));
        expect(out, s.from).toBe(s.to);
      }
  });
});

describe('term sheet and glossary agree', () => {
  const terms = [...content.glossary.values()];
  it('no glossary term is named with a spelling the term sheet replaces', () => {
    for (const g of terms)
      for (const f of forbidden)
        expect(
          violates(g.data.term.ja ?? '', f),
          `${g.file}: term.ja "${g.data.term.ja}" matches ${f.pattern} (use ${f.expected})`,
        ).toBe(false);
  });
  it('no glossary definition uses a spelling the term sheet replaces', () => {
    for (const g of terms)
      for (const f of forbidden)
        expect(
          violates(g.data.definition.ja ?? '', f),
          `${g.file}: definition.ja matches ${f.pattern} (use ${f.expected})`,
        ).toBe(false);
  });
  it('a replaced spelling kept as a glossary alias (for search) belongs to the term with the preferred name', () => {
    for (const g of terms)
      for (const alias of g.data.aliases.ja)
        for (const r of sheet.rules) {
          if (!r.patterns.includes(alias) || r.expected.includes('$')) continue;
          expect(g.data.term.ja, `${g.file}: alias "${alias}" is replaced by "${r.expected}" in the term sheet`).toBe(
            r.expected,
          );
        }
  });
  it('the preferred spellings that are glossary concepts are the glossary’s names', () => {
    const names = new Set(terms.map((g) => g.data.term.ja));
    for (const name of ['ライセンス利用率', 'タイムトゥバリュー']) expect(names.has(name), name).toBe(true);
  });
});

describe('Japanese style check', () => {
  it('flags the term sheet’s replaced spellings, a space between Japanese and half-width text, and half-width brackets', async () => {
    const linter = createLinter({ descriptor: await loadTextlintrc({ configFilePath: '.textlintrc.yml' }) });
    const r = await linter.lintText(
      'お客様が初期価値に到達したら、担当 CSMがCSリーダーに報告します(3営業日以内)。',
      'x.txt',
    );
    const ids = r.messages.map((m) => `${m.ruleId}: ${m.message}`);
    expect(ids.filter((m) => m.startsWith('prh')).join('\n')).toMatch(
      /お客様 => 顧客[\s\S]*初期価値 => ファーストバリュー[\s\S]*CSリーダー => CSリード/,
    );
    expect(ids.some((m) => m.startsWith('jtf-style/3.1.1'))).toBe(true);
    expect(ids.some((m) => m.startsWith('jtf-style/4.3.1'))).toBe(true);
    const ok = await linter.lintText(
      '顧客がファーストバリューに到達したら、担当CSMがCSリードに報告します（3営業日以内）。',
      'x.txt',
    );
    expect(ok.messages).toEqual([]);
  }, 60_000);
  it('the extractor feeds every Japanese text with its file and field, policies resolved', () => {
    const texts = japaneseTexts(content, new Map(files.map((f) => [f.path, f.text])));
    const red = texts.find(
      (t) => t.file === 'content/healthModels/high-touch-health.yaml' && t.path === 'bands[0].exit.ja',
    )!;
    expect(red.text).toMatch(/^週次スコアが2週連続で50以上、かつ/);
    expect(texts.some((t) => t.path.startsWith('aliases.'))).toBe(false);
    const body = texts.find((t) => t.file === 'content/playbooks/ja/kickoff.md' && t.path === '(body)')!;
    const src = readFileSync('content/playbooks/ja/kickoff.md', 'utf8').split('\n');
    expect(src[body.firstLine - 1]).toBe(body.text.split('\n')[0]);
  });
});
