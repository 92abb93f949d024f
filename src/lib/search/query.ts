/**
 * Search over a serialised index, in the browser or in Node. Pure apart from lunr.
 *
 * User text never reaches lunr's query parser: it is cut into words exactly as the index was
 * (Latin words; Japanese runs segmented), so lunr syntax (* ~ : ^ + -) is just punctuation.
 * Each word becomes lunr clauses built with idx.query():
 *  - Latin: the word through the search pipeline (stemmed), plus a trailing-wildcard prefix term
 *    (no pipeline) for words of 2+ characters, so "onboard" and "expan" find their words, plus any
 *    indexed stem the word was typed past ("escalat" → "escal").
 *  - Japanese: each TinySegmenter segment; a second segmentation of the run into words the index
 *    knows (TinySegmenter cuts the same word differently with and without context: 解約率 alone →
 *    解|約率, in a sentence → 解約|率); and indexed words that contain the segment (キックオフ →
 *    キックオフミーティング).
 *  - Glossary synonyms of any term or run of terms (churn ↔ 解約 ↔ attrition), with a lower boost.
 * The lunr score is then scaled by how much of the query a page covers (squared; a word found only
 * through a synonym counts 0.6), which makes every word of the query "required-ish": a page with
 * both オンボーディング and 会議 beats one with many オンボーディング alone; and by 1 + the share
 * its title covers.
 */
import type lunr from 'lunr';
import type { Locale } from '../../i18n/locales.ts';
import { expandIndex, type CompactDoc, type SerializedSearchIndex } from './index-build.ts';
import { getLunr, isJapaneseWord, isStopWord as isLunrStopWord, keepLatin, normaliseText, segmentJa, splitUnits, tokenize } from './lunr-setup.ts';
import { findSynonyms, type SynonymGroup } from './synonyms.ts';

export interface LoadedIndex {
  lang: Locale;
  index: lunr.Index;
  docs: CompactDoc[];
  synonyms: SynonymGroup[];
}

export interface SearchResult {
  doc: CompactDoc;
  score: number;
  /** Query words (normalised, and synonyms) found in this page: pass them to highlight/snippet. */
  matched: string[];
}

export interface SearchOptions {
  /** Maximum number of results (default 10). */
  limit?: number;
}

export interface HighlightSegment {
  text: string;
  hit: boolean;
}

/** At most this many query words are used (Latin words + Japanese segments); the rest is ignored. */
export const MAX_QUERY_TERMS = 32;
/** At most this many extra words from synonyms. */
export const MAX_SYNONYM_TERMS = 32;
/** Longer Latin "words" are cut to this length (no real word is longer). */
export const MAX_WORD_LENGTH = 64;
/** Characters of the raw query that are looked at. */
export const MAX_QUERY_CHARS = 2000;

const BOOST = { exact: 1, shortJa: 0.5, prefix: 0.4, contains: 0.3, synonym: 0.4 } as const;
const MAX_CONTAINING = 24;

/** Load a serialised index (object or JSON text). Registers the lunr plugins first. */
export function loadIndex(json: SerializedSearchIndex | string): LoadedIndex {
  const data: SerializedSearchIndex = typeof json === 'string' ? JSON.parse(json) : json;
  if (!data || typeof data !== 'object' || !data.index || !Array.isArray(data.docs)) throw new Error('not a search index: expected { index, docs }');
  const l = getLunr();
  return {
    lang: data.lang,
    index: l.Index.load(expandIndex(data.index)),
    docs: data.docs,
    synonyms: data.synonyms ?? [],
  };
}

/* ---------------------------------------------------------------- vocabulary of a loaded index */

interface Vocab {
  all: Set<string>;
  ja: string[];
  maxJa: number;
}
const vocabs = new WeakMap<lunr.Index, Vocab>();

