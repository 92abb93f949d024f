/**
 * Search: evaluates a query plan (plan.ts) directly against the index's postings (load.ts) and ranks
 * the pages. Pure; never throws on any string (the tests feed it hostile input), so callers need no
 * catch-all.
 *
 * Score of a page = Σ over matched index terms of clause boost × lunr's field weight (BM25 with the
 * field boosts: title 10, names 8, summary 4, body 1), × coverage² (the share of the query the page
 * covers, see coverageOf: every word is "required-ish", so a page with both オンボーディング and 会議
 * beats one with many オンボーディング alone) × (1 + 2 × the share its title covers).
 * Then, on top: pages named exactly by the query (tier 3), named by a synonym of it (2.5) or answering
 * an intent phrase (2) come first; "how do I …" prefers playbooks, "what is …" glossary terms; on a
 * translated site a page not yet translated ranks below an equal translated one.
 */
import type { CompactDoc } from './index-format.ts';
import type { LoadedIndex } from './load.ts';
import { isJapaneseWord } from './text.ts';
import { planQuery, type MatchReason, type Plan } from './plan.ts';

export type { LoadedIndex } from './load.ts';
export { loadIndex } from './load.ts';

export interface SearchResult {
  doc: CompactDoc;
  score: number;
  /** Query words (normalised, and synonyms) found in this page: pass them to highlight/snippet. */
  matched: string[];
  /**
   * Why the page matched, when it was not through the query's own words: a synonym (`translation`
   * when the synonym is in the other script: a Japanese word that found an English page, or the
   * reverse) or an intent phrase of content/search.
   */
  reason?: { kind: 'synonym' | 'translation' | 'intent'; text: string };
}

export interface SearchOptions {
  /** Maximum number of results (default 10). */
  limit?: number;
}

/** Multipliers of the ranking rules. */
export const RANK = { title: 2, howtoPlaybook: 2, defineGlossary: 1.5, untranslated: 0.7 } as const;

/** Satisfied atoms of a page, as bits: atom a is bit a%32 of word a/32. */
type Sat = (atom: number) => boolean;

/**
 * Share (0–1) of the query a page covers: each Latin word counts 1, each Japanese run by the share
 * of its (non-stop-word) characters covered; an alternative counts by its weight (synonyms 0.6).
 */
