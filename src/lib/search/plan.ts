/**
 * Query planning: user text → the index terms to look up, grouped so ranking can tell how much of
 * the query a page covers, plus the pages that rank first whatever their score (exact names and
 * intents). Pure apart from lunr's English stemmer.
 *
 * User text never reaches lunr's query parser: it is cut into words exactly as the index was
 * (Latin words; Japanese runs segmented), so lunr syntax (* ~ : ^ + -) is just punctuation.
 * Each query word becomes an "atom": the index terms any of which satisfies it, with boosts.
 *  - Latin: the word's stem; index terms it is a prefix of (the word being typed: "onboard",
 *    "expan"); an indexed stem the word was typed past ("escalat" → "escal"); two words written
 *    apart that the index has as one ("kick off" → kickoff); and, only when none of that exists,
 *    near spellings (one or two edits: "chrun" → churn, "onbaording" → onboard).
 *  - Japanese: each TinySegmenter segment, a second segmentation into words the index knows
 *    (TinySegmenter cuts the same word differently with and without context: 解約率 alone →
 *    解|約率, in a sentence → 解約|率), and indexed words that contain the segment.
 *  - Synonyms (the glossary's names and content/search's groups) of any word or run of words, as
 *    alternatives that count a little less.
 * Exact names: when the whole query (question words removed: "what is …", "…とは") is a page's
 * title, glossary name, abbreviation, alias or stage name, that page ranks first; when it is a
 * synonym of such a name, just after; content/search's intent phrases put their pages next.
 */
import type { LoadedIndex } from './load.ts';
import {
  isEnglishStopWord,
  isJapaneseWord,
  keepLatin,
  normaliseText,
  segmentJa,
  splitUnits,
  stemWord,
  tokenize,
  type TextUnit,
} from './text.ts';
import { findSynonyms, nameKey, prepareSynonyms } from './synonyms.ts';

/** At most this many query words are used (Latin words + Japanese segments); the rest is ignored. */
export const MAX_QUERY_TERMS = 32;
/** At most this many extra words from synonyms. */
export const MAX_SYNONYM_TERMS = 32;
/** Longer Latin "words" are cut to this length (no real word is longer). */
export const MAX_WORD_LENGTH = 64;
/** Characters of the raw query that are looked at. */
export const MAX_QUERY_CHARS = 2000;

/** Clause boosts (multiplying lunr's field weights) and coverage weights of the kinds of match. */
export const BOOST = { exact: 1, shortJa: 0.5, prefix: 0.4, contains: 0.3, fuzzy: 0.3, synonym: 0.4 } as const;
export const COVER = { own: 1, fuzzy: 0.8, synonym: 0.6 } as const;
const MAX_PREFIX_TERMS = 40;
const MAX_CONTAINING = 24;
const MAX_FUZZY_TERMS = 8;

export interface Part {
  kind: 'latin' | 'ja';
  text: string;
  /** Japanese: which characters count for coverage (stop words such as の, から do not). */
  counted?: boolean[];
}

/** One way a page can match a stretch of the query: every atom (one per word) must be satisfied. */
export interface Alt {
  part: number[];
  /** Character span inside a Japanese part (ignored for Latin parts). */
  from: number;
  to: number;
  /** Query words this alternative stands for (returned as `matched`, for highlighting). */
  surface: string[];
  atoms: number[];
  /** Coverage weight: COVER.own, .fuzzy or .synonym. */
  weight: number;
  /** Found through a synonym rather than the query's own words. */
  synonym?: boolean;
}

/** Why a page ranks where it does, when it is not simply the query's own words. */
export interface MatchReason {
  kind: 'synonym' | 'intent';
  /** The synonym or intent phrase that matched. */
  text: string;
}

export interface Plan {
  parts: Part[];
  alts: Alt[];
  atomCount: number;
  /** Index term number → its boost and the atoms it satisfies. */
  clauses: Map<number, { boost: number; atoms: number[] }>;
  /** Pages placed ahead of the scored ones: tier (higher first) and why. */
  tiers: Map<number, { tier: number; reason?: MatchReason }>;
  /** "what is …" / "…とは" (define) or "how do I …" / "…の進め方" (howto). */
  question?: 'define' | 'howto';
}

/* ---------------------------------------------------------------- question forms */