function vocabOf(index: lunr.Index): Vocab {
  let v = vocabs.get(index);
  if (!v) {
    const all = new Set(Object.keys((index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex));
    const ja = [...all].filter(isJapaneseWord);
    v = { all, ja, maxJa: ja.reduce((m, t) => Math.max(m, t.length), 1) };
    vocabs.set(index, v);
  }
  return v;
}

/** Cut a Japanese run into words the index knows, fewest pieces first; unknown characters are skipped. */
function segmentByVocab(run: string, vocab: Vocab): { text: string; from: number }[] {
  const n = run.length;
  const cost = new Array<number>(n + 1).fill(Infinity);
  const back = new Array<number>(n + 1).fill(-1);
  cost[0] = 0;
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue;
    if (cost[i] + 2 < cost[i + 1]) {
      cost[i + 1] = cost[i] + 2;
      back[i + 1] = i;
    }
    for (let len = 2; len <= Math.min(vocab.maxJa, n - i); len++) {
      if (vocab.all.has(run.slice(i, i + len)) && cost[i] + 1 < cost[i + len]) {
        cost[i + len] = cost[i] + 1;
        back[i + len] = i;
      }
    }
    // a single known kanji is a word (率, 者); single kana are particles or noise
    if (/[\u4e00-\u9fa0]/.test(run[i]) && vocab.all.has(run[i]) && cost[i] + 1.5 < cost[i + 1]) {
      cost[i + 1] = cost[i] + 1.5;
      back[i + 1] = i;
    }
  }
  const out: { text: string; from: number }[] = [];
  for (let end = n; end > 0; end = back[end]) {
    const from = back[end];
    const piece = run.slice(from, end);
    if (vocab.all.has(piece)) out.unshift({ text: piece, from });
  }
  return out;
}

/* ---------------------------------------------------------------- query plan */

/** Words not worth a clause: stop words, and single kana (particles, or pieces of a bad cut). */
function skipWord(word: string): boolean {
  return isLunrStopWord(word) || /^[\u3041-\u30ff]$/.test(word);
}

interface Part {
  kind: 'latin' | 'ja';
  text: string;
  /** Japanese: which characters count for coverage (stop words such as の, から do not). */
  counted?: boolean[];
}

/** One way a page can match a part of the query. */
interface Alt {
  part: number[];
  /** Character span inside a Japanese part (ignored for Latin parts). */
  from: number;
  to: number;
  /** Query words this alternative stands for (returned as `matched`). */
  surface: string[];
  /** Index terms per word: every word must be found (a multi-word synonym counts only whole). */
  exact: Set<string>[];
  /** Index terms starting with this also count (single-word Latin alternatives). */
  prefix?: string;
  /** Found through a glossary synonym rather than the query's own words. */
  synonym?: boolean;
}

interface Clause {
  term: string;
  boost: number;
  usePipeline: boolean;
  wildcard: boolean;
}

interface Plan {
  parts: Part[];
  alts: Alt[];
  clauses: Clause[];
}

const synonymWordCache = new WeakMap<SynonymGroup[], Map<string, string[]>>();

/** Index words of a synonym (tokenised once per loaded synonym list). */
function synonymWords(groups: SynonymGroup[], synonym: string): string[] {
  let cache = synonymWordCache.get(groups);
  if (!cache) {
    cache = new Map();
    synonymWordCache.set(groups, cache);
  }
  let words = cache.get(synonym);
  if (!words) {
    words = [...new Set(tokenize(synonym).filter((t) => !skipWord(t)))];
    cache.set(synonym, words);
  }
  return words;
}

function stems(index: lunr.Index, term: string): string[] {
  const pipeline = (index as unknown as { pipeline: lunr.Pipeline }).pipeline;
  return pipeline.runString(term).filter((t) => t !== '');
}

