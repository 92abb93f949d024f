/**
 * Reading the packed lunr index (see PackedLunrIndex in index-format.ts): base-64 varints, and the
 * per-term postings with lunr's own BM25 field weights. Pure, no lunr: the browser's search
 * evaluates queries directly against these postings (rank.ts), and index-build.ts's expandIndex
 * turns them back into lunr's JSON to prove the packing lossless.
 */
import type { PackedLunrIndex } from './index-format.ts';

export const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/** The value of the digit at s[i]; throws on a character that is not one. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const d = c < 128 ? DIGIT_VALUE[c] : -1;
  if (d < 0) throw new Error(`bad character "${s[i]}" in packed search index`);
  return d;
}

/** Base-64 varints (5 bits a character, low bits first; a digit of 32+ means "more follows"). */
export function readVarints(s: string): number[] {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < s.length; i++) {
    const d = digitAt(s, i);
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
export type PackedParts = Pick<PackedLunrIndex, 'boosts' | 'k1' | 'b' | 'docCount' | 'terms' | 'lengths' | 'postings'>;

/** One term's postings: parallel arrays, one entry per (document, field) having the term. */
export interface Postings {
  doc: Uint32Array;
  field: Uint8Array;
  tf: Uint16Array;
  /** lunr's field weight: BM25 (k1, b, idf as lunr.idf) × the field's boost. */
  weight: Float64Array;
}

let scratch = { doc: new Uint32Array(1024), field: new Uint8Array(1024), tf: new Uint16Array(1024) };

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
    if (
      this.perTerm.length !== parts.terms.length ||
      this.lengths.length !== this.fieldCount ||
      this.lengths.some((x) => x.length !== parts.docCount)
    )
      throw new Error('packed search index is inconsistent');
    this.avg = this.lengths.map((ls) => ls.reduce((s, x) => s + x, 0) / (ls.length || 1));
    this.decoded = new Array(parts.terms.length);
  }

  /** Postings of term number n (its position in the sorted vocabulary). */
  get(n: number): Postings {
    let p = this.decoded[n];
    if (p) return p;
    const { k1, b, boosts } = this.parts;
    // One pass over the term's string: "," moves to the next field; varints are (gap × 2 + has-count),
    // then the count when it is above 1. At most one posting per character.
    const src = this.perTerm[n];
    // Decoded into buffers shared by every term (at most one posting per character), then copied out at their size.
    if (scratch.doc.length < src.length)
      scratch = {
        doc: new Uint32Array(src.length * 2),
        field: new Uint8Array(src.length * 2),
        tf: new Uint16Array(src.length * 2),
      };
    const { doc, field, tf } = scratch;
    let count = 0;
    let fi = 0;
    let d = 0;
    let value = 0;
    let scale = 1;
    let wantCount = false;
    for (let i = 0; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 44 /* , */) {
        if (scale !== 1 || wantCount) throw new Error('packed search index is inconsistent');
        fi++;
        d = 0;
        continue;
      }
      const v = digitAt(src, i);
      if (v >= 32) {
        value += (v - 32) * scale;
        scale *= 32;
        continue;
      }
      const x = value + v * scale;
      value = 0;
      scale = 1;
      if (wantCount) {
        tf[count - 1] = x;
        wantCount = false;
        continue;
      }
      d += Math.floor(x / 2);
      if (d >= this.docCount || fi >= this.fieldCount) throw new Error('packed search index is inconsistent');
      doc[count] = d;
      field[count] = fi;
      tf[count] = 1;
      count++;
      wantCount = x % 2 === 1;
    }
    if (wantCount || scale !== 1) throw new Error('packed search index is inconsistent');
    // lunr.idf: a document counts once per field it has the term in.
    const x = (this.docCount - count + 0.5) / (count + 0.5);
    const idf = Math.log(1 + Math.abs(x));
    const weight = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const f = field[i];
      // lunr.Builder#createFieldVectors, operation for operation.
      let score = (idf * ((k1 + 1) * tf[i])) / (k1 * (1 - b + b * (this.lengths[f][doc[i]] / this.avg[f])) + tf[i]);
      score *= boosts[f] || 1;
      weight[i] = score;
    }
    p = { doc: doc.slice(0, count), field: field.slice(0, count), tf: tf.slice(0, count), weight };
    this.decoded[n] = p;
    return p;
  }
}
