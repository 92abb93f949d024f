/**
 * Text analysis shared by the index builder and the query side: both must cut words the same way or
 * nothing matches. Needs only lunr's English stemmer and stop words (lunr-parts.ts) and lunr-languages'
 * TinySegmenter model, not the rest of lunr-languages, so the browser's first search stays small.
 */
import { isLunrStopWord, porterStem } from './lunr-parts.ts';
import { compileSegmenter, newTinySegmenter, type Segment } from './segmenter.ts';

let segment: Segment | undefined;

/**
 * Split Japanese text into words as TinySegmenter does (empty and whitespace-only pieces dropped),
 * with its model compiled by segmenter.ts, several times faster than its own segment().
 */
export function segmentJa(text: string): string[] {
  if (!text) return [];
  segment ??= compileSegmenter(newTinySegmenter());
  return segment(text).filter((s) => s.trim() !== '');
}

/**
 * A query word as the index stores it. Both indexes' search pipelines are lunr's English stemmer
 * (and, for Japanese, lunr.ja's stemmer "stemmer-jp", which returns the word unchanged): the porter rules only
 * touch Latin endings, so Japanese words pass through (test/unit/search.test.ts checks this against
 * the pipeline each index records).
 */
export function stemWord(word: string): string {
  return porterStem(word);
}

/** English stop words (lunr's list): the index drops them, so they are useless in a query. */
export function isEnglishStopWord(word: string): boolean {
  return isLunrStopWord(word);
}

/** Characters of a Japanese word: the same set lunr.ja's trimmer keeps (kanji, kana, ー, 々〆ヵヶ). */
const JA_CHARS = '\u4e00-\u9fa0\u3005\u3006\u30f5\u30f6\u3041-\u3093\u30a1-\u30f4\u30fc';
const UNIT_RE = new RegExp(`[a-z0-9]+|[${JA_CHARS}]+`, 'g');
const JA_RE = new RegExp(`^[${JA_CHARS}]+$`);

/**
 * Lower-case, NFKC-like width folding (ＮＰＳ → nps, ｶﾅ → カナ) and Latin accent folding (é → e).
 * Japanese voiced marks survive: only the Latin combining range is dropped.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/g, '');
}

export function isJapaneseWord(s: string): boolean {
  return JA_RE.test(s);
}

/** A piece of text between separators: a Latin/digit word, or an unspaced run of Japanese. */
export interface TextUnit {
  kind: 'latin' | 'ja';
  text: string;
}

/** Normalise and cut text into Latin words and Japanese runs (everything else separates). */
export function splitUnits(text: string): TextUnit[] {
  const out: TextUnit[] = [];
  if (!text) return out;
  for (const m of normaliseText(text).matchAll(UNIT_RE)) {
    const t = m[0];
    out.push({ kind: /^[a-z0-9]/.test(t) ? 'latin' : 'ja', text: t });
  }
  return out;
}

/** Latin words of one letter carry no meaning for search ("a", the "s" of "it's"): drop them. */
export function keepLatin(word: string): boolean {
  return word.length > 1 || /[0-9]/.test(word);
}

/** Words as the index sees them: Latin words as they are, Japanese runs segmented by TinySegmenter. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const u of splitUnits(text)) {
    if (u.kind === 'latin') {
      if (keepLatin(u.text)) out.push(u.text);
    } else out.push(...segmentJa(u.text));
  }
  return out;
}