function plan(loaded: LoadedIndex, rawQuery: string): Plan {
  const vocab = vocabOf(loaded.index);
  const units = splitUnits(String(rawQuery ?? '').slice(0, MAX_QUERY_CHARS));
  const parts: Part[] = [];
  const partOfUnit: number[] = [];
  const jaSegs: { text: string; from: number }[][] = [];
  let budget = MAX_QUERY_TERMS;
  const seen = new Map<string, number>();
  let unitsUsed = 0;
  for (const u of units) {
    if (budget <= 0) break;
    unitsUsed++;
    if (seen.has(u.text)) {
      partOfUnit.push(seen.get(u.text)!);
      continue;
    }
    let counted: boolean[] | undefined;
    let text = u.text;
    if (u.kind === 'latin') {
      text = u.text.slice(0, MAX_WORD_LENGTH);
      if (!keepLatin(text) || skipWord(text)) {
        partOfUnit.push(-1);
        continue;
      }
      budget--;
      jaSegs.push([]);
    } else {
      const segs: { text: string; from: number }[] = [];
      counted = new Array<boolean>(u.text.length).fill(true);
      let at = 0;
      let end = u.text.length;
      for (const s of segmentJa(u.text)) {
        const from = u.text.indexOf(s, at);
        if (from < 0) continue;
        if (budget <= 0) {
          end = from; // the rest of a long run is ignored, like words past the limit
          break;
        }
        at = from + s.length;
        if (skipWord(s)) counted.fill(false, from, from + s.length);
        else {
          segs.push({ text: s, from });
          budget--;
        }
      }
      if (segs.length === 0) {
        partOfUnit.push(-1);
        continue;
      }
      jaSegs.push(segs);
      text = u.text.slice(0, end);
      counted = counted.slice(0, end);
    }
    seen.set(u.text, parts.length);
    partOfUnit.push(parts.length);
    parts.push({ kind: u.kind, text, counted });
  }

  const alts: Alt[] = [];
  const clauses = new Map<string, Clause>();
  const clause = (term: string, boost: number, usePipeline: boolean, wildcard = false) => {
    const key = `${wildcard ? '*' : usePipeline ? '=' : '!'}${term}`;
    const c = clauses.get(key);
    if (c) c.boost = Math.max(c.boost, boost);
    else clauses.set(key, { term, boost, usePipeline, wildcard });
  };

  parts.forEach((p, pi) => {
    if (p.kind === 'latin') {
      clause(p.text, BOOST.exact, true);
      const alt: Alt = { part: [pi], from: 0, to: 1, surface: [p.text], exact: [new Set(stems(loaded.index, p.text))] };
      if (p.text.length >= 2) {
        clause(p.text, BOOST.prefix, false, true);
        alt.prefix = p.text;
      }
      // A word typed past its stem ("escalat" → indexed "escal"): its stem-like beginnings.
      for (let len = Math.max(4, p.text.length - 3); len < p.text.length; len++) {
        const head = p.text.slice(0, len);
        if (vocab.all.has(head)) {
          clause(head, BOOST.prefix, false);
          alt.exact[0].add(head);
        }
      }
      alts.push(alt);
      return;
    }
    const segs = jaSegs[pi];
    const pieces = new Map<string, { text: string; from: number }>();
    for (const s of segs) pieces.set(`${s.from}:${s.text}`, s);
    for (const s of segmentByVocab(p.text, vocab)) if (!skipWord(s.text)) pieces.set(`${s.from}:${s.text}`, s);
    for (const s of pieces.values()) {
      clause(s.text, s.text.length > 1 ? BOOST.exact : BOOST.shortJa, true);
      const exact = new Set(stems(loaded.index, s.text));
      if (s.text.length >= 2) {
        let found = 0;
        for (const t of vocab.ja) {
          if (t !== s.text && t.includes(s.text)) {
            clause(t, BOOST.contains, false);
            exact.add(t);
            if (++found >= MAX_CONTAINING) break;
          }
        }
      }
      alts.push({ part: [pi], from: s.from, to: s.from + s.text.length, surface: [s.text], exact: [exact] });
    }
  });

  // Glossary synonyms: whole query units, so multi-word names ("churn rate") are seen.
  let synBudget = MAX_SYNONYM_TERMS;
  const used = units.slice(0, unitsUsed).map((u) => u.text);
  for (const m of findSynonyms(used, loaded.synonyms)) {
    const covered = [...new Set(partOfUnit.slice(m.from, m.to + 1).filter((x) => x >= 0))];
    if (covered.length === 0) continue;
    const single = covered.length === 1 && parts[covered[0]].kind === 'ja' && isJapaneseWord(m.member);
    const at = single ? parts[covered[0]].text.indexOf(m.member) : -1;
    for (const syn of m.synonyms) {
      const words = synonymWords(loaded.synonyms, syn);
      if (words.length === 0 || words.length > synBudget) continue;
      synBudget -= words.length;
      for (const t of words) clause(t, BOOST.synonym, true);
      // A synonym found stands for the member's whole stretch of the query.
      alts.push({ part: covered, from: at >= 0 ? at : 0, to: at >= 0 ? at + m.member.length : Infinity, surface: words, exact: words.map((t) => new Set(stems(loaded.index, t))), synonym: true });
    }
  }

  return { parts, alts, clauses: [...clauses.values()] };
}

