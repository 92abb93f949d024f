/**
 * Reading the packed lunr index (see PackedLunrIndex in index-build.ts): base-64 varints, and the
 * per-term postings with lunr's own BM25 field weights. Pure, no lunr: the browser's search
 * evaluates queries directly against these postings (rank.ts), and index-build.ts's expandIndex
 * turns them back into lunr's JSON to prove the packing lossless.
 */

export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/** Base-64 varints (5 bits a character, low bits first; a digit of 32+ means "more follows"). */
export function readVarints(s: string): number[] {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = c < 128 ? DIGIT_VALUE[c] : -1;
    if (d < 0) throw new Error(`bad character "${s[i]}" in packed search index`);
    if (d >= 32) {
      value += (d - 32) * scale;
      scale *= 32;
    } else {
      out.push(value + d * scale);
      value = 0;
      scale = 1;
    }
  }
  return out;
}

/** What the reader needs of a packed index. */
export interface PackedParts {
  boosts: number[];
  k1: number;
  b: number;
  docCount: number;
  terms: string[];
  lengths: string[];
  postings: string;
}

/** One term's postings: parallel arrays, one entry per (document, field) having the term. */
export interface Postings {
  doc: Uint32Array;
  field: Uint8Array;
  tf: Uint16Array;
  /** lunr's field weight: BM25 (k1, b, idf as lunr.idf) × the field's boost. */
  weight: Float64Array;
}

/** Lazily decoded postings of a packed index; each term is decoded once, on first use. */
export class PostingsReader {
  readonly docCount: number;
  readonly fieldCount: number;
  /** Per field and document: the field's length (terms after the pipeline). */
  readonly lengths: number[][];
  private readonly avg: number[];
  private readonly perTerm: string[];
  private readonly decoded: (Postings | undefined)[];
  private readonly parts: PackedParts;

  constructor(parts: PackedParts) {
    this.parts = parts;
    this.docCount = parts.docCount;
    this.fieldCount = parts.boosts.length;
    this.lengths = parts.lengths.map(readVarints);
    this.perTerm = parts.postings === '' ? [] : parts.postings.split(';');
    if (this.perTerm.length !== parts.terms.length || this.lengths.length !== this.fieldCount || this.lengths.some((x) => x.length !== parts.docCount))
      throw new Error('packed search index is inconsistent');
    this.avg = this.lengths.map((ls) => ls.reduce((s, x) => s + x, 0) / (ls.length || 1));
    this.decoded = new Array(parts.terms.length);
  }

  /** Postings of term number n (its position in the sorted vocabulary). */
  get(n: number): Postings {
    let p = this.decoded[n];
    if (p) return p;
    const { k1, b, boosts } = this.parts;
    const docs: number[] = [];
    const fields: number[] = [];
    const tfs: number[] = [];
    this.perTerm[n].split(',').forEach((list, fi) => {
      const v = readVarints(list);
      let doc = 0;
      for (let i = 0; i < v.length; i++) {
        doc += Math.floor(v[i] / 2);
        const tf = v[i] % 2 ? v[++i] : 1;
        if (doc >= this.docCount || fi >= this.fieldCount) throw new Error('packed search index is inconsistent');
        docs.push(doc);
        fields.push(fi);
        tfs.push(tf);
      }
    });
    // lunr.idf: a document counts once per field it has the term in.
    const df = docs.length;
    const x = (this.docCount - df + 0.5) / (df + 0.5);
    const idf = Math.log(1 + Math.abs(x));
    const weight = new Float64Array(df);
    for (let i = 0; i < df; i++) {
      const fi = fields[i];
      const tf = tfs[i];
      // lunr.Builder#createFieldVectors, operation for operation.
      let score = (idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (this.lengths[fi][docs[i]] / this.avg[fi])) + tf);
      score *= boosts[fi] || 1;
      weight[i] = score;
    }
    p = { doc: Uint32Array.from(docs), field: Uint8Array.from(fields), tf: Uint16Array.from(tfs), weight };
    this.decoded[n] = p;
    return p;
  }
}
