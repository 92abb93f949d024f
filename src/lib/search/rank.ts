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

/**
 * What evaluating a plan needs, made once per plan: each alternative's atoms as a bit mask (atom a is
 * bit a%32 of word a/32), and the query cut into coverage slots (one per Latin part, one per
 * character of a Japanese part) with the slots each alternative covers.
 */
interface Prepared {
  /** Words of a mask. */
  W: number;
  /** Per alternative, W words: the atoms it needs. */
  altMasks: Uint32Array;
  /** Per alternative: the slots it covers (as ranges into slotList) and its weight. */
  altSlotFrom: Int32Array;
  altSlotTo: Int32Array;
  slotList: Int32Array;
  /** Per part: its first slot and slot count; per slot, whether it counts (Japanese stop words do not). */
  partSlot: Int32Array;
  partSlots: Int32Array;
  counted: Uint8Array;
  /** Scratch: the best weight per slot. */
  best: Float64Array;
}

const prepared = new WeakMap<Plan, Prepared>();

function prepare(p: Plan): Prepared {
  let r = prepared.get(p);
  if (r) return r;
  const W = Math.max(1, Math.ceil(p.atomCount / 32));
  const partSlot = new Int32Array(p.parts.length);
  const partSlots = new Int32Array(p.parts.length);
  const counted: number[] = [];
  p.parts.forEach((pt, pi) => {
    partSlot[pi] = counted.length;
    if (pt.kind === 'latin') counted.push(1);
    else for (let i = 0; i < pt.text.length; i++) counted.push(pt.counted?.[i] === false ? 0 : 1);
    partSlots[pi] = counted.length - partSlot[pi];
  });
  const altMasks = new Uint32Array(p.alts.length * W);
  const altSlotFrom = new Int32Array(p.alts.length);
  const altSlotTo = new Int32Array(p.alts.length);
  const slotList: number[] = [];
  p.alts.forEach((a, ai) => {
    for (const atom of a.atoms) altMasks[ai * W + (atom >>> 5)] |= 1 << (atom & 31);
    altSlotFrom[ai] = slotList.length;
    for (const pi of a.part) {
      if (p.parts[pi].kind === 'latin') slotList.push(partSlot[pi]);
      else for (let i = Math.max(0, a.from); i < Math.min(partSlots[pi], a.to); i++) slotList.push(partSlot[pi] + i);
    }
    altSlotTo[ai] = slotList.length;
  });
  r = {
    W,
    altMasks,
    altSlotFrom,
    altSlotTo,
    slotList: Int32Array.from(slotList),
    partSlot,
    partSlots,
    counted: Uint8Array.from(counted),
    best: new Float64Array(counted.length),
  };
  prepared.set(p, r);
  return r;
}

/** Whether the page whose atoms are m[at..at+W) satisfies every atom of alternative ai. */
function hits(pp: Prepared, ai: number, m: Uint32Array, at: number): boolean {
  const { W, altMasks } = pp;
  for (let w = 0; w < W; w++) {
    const need = altMasks[ai * W + w];
    if ((m[at + w] & need) >>> 0 !== need) return false;
  }
  return true;
}

/**
 * Share (0–1) of the query a page covers: each Latin word counts 1, each Japanese run by the share
 * of its (non-stop-word) characters covered; an alternative counts by its weight (synonyms 0.6).
 */
function coverageOf(p: Plan, pp: Prepared, m: Uint32Array, at: number): number {
  const { best, slotList, altSlotFrom, altSlotTo, counted, partSlot, partSlots } = pp;
  best.fill(0);
  let any = false;
  for (let ai = 0; ai < p.alts.length; ai++) {
    if (!hits(pp, ai, m, at)) continue;
    any = true;
    const w = p.alts[ai].weight;
    for (let k = altSlotFrom[ai]; k < altSlotTo[ai]; k++) if (best[slotList[k]] < w) best[slotList[k]] = w;
  }
  if (!any) return 0;
  let sum = 0;
  for (let pi = 0; pi < p.parts.length; pi++) {
    const first = partSlot[pi];
    if (p.parts[pi].kind === 'latin') sum += best[first];
    else {
      let got = 0;
      let of = 0;
      for (let i = first; i < first + partSlots[pi]; i++) {
        if (!counted[i]) continue;
        got += best[i];
        of++;
      }
      sum += of ? got / of : 0;
    }
  }
  return sum / p.parts.length;
}

const isLatin = (w: string) => /^[a-z0-9]/.test(w);

/** Matched words (longest first) and, when only synonyms matched, which one. */
function explain(
  p: Plan,
  pp: Prepared,
  m: Uint32Array,
  at: number,
): { matched: string[]; own: boolean; synonym?: string } {
  const out = new Set<string>();
  let own = false;
  let synonym: string | undefined;
  for (let ai = 0; ai < p.alts.length; ai++) {
    if (!hits(pp, ai, m, at)) continue;
    const a = p.alts[ai];
    for (const w of a.surface) out.add(w);
    if (a.synonym) synonym ??= a.surface.join(' ');
    else own = true;
  }
  return { matched: [...out].sort((a, b) => b.length - a.length), own, synonym };
}

