/**
 * Every validation problem is a plain sentence in English and Japanese: where (with element names),
 * what was expected, what was found. Walks every problem code, and every issue the schemas can produce.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en, ja } from '../../src/i18n/ui.ts';
import { PROBLEM_CODES, fromZodIssues, type Problem } from '../../src/lib/assessment/problems.ts';
import { parseAssessmentFile } from '../../src/lib/assessment/file-format.ts';
import { parseStoredTeam } from '../../src/lib/team/storage.ts';
import { Assessment } from '../../src/schemas/assessment.ts';
import { inEnglish, inJapanese } from '../helpers/problems.ts';
import { assessmentFile } from '../helpers/assessment-file.ts';

const ctx = { elementName: (id: string) => (id === 'customer-health' ? 'Customer health' : undefined), maxLevel: 5 };
const jaCtx = { ...ctx, elementName: (id: string) => (id === 'customer-health' ? 'カスタマーヘルス' : undefined) };
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function sample(code: Problem['code']): Problem {
  return {
    code,
    path: ['ratings', 'customer-health', 'level'],
    params: {
      max: 5,
      min: 0,
      mb: 5,
      expected: 'text',
      supported: 1,
      values: '"self", "manager"',
      key: 'constructor',
      message: 'x',
      count: 60,
      stored: 'cs-skills',
      length: 200000,
      text: 'bad',
      n: 3,
    },
    found: { kind: 'text', text: '3' },
  };
}

describe('problem sentences', () => {
  it('every problem code has an English and a Japanese sentence with every placeholder filled', () => {
    for (const code of PROBLEM_CODES) {
      expect(en, code).toHaveProperty(`safe.problem.${code}`);
      expect(ja, code).toHaveProperty(`safe.problem.${code}`);
      for (const path of [
        [],
        ['snapshots', 1, 'ratings', 'customer-health'],
        ['person', 'name'],
      ] as Problem['path'][]) {
        const p = { ...sample(code), path };
        const [e] = inEnglish([p], ctx);
        const [j] = inJapanese([p], jaCtx);
        for (const s of [e, j]) {
          expect(s, `${code} ${s}`).not.toMatch(/\{\w+\}|safe\.|undefined|NaN/);
          expect(s.length).toBeGreaterThan(3);
        }
        expect(j, code).toMatch(JAPANESE);
        expect(j).not.toBe(e);
      }
    }
  });

  it('says where, what was expected and what was found (the level example), in both languages', () => {
    const r = parseAssessmentFile(JSON.stringify(assessmentFile({ ratings: { 'customer-health': { level: '3' } } })));
    if (r.ok) throw new Error('should be refused');
    expect(inEnglish(r.error.problems, ctx)).toEqual([
      'rating of “Customer health” › level: must be a whole number from 0 to 5; found the text “3”.',
    ]);
    expect(inJapanese(r.error.problems, jaCtx)).toEqual([
      '「カスタマーヘルス」の評価 › レベル：0から5までの整数である必要がありますが、文字列「3」でした。',
    ]);
  });

  it('the reserved-key refusal names the key, wherever it is', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `{"format":"banso-assessment","version":1,"person":{"name":"x"},"kind":"self","framework":{"id":"cs-skills","version":"1","hash":"abc"},"ratings":{"${key}":{"level":1}},"snapshots":[],"updatedAt":"2026-01-01T00:00:00Z"}`;
      const r = parseAssessmentFile(text);
      if (r.ok) throw new Error(`${key} accepted`);
      expect(inEnglish(r.error.problems)).toEqual([
        `ratings: holds the key “${key}”, which Bansō never accepts because it could change how the page works. Remove it and import again.`,
      ]);
      expect(inJapanese(r.error.problems)[0]).toContain(`キー「${key}」`);
      expect(({} as Record<string, unknown>).level).toBeUndefined();
    }
  });

  it('maps every issue the assessment schema can produce to its own sentence, never the generic fallback', () => {
    const seen = new Set<string>();
    const bad = {
      format: 'banso-assessment',
      version: 1,
      kind: 'peer',
      assessor: 'a'.repeat(121),
      person: { name: '山'.repeat(121), role: 'Not An Id' },
      framework: { id: 'cs-skills', version: '', hash: 'NOT!' },
      ratings: {
        'Bad Key': { level: 1 },
        a: { level: '3' },
        b: { level: -1 },
        c: { level: 1.5 },
        d: { level: 1, evidence: 'e'.repeat(4001) },
      },
      snapshots: [
        { date: '2026-02-30', ratings: {}, note: 5 },
        ...Array.from({ length: 200 }, () => ({ date: '2026-01-01', ratings: {} })),
      ],
      updatedAt: 'yesterday',
    };
    const r = Assessment.safeParse(bad, { reportInput: true });
    expect(r.success).toBe(false);
    for (const i of r.error!.issues) seen.add(i.code);
    const problems = fromZodIssues(r.error!.issues);
    expect(problems.map((p) => p.code)).not.toContain('invalid');
    expect([...seen].sort()).toEqual([
      'custom',
      'invalid_format',
      'invalid_key',
      'invalid_type',
      'invalid_value',
      'too_big',
      'too_small',
    ]);
    expect(inEnglish(problems).join('\n')).not.toMatch(/Invalid input/);
  });

  it('random damage to a file or to stored team data never produces the generic fallback', () => {
    const file = assessmentFile({
      ratings: { a: { level: 1 } },
      snapshots: [{ date: '2026-01-01', ratings: { a: 1 } }],
    });
    const paths = [
      ['person', 'name'],
      ['person', 'role'],
      ['kind'],
      ['assessor'],
      ['framework', 'id'],
      ['framework', 'version'],
      ['framework', 'hash'],
      ['ratings', 'a', 'level'],
      ['ratings', 'a', 'evidence'],
      ['ratings', 'a'],
      ['snapshots', 0, 'date'],
      ['snapshots', 0, 'ratings', 'a'],
      ['snapshots', 0, 'note'],
      ['snapshots', 0],
      ['updatedAt'],
      ['ratings'],
      ['snapshots'],
      ['person'],
      ['framework'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const copy = JSON.parse(JSON.stringify(file));
        let o = copy;
        for (const k of path.slice(0, -1)) o = o[k];
        o[path[path.length - 1]] = value;
        const r = parseAssessmentFile(JSON.stringify(copy));
        if (!r.ok) {
          expect(r.error.problems.map((p) => p.code)).not.toContain('invalid');
          for (const s of [...inEnglish(r.error.problems), ...inJapanese(r.error.problems)])
            expect(s).not.toMatch(/\{\w+\}|safe\./);
        }
        const team = parseStoredTeam(
          JSON.stringify({
            format: 'banso-team',
            version: 1,
            savedAt: 'x',
            entries: [{ source: 's', origin: 'file', assessment: copy }],
          }),
        );
        if (!team.ok) expect(team.problems.map((p) => p.code)).not.toContain('invalid');
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
