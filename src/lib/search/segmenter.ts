/**
 * A faster equivalent of lunr-languages' TinySegmenter.segment, driven by that library's own model.
 *
 * TinySegmenter decides, in every gap between two UTF-16 code units, whether a word starts there: a
 * score (a bias plus weights looked up by the code units around the gap, their character types and
 * the three previous decisions) above zero means "cut". The library builds a string key for each of
 * its forty-odd weights in every gap, and types every character with up to six regular expressions.
 *
 * Here each code unit is typed once (by the library's own ctype_) and cached with a small integer id;
 * character weights are looked up by integer keys, and all the weights of types and decisions, which
 * take few distinct values, are summed once per distinct combination and cached. The weights are read
 * from a TinySegmenter instance at run time, never copied into this source, and the output is the
 * library's piece for piece (test/unit/search-segmenter.test.ts).
 */

import tinyseg from 'lunr-languages/tinyseg.js';

/** A TinySegmenter instance, as far as this module reads it: its tables (NAME__) and ctype_. */
export interface TinySegmenterModel {
  chartype_: [RegExp, string][];
  ctype_(ch: string): string;
  [table: string]: unknown;
}

/** A new instance of lunr-languages' TinySegmenter (its own segment() included). */
export function newTinySegmenter(): TinySegmenterModel & { segment(text: string): string[] } {
  // tinyseg.js is a factory that puts the class on the object it is given.
  const holder = {} as { TinySegmenter: new () => ReturnType<typeof newTinySegmenter> };
  (tinyseg as unknown as (x: object) => void)(holder);
  return new holder.TinySegmenter();
}

/** Cuts text into words: the same pieces as the model's segment(), in order, nothing dropped. */
export type Segment = (text: string) => string[];

/** The library's markers for the three positions before and the three after the text. */
const MARKERS = ['B3', 'B2', 'B1', 'E1', 'E2', 'E3'];

/** Previous decisions: U (none yet), O (no cut), B (cut). */
const DECISIONS = 'UOB';

/**
 * Weights of decisions and types: table, then the letters its key joins, from the gap's window
 * 0-2 = the three previous decisions, 3-8 = the types of the three code units before the gap and
 * the three after it.
 */
const TYPE_FEATURES =
  'UP1:0 UP2:1 UP3:2 BP1:01 BP2:12 UC1:3 UC2:4 UC3:5 UC4:6 UC5:7 UC6:8 BC1:45 BC2:56 BC3:67 TC1:345 TC2:456 ' +
  'TC3:567 TC4:678 UQ1:03 UQ2:14 UQ3:25 BQ1:145 BQ2:156 BQ3:245 BQ4:256 TQ1:1345 TQ2:1456 TQ3:2345 TQ4:2456';

/** Weights of characters: table, then the window tokens its key joins (0-2 before the gap, 3-5 after). */
const WORD_FEATURES = 'UW1:0 UW2:1 UW3:2 UW4:3 UW5:4 UW6:5 BW1:12 BW2:23 BW3:34 TW1:012 TW2:123 TW3:234 TW4:345';

const features = (spec: string) => spec.split(' ').map((f) => [f.slice(0, 3), [...f.slice(4)].map(Number)] as const);

/**
 * Every way to write key as n window tokens (a marker or one code unit). The library joins tokens
 * into one string, so a key matches each such sequence: "B1あ" is the marker B1 then あ, and would
 * also be the three characters B, 1, あ in a three-token table.
 */
function tokenSplits(key: string, n: number): string[][] {
  if (!n) return key ? [] : [[]];
  const heads = MARKERS.filter((m) => key.startsWith(m));
  if (key) heads.push(key[0]);
  return heads.flatMap((h) => tokenSplits(key.slice(h.length), n - 1).map((rest) => [h, ...rest]));
}

