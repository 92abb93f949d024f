/**
 * A policy is stated once: changing its value in content/policies/ changes every page that states it,
 * in both languages. Runs the real build on a temporary copy of the project with one value changed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { policyRefs } from '../../src/lib/content/policies.ts';
import { buildEnv } from '../helpers/build-env.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** The pages built from a content file (both languages). */
function pagesOf(path: string): string[] {
  const m = /^content\/([^/]+)\/(?:(en|ja)\/)?([^/]+)\.(?:md|ya?ml)$/.exec(path);
  if (!m) return [];
  const [, coll, locale, id] = m;
  const both = (p: string) => [p, `ja/${p}`];
  switch (coll) {
    case 'playbooks':
      return locale === 'ja' ? [`ja/playbooks/${id}/`] : [`playbooks/${id}/`];
    case 'glossary':
      return both(`glossary/${id}/`);
    case 'journeys':
      return both(`journeys/${id}/`);
    case 'healthModels':
      return both(`health/${id}/`);
    case 'roles':
      return both(`roles/${id}/`);
    case 'onboarding':
      return both(`onboarding/${id}/`);
    default:
      return [];
  }
}

const text = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');

describe('changing one policy value', () => {
  it('changes every page that states it, in English and Japanese', () => {
    const key = 'expansion-trigger';
    const before = {
      en: 'licence utilisation above 90 % for 30 consecutive days',
      ja: 'ライセンス利用率が30日連続で90%超',
    };
    const after = {
      en: 'licence utilisation above 85 % for 30 consecutive days',
      ja: 'ライセンス利用率が30日連続で85%超',
    };

    const files = readContentFiles('.').filter((f) => policyRefs(f.text).includes(key));
    const pages = [...new Set(files.flatMap((f) => pagesOf(f.path)))].sort();
    // English playbooks without a translation show on /ja/ too (in English, as a fallback).
    for (const f of files) {
      const m = /^content\/playbooks\/en\/(.+)\.md$/.exec(f.path);
      if (m && !existsSync(`content/playbooks/ja/${m[1]}.md`)) pages.push(`ja/playbooks/${m[1]}/`);
    }
    expect(pages.length).toBeGreaterThanOrEqual(4);

    const dir = mkdtempSync(join(tmpdir(), 'banso-policy-'));
    made.push(dir);
    for (const f of ['src', 'content', 'public']) cpSync(f, join(dir, f), { recursive: true });
    for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(f, join(dir, f));
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    const policyFile = join(dir, 'content/policies/expansion.yaml');
    const src = readFileSync(policyFile, 'utf8');
    expect(src).toContain('values: { percent: 90, days: 30 }');
    writeFileSync(policyFile, src.replace('values: { percent: 90, days: 30 }', 'values: { percent: 85, days: 30 }'));

    const r = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 240_000,
      env: buildEnv(),
    });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);

    for (const p of pages) {
      const t = text(join(dir, 'dist', p, 'index.html'));
      const lang = p.startsWith('ja/') && !t.includes(after.en) ? 'ja' : 'en';
      const contains = (s: string) => t.toLowerCase().includes(s.toLowerCase());
      expect(contains(after[lang]) || contains(after.en), `/${p} states the new value`).toBe(true);
      expect(contains(before.en) || contains(before.ja), `/${p} still states the old value`).toBe(false);
    }
  }, 300_000);
});
