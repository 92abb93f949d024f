/**
 * Japanese text has no spaces between words. A line wrap in a content file (a YAML folded string, a
 * Markdown soft break) must not become a space on the page. Pure.
 */

/** Japanese characters: CJK punctuation, kana, CJK ideographs, full-width forms. */
export const JA_CHAR = '\\u3000-\\u303F\\u3040-\\u30FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF';
const J = `[${JA_CHAR}]`;
/** Half-width letters, digits and the signs that sit beside numbers (10%, +5). */
const L = '[A-Za-z0-9%]';

const BETWEEN_JA = new RegExp(`(${J})[ \\t]*(?:\\r?\\n[ \\t]*)*[ \\t]*(?=${J})`, 'g');
const JA_THEN_LATIN_WRAP = new RegExp(`(${J})[ \\t]*\\r?\\n[ \\t]*(?=${L})`, 'g');
const LATIN_THEN_JA_WRAP = new RegExp(`(${L})[ \\t]*\\r?\\n[ \\t]*(?=${J})`, 'g');
const JA_SPACE_LATIN = new RegExp(`(${J})[ \\t]+(?=${L})`, 'g');
const LATIN_SPACE_JA = new RegExp(`(${L})[ \\t]+(?=${J})`, 'g');

/**
 * Joins Japanese text that a line wrap (or YAML folding, which turns it into a space) split: removes
 * spaces and line breaks between two Japanese characters, and between a Japanese character and a
 * half-width letter or digit ("担当 CSM" → "担当CSM", the project's Japanese style).
 */
export function joinJapaneseLines(s: string): string {
  if (!/[\u3000-\u9FFF\uFF00-\uFFEF]/.test(s)) return s;
  return s
    .replace(BETWEEN_JA, '$1')
    .replace(JA_THEN_LATIN_WRAP, '$1')
    .replace(LATIN_THEN_JA_WRAP, '$1')
    .replace(JA_SPACE_LATIN, '$1')
    .replace(LATIN_SPACE_JA, '$1');
}

/** Places in a text where whitespace sits between two Japanese characters (for tests and checks). */
export function spacesBetweenJapanese(s: string): string[] {
  const re = new RegExp(`${J}\\s+${J}`, 'g');
  return [...s.matchAll(re)].map((m) => m[0]);
}