function coverageOf(p: Plan, sat: Sat): number {
  const latin = new Array<number>(p.parts.length).fill(0);
  const ja = p.parts.map((pt) => (pt.kind === 'ja' ? new Array<number>(pt.text.length).fill(0) : []));
  let any = false;
  for (const a of p.alts) {
    if (!hit(a.atoms, sat)) continue;
    any = true;
    for (const pi of a.part) {
      if (p.parts[pi].kind === 'latin') latin[pi] = Math.max(latin[pi], a.weight);
      else {
        const chars = ja[pi];
        for (let i = Math.max(0, a.from); i < Math.min(chars.length, a.to); i++) chars[i] = Math.max(chars[i], a.weight);
      }
    }
  }
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

function hit(atoms: number[], sat: Sat): boolean {
  for (const a of atoms) if (!sat(a)) return false;
  return true;
}

const isLatin = (w: string) => /^[a-z0-9]/.test(w);

/** Matched words (longest first) and, when only synonyms matched, which one. */
function explain(p: Plan, sat: Sat): { matched: string[]; own: boolean; synonym?: string } {
  const out = new Set<string>();
  let own = false;
  let synonym: string | undefined;
  for (const a of p.alts) {
    if (!hit(a.atoms, sat)) continue;
    for (const w of a.surface) out.add(w);
    if (a.synonym) synonym ??= a.surface.join(' ');
    else own = true;
  }
  return { matched: [...out].sort((a, b) => b.length - a.length), own, synonym };
}

/** Intents always say so; synonyms only when the page has none of the query's own words. */
function reasonOf(p: Plan, e: { own: boolean; synonym?: string }, placed: MatchReason | undefined): SearchResult['reason'] {
  let r: MatchReason | undefined;
  if (placed?.kind === 'intent') r = placed;
  else if (!e.own) r = placed ?? (e.synonym !== undefined ? { kind: 'synonym', text: e.synonym } : undefined);
  if (!r) return undefined;
  if (r.kind === 'intent') return { kind: 'intent', text: r.text };
  // A synonym in the other script than every word of the query: the other language.
  const queryLatin = p.parts.every((pt) => pt.kind === 'latin');
  const queryJa = p.parts.every((pt) => pt.kind === 'ja');
  const other = (queryJa && isLatin(r.text)) || (queryLatin && isJapaneseWord(r.text.replace(/\s+/g, '')));
  return { kind: other ? 'translation' : 'synonym', text: r.text };
}

/** Search a loaded index. Bad or empty input gives no results. */
export function search(loaded: LoadedIndex, rawQuery: string, options: SearchOptions = {}): SearchResult[] {
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  if (typeof rawQuery !== 'string' || !(limit > 0) || rawQuery.trim() === '') return [];
  const p = planQuery(loaded, rawQuery);
  if (p.parts.length === 0) return [];

  // Per page: the score and, as bit masks of W words, the atoms satisfied anywhere and in the title.
  const n = loaded.docs.length;
  const W = Math.max(1, Math.ceil(p.atomCount / 32));
  const score = new Float64Array(n);
  const mask = new Uint32Array(n * W);
  const titleMask = new Uint32Array(n * W);
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  const clauseMask = new Uint32Array(W);
  for (const [term, clause] of p.clauses) {
    clauseMask.fill(0);
    for (const a of clause.atoms) clauseMask[a >>> 5] |= 1 << (a & 31);
    const post = loaded.postings.get(term);
    const title = loaded.titleField;
    for (let i = 0; i < post.doc.length; i++) {
      const d = post.doc[i];
      if (!seen[d]) {
        seen[d] = 1;
        touched.push(d);
      }
      score[d] += clause.boost * post.weight[i];
      const at = d * W;
      for (let w = 0; w < W; w++) mask[at + w] |= clauseMask[w];
      if (post.field[i] === title) for (let w = 0; w < W; w++) titleMask[at + w] |= clauseMask[w];
    }
  }
  for (const d of p.tiers.keys())
    if (!seen[d]) {
      seen[d] = 1;
      touched.push(d);
    }

  // Pages with the same atoms have the same coverage: work it out once per distinct mask.
  const memo = new Map<string | number, number>();
  const satOf = (m: Uint32Array, d: number): Sat => (a) => (m[d * W + (a >>> 5)] & (1 << (a & 31))) !== 0;
  const cover = (m: Uint32Array, d: number): number => {
    const at = d * W;
    const key = W === 1 ? m[at] : W === 2 && m[at + 1] < 0x200000 ? m[at] + m[at + 1] * 0x100000000 : Array.prototype.join.call(m.subarray(at, at + W), ',');
    let c = memo.get(key);
    if (c === undefined) memo.set(key, (c = coverageOf(p, satOf(m, d))));
    return c;
  };

  const ranked: { d: number; tier: number; score: number }[] = [];
  for (const d of touched) {
    const placed = p.tiers.get(d);
    const coverage = cover(mask, d);
    if (coverage === 0 && !placed) continue;
    const doc = loaded.docs[d];
    let v = score[d] * coverage * coverage * (1 + RANK.title * cover(titleMask, d));
    if (p.question === 'howto' && doc.type === 'playbook') v *= RANK.howtoPlaybook;
    if (p.question === 'define' && doc.type === 'glossary') v *= RANK.defineGlossary;
    if (doc.en) v *= RANK.untranslated;
    if (v > 0 || placed) ranked.push({ d, tier: placed?.tier ?? 0, score: v });
  }
  ranked.sort((a, b) => b.tier - a.tier || b.score - a.score || a.d - b.d);
  return ranked.slice(0, limit).map(({ d, score: v }) => {
    const e = explain(p, satOf(mask, d));
    const result: SearchResult = { doc: loaded.docs[d], score: v, matched: e.matched };
    const reason = reasonOf(p, e, p.tiers.get(d)?.reason);
    if (reason) result.reason = reason;
    return result;
  });
}
