/**
 * The content check reads YAML with js-yaml's core schema (fast) where it used the `yaml` package:
 * both must give the same values, on the repository's own content and on generated documents.
 */
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkContent, splitFrontMatter } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';

const jsYaml = (text: string) => load(text.replace(/^\uFEFF/, ''), { schema: CORE_SCHEMA });
const yamlPkg = (text: string) => parse(text.replace(/^\uFEFF/, ''));

describe('content YAML', () => {
  it('every YAML file and front matter in content/ reads the same with both parsers', () => {
    const files = readContentFiles(process.cwd());
    let compared = 0;
    for (const f of files) {
      const text = f.path.endsWith('.md')
        ? splitFrontMatter(f.text)?.front
        : /\.ya?ml$/.test(f.path)
          ? f.text
          : undefined;
      if (text === undefined) continue;
      expect(jsYaml(text), f.path).toEqual(yamlPkg(text));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('generated documents (Japanese, numbers, dates as text, nesting) read the same with both parsers', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '解約率',
        '2026-02-30',
        '2026-03-02',
        'yes',
        'No',
        '~',
        '0o17',
        '1_000',
        '¥1,000',
        '=SUM(A1)',
        'true',
        '',
      ),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), tie('map')),
      map: fc.dictionary(fc.string({ minLength: 1 }), tie('node'), { maxKeys: 4 }),
    })).map;
    fc.assert(
      fc.property(value, (v) => {
        const text = stringify(v);
        expect(jsYaml(text)).toEqual(yamlPkg(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('an impossible date in front matter is still refused (dates stay text)', () => {
    const files = readContentFiles(process.cwd()).map((f) =>
      f.path === 'content/playbooks/en/kickoff.md'
        ? { ...f, text: f.text.replace(/^reviewed: .*$/m, 'reviewed: 2026-02-30') }
        : f,
    );
    const { problems } = checkContent(files);
    expect(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`)).toContain(
      'content/playbooks/en/kickoff.md: reviewed: is not a real calendar date',
    );
  });

  it('a YAML syntax error names the file, line and column', () => {
    const files = readContentFiles(process.cwd()).map((f) =>
      f.path === 'content/glossary/churn.yaml' ? { ...f, text: `${f.text}\nbroken: [a, b\n` } : f,
    );
    const { problems } = checkContent(files);
    expect(problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n')).toMatch(
      /content\/glossary\/churn\.yaml: line \d+, column \d+: YAML syntax error/,
    );
  });
});
