/**
 * Highlighting and snippets of search results. Pure; plain data (render it as text, never as HTML).
 *
 * Latin words are marked whole when they start with a matched word or share its stem. Japanese is
 * marked by whole words: the text is cut by the same segmenter as the index (TinySegmenter), and a
 * word is marked when it contains a matched word (so 解約 marks 解約 in 解約率 when the segmenter cut
 * 解約|率, and the whole ヘルススコア when it kept it one word); a match that straddles words marks
 * just the matched characters. Never inside a character: surrogate pairs and combining marks stay whole.
 */
import { isJapaneseWord, normaliseText, segmentJa, stemWord } from './text.ts';

export interface HighlightSegment {
  text: string;
  hit: boolean;
}

const stemCache = new Map<string, string>();
function stemOf(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = stemWord(word);
    if (stemCache.size > 5000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const LATIN_WORD = /[\p{Script=Latin}\p{Nd}]+/gu;
/** Runs of Japanese (kanji, kana, prolonged sound mark, iteration marks) in display text. */
const JA_RUN = /[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\u3005-\u3007\u4e00-\u9fff\uff66-\uff9f]+/g;

/** Same-length folding for locating Japanese words: width and case folded where that keeps the length. */
function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text) {
    const n = normaliseText(ch);
    out += n.length === ch.length ? n : ch;
  }
  return out;
}

/** Widen marks so that no mark starts or ends inside a character (surrogate pair, combining mark). */
function wholeCharacters(text: string, mark: boolean[]): void {
  const joins = (i: number) => {
    const c = text.charCodeAt(i);
    return (
      (c >= 0xdc00 && c <= 0xdfff && i > 0 && /[\ud800-\udbff]/.test(text[i - 1])) ||
      // biome-ignore lint/suspicious/noMisleadingCharacterClass: tests one UTF-16 code unit; the class lists combining marks on purpose
      /[\u0300-\u036f\u3099\u309a\ufe00-\ufe0f\u200d]/.test(text[i])
    );
  };
  for (let i = 1; i < text.length; i++) {
    if (joins(i) && mark[i] !== mark[i - 1]) {
      // extend the mark over the whole character
      if (mark[i - 1]) mark[i] = true;
      else {
        let k = i - 1;
        while (k > 0 && joins(k)) k--;
        for (let j = k; j < i; j++) mark[j] = true;
      }
    }
  }
}

export function highlight(text: string, matched: string[]): HighlightSegment[] {
  if (!text) return [];
  const terms = [...new Set((matched ?? []).map((m) => normaliseText(String(m)).trim()).filter(Boolean))];
  const latin = terms.filter((t) => /^[a-z0-9]+$/.test(t));
  const latinStems = new Set(latin.map(stemOf));
  const ja = terms.filter(isJapaneseWord);
  const mark = new Array<boolean>(text.length).fill(false);
  if (latin.length) {
    for (const m of text.matchAll(LATIN_WORD)) {
      const w = normaliseText(m[0]);
      const hit = latin.some((t) => w === t || (t.length >= 2 && w.startsWith(t))) || latinStems.has(stemOf(w));
      if (hit) mark.fill(true, m.index, m.index + m[0].length);
    }
  }
  if (ja.length) {
    const folded = foldForSearch(text);
    const found = new Array<boolean>(text.length).fill(false);
    for (const t of ja)
      for (let at = folded.indexOf(t); at !== -1; at = folded.indexOf(t, at + t.length))
        found.fill(true, at, at + t.length);
    // Whole words: a segment of a Japanese run with any matched character is marked entirely,
    // unless the match only grazes it from a neighbouring word.
    for (const run of folded.matchAll(JA_RUN)) {
      let at = run.index;
      for (const seg of segmentJa(run[0])) {
        const from = folded.indexOf(seg, at);
        if (from < 0) continue;
        at = from + seg.length;
        let n = 0;
        for (let i = from; i < at; i++) if (found[i]) n++;
        if (n === 0) continue;
        const inside = ja.some((t) => seg.includes(t));
        if (inside) mark.fill(true, from, at);
        else for (let i = from; i < at; i++) if (found[i]) mark[i] = true;
      }
    }
    // Matches outside any Japanese run (e.g. after folding) keep their characters.
    for (let i = 0; i < text.length; i++)
      if (found[i] && !mark[i] && !/[\u3041-\u30ff\u4e00-\u9fff]/.test(folded[i])) mark[i] = true;
  }
  wholeCharacters(text, mark);
  const out: HighlightSegment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || mark[i] !== mark[start]) {
      out.push({ text: text.slice(start, i), hit: mark[start] });
      start = i;
    }
  }
  return out;
}

/** Move a cut position off the middle of a character (a surrogate pair or a combining mark). */
function safeCut(t: string, i: number): number {
  let k = i;
  while (
    k > 0 &&
    k < t.length &&
    ((/[\udc00-\udfff]/.test(t[k]) && /[\ud800-\udbff]/.test(t[k - 1])) ||
      // biome-ignore lint/suspicious/noMisleadingCharacterClass: tests one UTF-16 code unit; the class lists combining marks on purpose
      /[\u0300-\u036f\u3099\u309a\ufe00-\ufe0f]/.test(t[k]))
  )
    k--;
  return k;
}

/**
 * A window of at most maxLen characters (plus "…" marks) around the first match, cut at word
 * boundaries where the text has spaces and never inside a character; the start of the text when
 * nothing matches.
 */
export function snippet(text: string, matched: string[], maxLen = 160): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  const max = Math.max(20, Math.floor(maxLen));
  if (t.length <= max) return t;
  let first = -1;
  let at = 0;
  for (const seg of highlight(t, matched)) {
    if (seg.hit) {
      first = at;
      break;
    }
    at += seg.text.length;
  }
  let start = first <= 0 ? 0 : Math.max(0, first - Math.floor(max * 0.3));
  let end = Math.min(t.length, start + max);
  if (end - start < max) start = Math.max(0, end - max);
  if (start > 0) {
    const space = t.indexOf(' ', start);
    if (space !== -1 && space - start < 16 && space < first) start = space + 1;
  }
  if (end < t.length) {
    const space = t.lastIndexOf(' ', end);
    if (space > start && end - space < 16 && space > first) end = space;
  }
  start = safeCut(t, start);
  end = safeCut(t, end);
  return `${start > 0 ? '…' : ''}${t.slice(start, end).trim()}${end < t.length ? '…' : ''}`;
}