/** Intents always say so; synonyms only when the page has none of the query's own words. */
function reasonOf(
  p: Plan,
  e: { own: boolean; synonym?: string },
  placed: MatchReason | undefined,
): SearchResult['reason'] {
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

/** Per loaded index: buffers reused by every query (scores, atom masks), cleared after use. */
interface Scratch {
  score: Float64Array;
  seen: Uint8Array;
  touched: Int32Array;
  mask: Uint32Array;
  titleMask: Uint32Array;
}
const scratches = new WeakMap<LoadedIndex, Scratch>();
function scratchOf(loaded: LoadedIndex, W: number): Scratch {
  const n = loaded.docs.length;
  let s = scratches.get(loaded);
  if (!s || s.mask.length < n * W) {
    s = {
      score: new Float64Array(n),
      seen: new Uint8Array(n),
      touched: new Int32Array(n),
      mask: new Uint32Array(n * W),
      titleMask: new Uint32Array(n * W),
    };
    scratches.set(loaded, s);
  }
  return s;
}

/** Order of results: higher tier, then higher score, then earlier document. */
function ranksBefore(tier: number, score: number, d: number, tier2: number, score2: number, d2: number): boolean {
  return tier > tier2 || (tier === tier2 && (score > score2 || (score === score2 && d < d2)));
}

/** Search a loaded index. Bad or empty input gives no results. */
export function search(loaded: LoadedIndex, rawQuery: string, options: SearchOptions = {}): SearchResult[] {
  const limit = Math.max(0, Math.floor(options.limit ?? 10));
  if (typeof rawQuery !== 'string' || !(limit > 0) || rawQuery.trim() === '') return [];
  const p = planQuery(loaded, rawQuery);
  if (p.parts.length === 0) return [];
  const pp = prepare(p);
  const W = pp.W;

  // Per page: the score and, as bit masks of W words, the atoms satisfied anywhere and in the title.
  const { score, seen, touched, mask, titleMask } = scratchOf(loaded, W);
  let nTouched = 0;
  const clauseMask = new Uint32Array(W);
  const title = loaded.titleField;
  for (const [term, clause] of p.clauses) {
    clauseMask.fill(0);
    for (const a of clause.atoms) clauseMask[a >>> 5] |= 1 << (a & 31);
    const post = loaded.postings.get(term);
    const { doc, field, weight } = post;
    const boost = clause.boost;
    for (let i = 0; i < doc.length; i++) {
      const d = doc[i];
      if (!seen[d]) {
        seen[d] = 1;
        touched[nTouched++] = d;
      }
      score[d] += boost * weight[i];
      const at = d * W;
      for (let w = 0; w < W; w++) mask[at + w] |= clauseMask[w];
      if (field[i] === title) for (let w = 0; w < W; w++) titleMask[at + w] |= clauseMask[w];
    }
  }
  for (const d of p.tiers.keys())
    if (!seen[d]) {
      seen[d] = 1;
      touched[nTouched++] = d;
    }

  // Pages with the same atoms have the same coverage: work it out once per distinct mask.
  const memo = new Map<string | number, number>();
  const cover = (m: Uint32Array, d: number): number => {
    const at = d * W;
    const key =
      W === 1
        ? m[at]
        : W === 2 && m[at + 1] < 0x200000
          ? m[at] + m[at + 1] * 0x100000000
          : Array.prototype.join.call(m.subarray(at, at + W), ',');
    let c = memo.get(key);
    if (c === undefined) memo.set(key, (c = coverageOf(p, pp, m, at)));
    return c;
  };

  // The best `limit` pages, best first (higher tier, then score, then document order), kept as they come.
  const topD = new Int32Array(limit);
  const topTier = new Float64Array(limit);
  const topScore = new Float64Array(limit);
  let nTop = 0;
  for (let k = 0; k < nTouched; k++) {
    const d = touched[k];
    const placed = p.tiers.get(d);
    const coverage = cover(mask, d);
    if (coverage === 0 && !placed) continue;
    const doc = loaded.docs[d];
    const titleCoverage = cover(titleMask, d);
    let v = score[d] * coverage * coverage * (1 + RANK.title * titleCoverage);
    if (p.question === 'howto' && doc.type === 'playbook') v *= RANK.howtoPlaybook;
    if (p.question === 'define' && doc.type === 'glossary') v *= RANK.defineGlossary;
    if (doc.en) v *= RANK.untranslated;
    if (!(v > 0 || placed)) continue;
    // Every word of the query (its own words, not synonyms) in the title: above pages that only mention them.
    const tier = placed?.tier ?? (titleCoverage === 1 && (p.parts.length > 1 || p.parts[0].kind === 'ja') ? 1 : 0);
    if (nTop === limit && !ranksBefore(tier, v, d, topTier[nTop - 1], topScore[nTop - 1], topD[nTop - 1])) continue;
    let i = nTop < limit ? nTop++ : nTop - 1;
    for (; i > 0 && ranksBefore(tier, v, d, topTier[i - 1], topScore[i - 1], topD[i - 1]); i--) {
      topD[i] = topD[i - 1];
      topTier[i] = topTier[i - 1];
      topScore[i] = topScore[i - 1];
    }
    topD[i] = d;
    topTier[i] = tier;
    topScore[i] = v;
  }

  const results: SearchResult[] = [];
  for (let i = 0; i < nTop; i++) {
    const d = topD[i];
    const e = explain(p, pp, mask, d * W);
    const result: SearchResult = { doc: loaded.docs[d], score: topScore[i], matched: e.matched };
    const reason = reasonOf(p, e, p.tiers.get(d)?.reason);
    if (reason) result.reason = reason;
    results.push(result);
  }
  // Leave the buffers clean for the next query.
  for (let k = 0; k < nTouched; k++) {
    const d = touched[k];
    score[d] = 0;
    seen[d] = 0;
    mask.fill(0, d * W, d * W + W);
    titleMask.fill(0, d * W, d * W + W);
  }
  return results;
}
