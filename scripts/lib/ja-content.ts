/**
 * The Japanese text of the repository's content, for the segmenter's test and benchmark: every line
 * of content/**.md, .yaml and .yml that holds a kana or kanji, and the Japanese runs the search index
 * segments (splitUnits of every file, the 'ja' units).
 */
import { readContentFiles } from '../../src/lib/content/load.ts';
import { splitUnits } from '../../src/lib/search/text.ts';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

export function contentJapanese(root = process.cwd()): { lines: string[]; runs: string[] } {
  const files = readContentFiles(root)
    .filter((f) => /\.(md|ya?ml)$/.test(f.path))
    .sort((a, b) => a.path.localeCompare(b.path));
  const lines: string[] = [];
  const runs: string[] = [];
  for (const { text } of files) {
    lines.push(...text.split('\n').filter((l) => JAPANESE.test(l)));
    for (const u of splitUnits(text)) if (u.kind === 'ja') runs.push(u.text);
  }
  return { lines, runs };
}