const EN_DEFINE = /^(?:(?:what|who)(?:\s+(?:is|are|was|does|do))?|define|definition\s+of|meaning\s+of)\s+(.+)$/;
const EN_DEFINE_TAIL = /\s+(?:mean|means|stand\s+for|stands\s+for)$/;
const EN_HOWTO = /^(?:how\s+(?:do|can|should|would|could)\s+(?:i|we|you)|how\s+to)\s+(.+)$/;
const JA_DEFINE = /^(.+?)(?:とは|って|の意味|の定義)(?:何|なに|なん)?(?:は)?(?:ですか|でしょうか|か)?$/;
const JA_HOWTO =
  /^(.+?)(?:の進め方|のやり方|の方法|の仕方|をするには|するには|を進めるには|はどうすれば(?:いい|よい)?(?:ですか)?)$/;

/** The query without its question words, and the kind of question. */
export function questionForm(raw: string): { core: string; question?: 'define' | 'howto' } {
  const t = normaliseText(raw)
    .replace(/[?？!！。.]+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  const strip = (s: string) => s.replace(/^(?:an?|the)\s+/, '').trim();
  let m = EN_DEFINE.exec(t);
  if (m) return { core: strip(m[1].replace(EN_DEFINE_TAIL, '')), question: 'define' };
  m = EN_HOWTO.exec(t);
  if (m) return { core: strip(m[1]), question: 'howto' };
  m = JA_DEFINE.exec(t);
  if (m) return { core: m[1].trim(), question: 'define' };
  m = JA_HOWTO.exec(t);
  if (m) return { core: m[1].trim(), question: 'howto' };
  return { core: t };
}

/* ---------------------------------------------------------------- vocabulary helpers */

/**
 * Words not worth a clause: English stop words, single kana (particles, or pieces of a bad cut),
 * hiragana of two characters (たい, ない), and
 * hiragana-only words and single kanji the index does not have (its Japanese stop words: から, ます,
 * 何…; the index dropped them, so they can never match).
 */
function skipWord(idx: LoadedIndex, word: string): boolean {
  // Hiragana of one or two characters is grammar (たい, ない, して), never what someone searches for.
  if (isEnglishStopWord(word) || /^[\u3041-\u30ff]$/.test(word) || /^[\u3041-\u3096]{1,2}$/.test(word)) return true;
  return !idx.termIds.has(word) && (/^[\u3041-\u3096ー]+$/.test(word) || (word.length === 1 && isJapaneseWord(word)));
}

interface Caches {
  stems: Map<string, string[]>;
  prefix: Map<string, number[]>;
  containing: Map<string, number[]>;
  fuzzy: Map<string, number[]>;
  synonymWords: Map<string, string[]>;
  /** Synonym → nameKey(synonym). */
  nameKeys: Map<string, string>;
  plans: Map<string, Plan>;
  /** The intents' phrases, as one list of groups (findSynonyms prepares a list once). */
  intentPhrases: string[][];
}
const caches = new WeakMap<LoadedIndex, Caches>();
function cacheOf(idx: LoadedIndex): Caches {
  let c = caches.get(idx);
  if (!c) {
    c = {
      stems: new Map(),
      prefix: new Map(),
      containing: new Map(),
      fuzzy: new Map(),
      synonymWords: new Map(),
      nameKeys: new Map(),
      plans: new Map(),
      intentPhrases: idx.intents.map((it) => it.phrases),
    };
    caches.set(idx, c);
  }
  return c;
}
function remember<T>(map: Map<string, T>, key: string, make: () => T, max = 2000): T {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    if (map.size >= max) map.clear();
    map.set(key, v);
  }
  return v;
}

/** A word through the index's search pipeline (stemmed), as index term numbers. */
function stemTerms(idx: LoadedIndex, word: string): number[] {
  const stems = remember(cacheOf(idx).stems, word, () => [stemWord(word)].filter((t) => t !== ''));
  return stems.map((s) => idx.termIds.get(s)).filter((n): n is number => n !== undefined);
}