/** Build a segmenter from a TinySegmenter instance's tables. */
export function compileSegmenter(model: TinySegmenterModel): Segment {
  const table = (name: string) => model[`${name}__`] as Record<string, number>;
  const types = [...model.chartype_.map(([, t]) => t), 'O'];
  const T = types.length;

  // Character weights: every token that occurs in a key gets an id from 1 (the rest share 0). Tables
  // of one token become one array (slot * V + id), the others Maps keyed ((a * V) + b) * V + c.
  const ids = new Map<string, number>();
  const words = features(WORD_FEATURES).map(([name, slots]) => {
    const entries = Object.entries(table(name)).flatMap(([key, w]) =>
      tokenSplits(key, slots.length).map(
        (s) => [s.map((t) => ids.get(t) ?? ids.set(t, ids.size + 1).size), w] as const,
      ),
    );
    return [slots, entries] as const;
  });
  const V = ids.size + 1;
  const single = new Int32Array(6 * V);
  for (const [slots, entries] of words)
    if (slots.length === 1) for (const [[id], w] of entries) single[slots[0] * V + id] = w;
  const wordWeights = words
    .filter(([slots]) => slots.length > 1)
    .map(
      ([slots, entries]) => [slots, new Map(entries.map(([s, w]) => [s.reduce((k, id) => k * V + id, 0), w]))] as const,
    );

  // Weights of decisions and types, summed per combination when first met. A combination is the
  // number with the three decisions (base 3) then the six types (base T) as digits.
  const typeWeights = features(TYPE_FEATURES).map(([name, slots]) => [table(name), slots] as const);
  const bias = model.BIAS__ as number;
  const T6 = T ** 6;
  const typeSums = new Map<number, number>();
  const typeSum = (combination: number): number => {
    let sum = typeSums.get(combination);
    if (sum === undefined) {
      const letters: string[] = [];
      for (let i = 8, c = combination; i >= 0; i--) {
        const base = i > 2 ? T : 3;
        letters[i] = (i > 2 ? types : DECISIONS)[c % base];
        c = Math.floor(c / base);
      }
      sum = bias;
      for (const [weights, slots] of typeWeights) sum += weights[slots.map((s) => letters[s]).join('')] || 0;
      typeSums.set(combination, sum);
    }
    return sum;
  };

  // A window token packs the id (high bits) and the type + 1 (low four bits; 0 = not yet typed).
  const pack = (token: string, type: string) => ((ids.get(token) ?? 0) << 4) | (types.indexOf(type) + 1);
  const [B3, B2, B1, E1, E2, E3] = MARKERS.map((m) => pack(m, 'O'));
  const typed = new Int32Array(0x10000);

  return (text: string): string[] => {
    const n = text.length;
    if (!n) return [];
    const x = [B3, B2, B1];
    for (let j = 0; j < n; j++) {
      const u = text.charCodeAt(j);
      if (!typed[u]) typed[u] = pack(text[j], model.ctype_(text[j]));
      x.push(typed[u]);
    }
    x.push(E1, E2, E3);
    const out: string[] = [];
    // The gap before code unit j sees code units j-3 .. j+2, at x[j] .. x[j + 5]: their types, kept as
    // base-T digits, start as those of x[0] .. x[5] and shift by one at each gap, like the decisions.
    let t = x.slice(0, 6).reduce((k, v) => k * T + (v & 15) - 1, 0);
    let q = 0;
    let start = 0;
    for (let j = 1; j < n; j++) {
      t = ((t * T) % T6) + (x[j + 5] & 15) - 1;
      let score = typeSum(q * T6 + t);
      for (let s = 0; s < 6; s++) score += single[s * V + (x[j + s] >> 4)];
      for (const [slots, weights] of wordWeights) {
        let k = 0;
        for (const s of slots) {
          const id = x[j + s] >> 4;
          k = id && k * V + id;
          if (!k) break;
        }
        if (k) score += weights.get(k) ?? 0;
      }
      let cut = 1;
      if (score > 0) {
        out.push(text.slice(start, j));
        start = j;
        cut = 2;
      }
      q = ((q * 3) % 27) + cut;
    }
    out.push(text.slice(start));
    return out;
  };
}
