/**
 * A broken reference, a wrong enum value and a YAML syntax error each stop `astro build` with the
 * file and field named. Each runs the real build on a temporary copy of the project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildEnv } from '../helpers/build-env.ts';

const made: string[] = [];
afterAll(() => { for (const d of made) rmSync(d, { recursive: true, force: true }); });

function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'banso-build-'));
  made.push(dir);
  for (const f of ['src', 'content', 'public']) cpSync(f, join(dir, f), { recursive: true });
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(f, join(dir, f));
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function build(dir: string) {
  const r = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: buildEnv() });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('astro build stops on broken content', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown-role.md', 'content/playbooks/en/kickoff.md', /content\/playbooks\/en\/kickoff\.md: ownerRole: unknown role "chief-happiness-officer"/],
    ['wrong-enum.md', 'content/playbooks/en/kickoff.md', /content\/playbooks\/en\/kickoff\.md: phase: Invalid option/],
    ['yaml-syntax.yaml', 'content/glossary/churn.yaml', /content\/glossary\/churn\.yaml: line \d+, column \d+: YAML syntax error/],
  ];
  for (const [fixture, target, expected] of cases) {
    it(`${fixture}`, () => {
      const dir = copyProject();
      writeFileSync(join(dir, target), readFileSync(`test/fixtures/broken/${fixture}`));
      const r = build(dir);
      expect(r.status, r.output).not.toBe(0);
      expect(r.output).toMatch(expected);
    });
  }
});
