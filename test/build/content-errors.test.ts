/**
 * A broken reference, a wrong enum value and a YAML syntax error each stop `astro build` with the
 * file and field named; so do a file that is not UTF-8, an image from another origin and a link to a
 * page that does not exist, each in exactly one line. Each runs the real build on a temporary copy of
 * the project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../helpers/build-env.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'banso-build-'));
  made.push(dir);
  for (const f of ['src', 'content', 'public']) cpSync(f, join(dir, f), { recursive: true });
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(f, join(dir, f));
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** A build that stops at the content check is quick; one that gets to the link check builds every page. */
const EARLY = 300_000;
const FULL = 900_000;

function build(dir: string, timeout = EARLY) {
  const r = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    timeout,
    env: buildEnv(),
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('astro build stops on broken content', () => {
  const cases: [string, string, RegExp][] = [
    [
      'unknown-role.md',
      'content/playbooks/en/kickoff.md',
      /content\/playbooks\/en\/kickoff\.md: ownerRole: unknown role "chief-happiness-officer"/,
    ],
    ['wrong-enum.md', 'content/playbooks/en/kickoff.md', /content\/playbooks\/en\/kickoff\.md: phase: Invalid option/],
    [
      'yaml-syntax.yaml',
      'content/glossary/churn.yaml',
      /content\/glossary\/churn\.yaml: line \d+, column \d+: YAML syntax error/,
    ],
  ];
  for (const [fixture, target, expected] of cases) {
    it(
      `${fixture}`,
      () => {
        const dir = copyProject();
        writeFileSync(join(dir, target), readFileSync(`test/fixtures/broken/${fixture}`));
        const r = build(dir);
        expect(r.status, r.output).not.toBe(0);
        expect(r.output).toMatch(expected);
      },
      EARLY,
    );
  }
});

/** The lines of the build's output that name a content file: one root cause, one line. */
const contentLines = (output: string) => [
  ...new Set(
    output
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^content\/\S+: /.test(l)),
  ),
];

describe('astro build refuses what would break at run time, in one line', () => {
  it(
    'a Markdown file saved as Shift_JIS',
    () => {
      const dir = copyProject();
      writeFileSync(
        join(dir, 'content/playbooks/ja/kickoff.md'),
        readFileSync('test/fixtures/broken/sjis-translation.md'),
      );
      const r = build(dir);
      expect(r.status, r.output).not.toBe(0);
      expect(contentLines(r.output)).toEqual([
        'content/playbooks/ja/kickoff.md: not UTF-8 (looks like Shift_JIS); save it as UTF-8',
      ]);
    },
    EARLY,
  );
  it(
    'an image from another origin',
    () => {
      const dir = copyProject();
      const text = readFileSync('test/fixtures/broken/external-image.md', 'utf8');
      const line = text.split('\n').findIndex((l) => l.includes('cdn.example.com')) + 1;
      writeFileSync(join(dir, 'content/playbooks/en/kickoff.md'), text);
      const r = build(dir);
      expect(r.status, r.output).not.toBe(0);
      expect(contentLines(r.output)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^content/playbooks/en/kickoff\\.md: line ${line}: image from another origin \\(https://cdn\\.example\\.com/kickoff\\.png\\)`,
          ),
        ),
      ]);
    },
    EARLY,
  );
  it(
    'a link to a page that does not exist fails in one line however many pages show it; a centred column is a class',
    () => {
      // One full build for both: the link check runs after every page is written, so the page can be read.
      const dir = copyProject();
      const text =
        readFileSync('test/fixtures/broken/broken-link.md', 'utf8') +
        readFileSync('test/fixtures/centred-table.md', 'utf8').split('\n').slice(-5).join('\n');
      const line = text.split('\n').findIndex((l) => l.includes('no-such-playbook')) + 1;
      writeFileSync(join(dir, 'content/playbooks/en/kickoff.md'), text);
      const r = build(dir, FULL);
      expect(r.status, r.output).not.toBe(0);
      expect(r.status, r.output).not.toBeNull();
      expect(contentLines(r.output)).toEqual([
        `content/playbooks/en/kickoff.md: line ${line}: link to a page that does not exist: /playbooks/no-such-playbook/`,
      ]);
      const html = readFileSync(join(dir, 'dist/playbooks/kickoff/index.html'), 'utf8');
      expect(html).toMatch(/<th class="align-center">Week<\/th>/);
      expect(html).toMatch(/<td class="align-right">Kickoff held<\/td>/);
      expect(html).not.toMatch(/\salign=|style=/);
    },
    FULL,
  );
});