/** First position in the sorted vocabulary whose term is ≥ s. */
function lowerBound(terms: string[], s: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index terms starting with `prefix` (the shortest MAX_PREFIX_TERMS). */
function prefixTerms(idx: LoadedIndex, prefix: string): number[] {
  return remember(cacheOf(idx).prefix, prefix, () => {
    const out: number[] = [];
    for (let i = lowerBound(idx.terms, prefix); i < idx.terms.length && idx.terms[i].startsWith(prefix); i++)
      out.push(i);
    if (out.length > MAX_PREFIX_TERMS)
      out.sort((a, b) => idx.terms[a].length - idx.terms[b].length || a - b).length = MAX_PREFIX_TERMS;
    return out;
  });
}

/** Japanese index words that contain `segment` (not the segment itself). */
function containingTerms(idx: LoadedIndex, segment: string): number[] {
  return remember(cacheOf(idx).containing, segment, () => {
    const out: number[] = [];
    for (const n of idx.jaTerms) {
      const t = idx.terms[n];
      if (t !== segment && t.includes(segment)) {
        out.push(n);
        if (out.length >= MAX_CONTAINING) break;
      }
    }
    return out;
  });
}

/**
 * Optimal-string-alignment distances of the word `q` and a term `t`: [distance(q, t), the least
 * distance(q[0..i], t) over the beginnings of q that leave at most 4 characters over (a typo in a
 * word whose index stem is shorter: "onbaording" → onboard)]. Gives up (Infinity) as soon as every
 * cell of a row is above `max`.
 */
function editDistances(q: string, t: string, max: number): [number, number] {
  const n = q.length;
  const m = t.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let bestPrefix = Infinity;
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = q[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && q[i - 1] === t[j - 2] && q[i - 2] === t[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (n - i <= 4 && i >= m - 1) bestPrefix = Math.min(bestPrefix, cur[m]);
    if (rowMin > max) return [Infinity, bestPrefix];
    prev2 = prev;
    prev = cur;
  }
  return [prev[m], bestPrefix];
}

/** Index terms one or two edits away from a Latin word that found nothing ("chrun" → churn). */
function fuzzyTerms(idx: LoadedIndex, word: string): number[] {
  return remember(cacheOf(idx).fuzzy, word, () => {
    if (word.length < 4 || /[0-9]/.test(word)) return [];
    const max = word.length <= 6 ? 1 : 2;
    const found: { n: number; d: number }[] = [];
    // Typos rarely hit the first letter: only terms that share it.
    for (let i = lowerBound(idx.terms, word[0]); i < idx.terms.length && idx.terms[i][0] === word[0]; i++) {
      const t = idx.terms[i];
      if (t.length < 3 || Math.abs(t.length - word.length) > max + 4) continue;
      const [whole, prefix] = editDistances(word, t, max);
      const d = Math.min(whole <= max ? whole : Infinity, t.length >= 4 && prefix <= 1 ? prefix + 0.5 : Infinity);
      if (d < Infinity) found.push({ n: i, d });
    }
    found.sort((a, b) => a.d - b.d || a.n - b.n);
    return found.slice(0, MAX_FUZZY_TERMS).map((f) => f.n);
  });
}

/** Cut a Japanese run into words the index knows, fewest pieces first; unknown characters are skipped. */
function segmentByVocab(idx: LoadedIndex, run: string): { text: string; from: number }[] {
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
    for (let len = 2; len <= Math.min(idx.maxJa, n - i); len++) {
      if (idx.termIds.has(run.slice(i, i + len)) && cost[i] + 1 < cost[i + len]) {
        cost[i + len] = cost[i] + 1;
        back[i + len] = i;
      }
    }
    // a single known kanji is a word (率, 者); single kana are particles or noise
    if (/[\u4e00-\u9fa0]/.test(run[i]) && idx.termIds.has(run[i]) && cost[i] + 1.5 < cost[i + 1]) {
      cost[i + 1] = cost[i] + 1.5;
      back[i + 1] = i;
    }
  }
  const out: { text: string; from: number }[] = [];
  for (let end = n; end > 0; end = back[end]) {
    const from = back[end];
    const piece = run.slice(from, end);
    if (idx.termIds.has(piece)) out.unshift({ text: piece, from });
  }
  return out;
}

/** Index words of a synonym (tokenised once per loaded index). */
function synonymWords(idx: LoadedIndex, synonym: string): string[] {
  return remember(cacheOf(idx).synonymWords, synonym, () => [
    ...new Set(tokenize(synonym).filter((t) => !skipWord(idx, t))),
  ]);
}

/* ---------------------------------------------------------------- the plan */

class Builder {
  readonly alts: Alt[] = [];
  readonly clauses = new Map<number, { boost: number; atoms: number[] }>();
  atomCount = 0;
  /** A new atom satisfied by any of the terms; returns its number. */
  atom(terms: Iterable<[number, number]>): number {
    const id = this.atomCount++;
    for (const [n, boost] of terms) {
      const c = this.clauses.get(n);
      if (!c) this.clauses.set(n, { boost, atoms: [id] });
      else {
        c.boost = Math.max(c.boost, boost);
        if (c.atoms[c.atoms.length - 1] !== id) c.atoms.push(id);
      }
    }
    return id;
  }
}

/**
 * Prepares what every first query of an index needs (the synonym and intent lookups, built from every
 * phrase), so a page can do it in a task of its own before the first search. Optional: the first query
 * does it otherwise.
 */
export function warmQuery(idx: LoadedIndex): void {
  prepareSynonyms(idx.synonyms);
  prepareSynonyms(cacheOf(idx).intentPhrases);
}

/** Plan a query (plans are cached per loaded index and query text). */
export function planQuery(idx: LoadedIndex, rawQuery: string): Plan {
  const text = rawQuery.slice(0, MAX_QUERY_CHARS);
  return remember(cacheOf(idx).plans, text, () => makePlan(idx, text), 200);
}

function makePlan(idx: LoadedIndex, text: string): Plan {
  const units = splitUnits(text);
  const parts: Part[] = [];
  const partOfUnit: number[] = [];
  const jaSegs: { text: string; from: number }[][] = [];
  let budget = MAX_QUERY_TERMS;
  const seen = new Map<string, number>();
  let unitsUsed = 0;
  for (const u of units) {
    if (budget <= 0) break;
    unitsUsed++;
    const known = seen.get(u.text);
    if (known !== undefined) {
      partOfUnit.push(known);
      continue;
    }
    let counted: boolean[] | undefined;
    let t = u.text;
    if (u.kind === 'latin') {
      t = u.text.slice(0, MAX_WORD_LENGTH);
      if (!keepLatin(t) || skipWord(idx, t)) {
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
        if (skipWord(idx, s)) counted.fill(false, from, from + s.length);
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
      t = u.text.slice(0, end);
      counted = counted.slice(0, end);
    }
    seen.set(u.text, parts.length);
    partOfUnit.push(parts.length);
    parts.push({ kind: u.kind, text: t, counted });
  }

  const b = new Builder();
  parts.forEach((p, pi) => {
    if (p.kind === 'latin') {
      const terms = new Map<number, number>();
      for (const n of stemTerms(idx, p.text)) terms.set(n, BOOST.exact);
      if (p.text.length >= 2) for (const n of prefixTerms(idx, p.text)) if (!terms.has(n)) terms.set(n, BOOST.prefix);
      // A word typed past its stem ("escalat" → indexed "escal").
      for (let len = Math.max(4, p.text.length - 3); len < p.text.length; len++) {
        const n = idx.termIds.get(p.text.slice(0, len));
        if (n !== undefined && !terms.has(n)) terms.set(n, BOOST.prefix);
      }
      if (terms.size > 0) {
        b.alts.push({ part: [pi], from: 0, to: 1, surface: [p.text], atoms: [b.atom(terms)], weight: COVER.own });
        return;
      }
      const near = fuzzyTerms(idx, p.text);
      const atom = b.atom(near.map((n) => [n, BOOST.fuzzy]));
      b.alts.push({
        part: [pi],
        from: 0,
        to: 1,
        surface: near.length ? near.map((n) => idx.terms[n]) : [p.text],
        atoms: [atom],
        weight: COVER.fuzzy,
      });
      return;
    }
    const pieces = new Map<string, { text: string; from: number }>();
    for (const s of jaSegs[pi]) pieces.set(`${s.from}:${s.text}`, s);
    for (const s of segmentByVocab(idx, p.text)) if (!skipWord(idx, s.text)) pieces.set(`${s.from}:${s.text}`, s);
    for (const s of pieces.values()) {
      const terms = new Map<number, number>();
      for (const n of stemTerms(idx, s.text)) terms.set(n, s.text.length > 1 ? BOOST.exact : BOOST.shortJa);
      if (s.text.length >= 2)
        for (const n of containingTerms(idx, s.text)) if (!terms.has(n)) terms.set(n, BOOST.contains);
      b.alts.push({
        part: [pi],
        from: s.from,
        to: s.from + s.text.length,
        surface: [s.text],
        atoms: [b.atom(terms)],
        weight: COVER.own,
      });
    }
  });

  // Two Latin words the index has as one ("kick off" → kickoff, "sign up" → signup).
  const used = units.slice(0, unitsUsed);
  for (let i = 0; i + 1 < used.length; i++) {
    const [a, c] = [used[i], used[i + 1]];
    if (a.kind !== 'latin' || c.kind !== 'latin') continue;
    const joined = stemTerms(idx, a.text + c.text);
    const covered = [...new Set([partOfUnit[i], partOfUnit[i + 1]].filter((x) => x >= 0))];
    if (joined.length && covered.length)
      b.alts.push({
        part: covered,
        from: 0,
        to: 1,
        surface: [a.text + c.text],
        atoms: [b.atom(joined.map((n) => [n, BOOST.exact]))],
        weight: COVER.own,
      });
  }

  // Synonyms: whole query units, so multi-word names ("churn rate") are seen.
  let synBudget = MAX_SYNONYM_TERMS;
  const unitTexts = used.map((u) => u.text);
  for (const m of findSynonyms(unitTexts, idx.synonyms)) {
    const covered = [...new Set(partOfUnit.slice(m.from, m.to + 1).filter((x) => x >= 0))];
    if (covered.length === 0) continue;
    const single = covered.length === 1 && parts[covered[0]].kind === 'ja' && isJapaneseWord(m.member);
    const at = single ? parts[covered[0]].text.indexOf(m.member) : -1;
    for (const syn of m.synonyms) {
      const words = synonymWords(idx, syn);
      if (words.length === 0 || words.length > synBudget) continue;
      const atoms = words.map((w) => stemTerms(idx, w));
      if (atoms.some((a) => a.length === 0)) continue; // a word the index does not have: it cannot match
      synBudget -= words.length;
      b.alts.push({
        part: covered,
        from: Math.max(at, 0),
        to: at >= 0 ? at + m.member.length : Infinity,
        surface: words,
        atoms: atoms.map((terms) => b.atom(terms.map((n) => [n, BOOST.synonym]))),
        weight: COVER.synonym,
        synonym: true,
      });
    }
  }

  return { parts, alts: b.alts, atomCount: b.atomCount, clauses: b.clauses, ...placed(idx, text, used) };
}

/** Pages ranked ahead of the scored ones: exact names, names through a synonym, intents. */
function placed(
  idx: LoadedIndex,
  text: string,
  units: TextUnit[],
): { tiers: Plan['tiers']; question?: Plan['question'] } {
  const tiers: Plan['tiers'] = new Map();
  const place = (doc: number, tier: number, reason?: MatchReason) => {
    const cur = tiers.get(doc);
    if (!cur || cur.tier < tier) tiers.set(doc, { tier, reason });
  };
  const { core, question } = questionForm(text);
  const coreUnits = splitUnits(core).map((u) => u.text);
  const key = coreUnits.join(' '); // nameKey(core)
  if (key !== '') {
    // The defining page first: a glossary term above other pages with the same name; for "how do I …",
    // the playbook of that name above both.
    const named = (d: number) =>
      question === 'howto' && idx.docs[d].type === 'playbook' ? 3.6 : idx.docs[d].type === 'glossary' ? 3.5 : 3;
    for (const d of idx.names.get(key) ?? []) place(d, named(d));
    const keyOf = (s: string) => remember(cacheOf(idx).nameKeys, s, () => nameKey(s));
    for (const m of findSynonyms(coreUnits, idx.synonyms)) {
      if (m.from !== 0 || m.to !== coreUnits.length - 1 || keyOf(m.member) !== key) continue;
      for (const s of m.synonyms)
        for (const d of idx.names.get(keyOf(s)) ?? [])
          place(d, idx.docs[d].type === 'glossary' ? 2.6 : 2.5, { kind: 'synonym', text: s });
    }
  }
  if (idx.intents.length) {
    const matches = findSynonyms(
      units.map((u) => u.text),
      cacheOf(idx).intentPhrases,
    );
    for (const m of matches) {
      const docs = idx.intents[m.group].docs;
      docs.forEach((d, i) =>
        place(d, 2 + (docs.length - i) / (docs.length + 1) / 10, { kind: 'intent', text: m.member }),
      );
    }
  }
  return { tiers, question };
}