/* ---------------------------------------------------------------- search */

const TITLE_FIELD = 't';

/**
 * Matching is tracked per "atom": one word of one alternative. Which atoms an index term satisfies
 * is worked out once per query and term, then each page only looks up its matched terms.
 */
class Atoms {
  readonly base: number[] = [];
  readonly size: number;
  private readonly cache = new Map<string, number[]>();
  private readonly p: Plan;
  constructor(p: Plan) {
    this.p = p;
    let n = 0;
    for (const a of p.alts) {
      this.base.push(n);
      n += a.exact.length;
    }
    this.size = n;
  }
  of(term: string): number[] {
    let ids = this.cache.get(term);
    if (!ids) {
      ids = [];
      this.p.alts.forEach((a, ai) => {
        a.exact.forEach((set, wi) => {
          if (set.has(term) || (wi === 0 && a.prefix !== undefined && term.startsWith(a.prefix))) ids!.push(this.base[ai] + wi);
        });
      });
      this.cache.set(term, ids);
    }
    return ids;
  }
  satisfied(terms: string[]): Uint8Array {
    const sat = new Uint8Array(this.size);
    for (const t of terms) for (const id of this.of(t)) sat[id] = 1;
    return sat;
  }
  hit(sat: Uint8Array, ai: number): boolean {
    const a = this.p.alts[ai];
    for (let wi = 0; wi < a.exact.length; wi++) if (!sat[this.base[ai] + wi]) return false;
    return true;
  }
}

/**
 * Share (0–1) of the query a page covers: each Latin word counts 1, each Japanese run by the share
 * of its (non-stop-word) characters covered. Words found only through a synonym count SYNONYM_COVER.
 */
function coverageOf(p: Plan, atoms: Atoms, sat: Uint8Array): number {
  const latin = new Array<number>(p.parts.length).fill(0);
  const ja = p.parts.map((pt) => (pt.kind === 'ja' ? new Array<number>(pt.text.length).fill(0) : []));
  let any = false;
  p.alts.forEach((a, ai) => {
    if (!atoms.hit(sat, ai)) return;
    any = true;
    const weight = a.synonym ? SYNONYM_COVER : 1;
    for (const pi of a.part) {
      if (p.parts[pi].kind === 'latin') latin[pi] = Math.max(latin[pi], weight);
      else {
        const chars = ja[pi];
        for (let i = Math.max(0, a.from); i < Math.min(chars.length, a.to); i++) chars[i] = Math.max(chars[i], weight);
      }
    }
  });
  if (!any) return 0;
  let sum = 0;
  p.parts.forEach((pt, pi) => {
    if (pt.kind === 'latin') sum += latin[pi];
    else {
      let got = 0;
      let of = 0;
      ja[pi].forEach((w, i) => {
        if (pt.counted?.[i] === false) return;
        got += w;
        of++;
      });
      sum += of ? got / of : 0;
    }
  });
  return sum / p.parts.length;
}

