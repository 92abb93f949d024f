/**
 * No mark that needs an emoji or symbol font: the built HTML, JS and CSS hold no emoji-presentation
 * character, no emoji variation selector (U+FE0F) and no other pictograph or dingbat beyond the few in
 * every system font (WGL4: © ® ‼ ™ ↔ ↕). Status marks are drawn in CSS beside words instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from '../helpers/dist.ts';

const IN_EVERY_FONT = new Set(['©', '®', '‼', '™', '↔', '↕']);
const PICTOGRAPH = /\p{Emoji_Presentation}|\uFE0F|\p{Extended_Pictographic}|[\u2700-\u27BF]/gu;

/** The pictographs in a text, each once, written as "✅ U+2705". */
// biome-ignore lint/suspicious/noExportsInTest: the helper is tested in this file and shared with other build tests
export function pictographs(text: string): string[] {
  const found = new Set<string>();
  for (const [c] of text.matchAll(PICTOGRAPH)) {
    if (IN_EVERY_FONT.has(c)) continue;
    found.add(`${c} U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found];
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(html|m?js|css|webmanifest)$/.test(e.name) ? [p] : [];
  });
}

describe('no emoji-font marks in the built site', () => {
  it('recognises emoji, emoji variation selectors and dingbats, and lets plain symbols through', () => {
    expect(pictographs('Done ✅ failed ❌ careful ⚠️ private 🔒')).toEqual([
      '✅ U+2705',
      '❌ U+274C',
      '⚠ U+26A0',
      '\uFE0F U+FE0F',
      '🔒 U+1F512',
    ]);
    expect(pictographs('ok ✓ no ✕ edit ✎ note ℹ')).toEqual(['✓ U+2713', '✕ U+2715', '✎ U+270E', 'ℹ U+2139']);
    expect(pictographs('© 2026 Bansō™ → ← ↔ ↕ ▲ ▼ ● ■ – — 「伴走」 1 # *')).toEqual([]);
  });

  it('no HTML, JS or CSS file of dist/ contains one', () => {
    const dist = distDir();
    const list = files(dist);
    expect(list.length).toBeGreaterThan(100);
    const bad = list
      .map((f) => ({ file: relative(dist, f), found: pictographs(readFileSync(f, 'utf8')) }))
      .filter((x) => x.found.length);
    expect(bad.map((x) => `${x.file}: ${x.found.join(', ')}`)).toEqual([]);
  });
});
