/**
 * Japanese pages read as Japanese: step timings are never shown in English, and a line wrap in a
 * content file (a YAML folded string, a Markdown soft break) never becomes a space between Japanese
 * characters. Reads the built dist/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { JA_CHAR } from '../../src/lib/content/japanese.ts';
import { distDir } from '../helpers/dist.ts';

const { content } = checkContent(readContentFiles('.'));
const dist = distDir();
const html = (path: string) => readFileSync(`${dist}/${path}index.html`, 'utf8');

/** The text of a page as a reader sees it (tags, scripts, styles and JSON payloads removed, entities kept). */
// biome-ignore lint/suspicious/noExportsInTest: the helper is tested in this file and shared with other build tests
export function visibleText(page: string): string {
  return page
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<astro-island\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ');
}

/** The text nodes of a page (outside scripts, styles and templates). */
function textNodes(page: string): string[] {
  return page
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, '<x>')
    .split(/<[^>]*>/)
    .filter((t) => t.trim());
}

function pagesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(`${dist}/${rel}`, { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${rel}${e.name}/`);
      else if (e.name === 'index.html') out.push(rel);
    }
  };
  walk(dir);
  return out;
}

describe('step timings on Japanese playbook pages', () => {
  const englishLabels = new Set([...content.playbooks.values()].flatMap((p) => p.data.steps.map((s) => s.when)));
  for (const id of content.playbooks.keys()) {
    it(`/ja/playbooks/${id}/ shows every timing in Japanese`, () => {
      const page = html(`ja/playbooks/${id}/`);
      const labels = [...page.matchAll(/class="timeline-when"[^>]*>([\s\S]*?)<\/div>/g)].map((m) =>
        m[1].replace(/<[^>]+>/g, ' ').trim(),
      );
      expect(labels.length).toBe(content.playbooks.get(id)!.data.steps.length);
      for (const label of labels) {
        expect(label, `${id}: "${label}"`).toMatch(new RegExp(`[${JA_CHAR}]`));
        expect(label, `${id}: "${label}"`).not.toMatch(
          /\b(Day|Within|days?|weeks?|before|after|business|Weekly|Monthly)\b/,
        );
        for (const en of englishLabels)
          if (/[a-z]{3}/i.test(en))
            expect(label.includes(en), `${id}: "${label}" contains the English label "${en}"`).toBe(false);
      }
    });
  }
  it('a translated playbook shows the translation’s label, with the day number beside it', () => {
    const page = html('ja/playbooks/sales-handover/');
    expect(page).toMatch(/<strong[^>]*>1営業日以内<\/strong><span class="muted"[^>]*>1日目<\/span>/);
  });
});

describe('line wraps in Japanese content', () => {
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  it('every wrapped Japanese line of the content joins without a space on its page', () => {
    // The wraps that exist in the content: the two characters on each side of a line break in
    // Japanese text (YAML folded and plain multi-line strings, Markdown paragraphs).
    const wraps = new Map<string, RegExp>();
    const endsJa = new RegExp(`[${JA_CHAR}]$`);
    const startsJa = new RegExp(`^[${JA_CHAR}]`);
    for (const f of readContentFiles('.')) {
      const lines = f.text.split(/\r?\n/);
      for (let i = 0; i + 1 < lines.length; i++) {
        const a = lines[i].trimEnd();
        const b = lines[i + 1].trim();
        if (!endsJa.test(a) || !startsJa.test(b) || /^(- |#|\||>|\d+\.)/.test(b)) continue;
        const key = `${a.slice(-2)}|${b.slice(0, 2)}`;
        wraps.set(key, new RegExp(`${esc(a.slice(-2))}\\s+${esc(b.slice(0, 2))}`));
      }
    }
    expect(wraps.size).toBeGreaterThan(20); // the content really has wrapped Japanese lines
    const found: string[] = [];
    for (const p of pagesUnder('ja/')) {
      const nodes = textNodes(html(p));
      for (const [key, re] of wraps)
        for (const node of nodes) if (re.test(node)) found.push(`/${p}: "${key.replace('|', '␣')}"`);
    }
    expect(found).toEqual([]);
  });
  it('the joined text is on the pages (the wraps were not dropped with their words)', () => {
    const page = visibleText(html('ja/health/high-touch-health/'));
    expect(page).toContain('0〜100点に換算し、グループ内の重み付き平均をグループスコア');
  });
});