/** Query words behind the alternatives a page matched (longest first). */
function matchedWords(p: Plan, atoms: Atoms, sat: Uint8Array): string[] {
  const out = new Set<string>();
  p.alts.forEach((a, ai) => {
    if (atoms.hit(sat, ai)) for (const w of a.surface) out.add(w);
  });
  return [...out].sort((a, b) => b.length - a.length);
}

const SYNONYM_COVER = 0.6;

/** Search a loaded index. Never throws: bad or empty input gives no results. */
export function search(loaded: LoadedIndex, rawQuery: string, options: SearchOptions = {}): SearchResult[] {
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  try {
    if (typeof rawQuery !== 'string' || limit === 0) return [];
    const p = plan(loaded, rawQuery);
    if (p.clauses.length === 0 || p.parts.length === 0) return [];
    const l = getLunr();
    const raw = loaded.index.query((q) => {
      for (const c of p.clauses)
        q.term(c.term, {
          boost: c.boost,
          usePipeline: c.usePipeline,
          wildcard: c.wildcard ? l.Query.wildcard.TRAILING : l.Query.wildcard.NONE,
        });
    });
    const atoms = new Atoms(p);
    const scored: { ref: number; score: number; sat: Uint8Array }[] = [];
    for (const r of raw) {
      const ref = Number(r.ref);
      if (!loaded.docs[ref]) continue;
      const meta = r.matchData.metadata as Record<string, Record<string, unknown>>;
      const terms = Object.keys(meta);
      const sat = atoms.satisfied(terms);
      const coverage = coverageOf(p, atoms, sat);
      if (coverage === 0) continue;
      const titleCoverage = coverageOf(p, atoms, atoms.satisfied(terms.filter((t) => meta[t][TITLE_FIELD] !== undefined)));
      const score = r.score * coverage * coverage * (1 + titleCoverage);
      if (score > 0) scored.push({ ref, score, sat });
    }
    scored.sort((a, b) => b.score - a.score || a.ref - b.ref);
    return scored.slice(0, limit).map(({ ref, score, sat }) => ({ doc: loaded.docs[ref], score, matched: matchedWords(p, atoms, sat) }));
  } catch {
    return [];
  }
}

/* ---------------------------------------------------------------- highlighting */

const stemCache = new Map<string, string>();
function stemOf(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    const l = getLunr();
    s = l.stemmer(new l.Token(word, {})).toString();
    if (stemCache.size > 5000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

const LATIN_WORD = /[\p{Script=Latin}\p{Nd}]+/gu;

/**
 * Cut a text into plain and matching stretches. Latin words match a matched word when they start
 * with it or share its stem (the whole word is marked); Japanese words match where they occur.
 * The segments' texts joined give back the text. Plain data: render it as text, never as HTML.
 */
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
      if (hit) for (let i = m.index; i < m.index + m[0].length; i++) mark[i] = true;
    }
  }
  if (ja.length) {
    const folded = foldForSearch(text);
    for (const t of ja) {
      for (let at = folded.indexOf(t); at !== -1; at = folded.indexOf(t, at + t.length)) {
        for (let i = at; i < at + t.length; i++) mark[i] = true;
      }
    }
  }
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

/** Same-length folding for locating Japanese words: full-width ASCII and upper case folded. */
function foldForSearch(text: string): string {
  let out = '';
  for (const ch of text) {
    const n = normaliseText(ch);
    out += n.length === ch.length ? n : ch;
  }
  return out;
}

/**
 * A window of at most maxLen characters (plus "…" marks) around the first match, cut at word
 * boundaries where the text has spaces; the start of the text when nothing matches.
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
  return `${start > 0 ? '…' : ''}${t.slice(start, end).trim()}${end < t.length ? '…' : ''}`;
}
