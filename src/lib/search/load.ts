/**
 * A serialised search index made ready for queries, in the browser or in Node. The postings are
 * read straight from the packed lunr index (packed.ts), without building a lunr.Index: queries are
 * evaluated against them by rank.ts. lunr supplies the query-side pipeline (the same stemmers the
 * index was built with).
 */
import type { Locale } from '../../i18n/locales.ts';
import { isPackedIndex, SEARCH_INDEX_VERSION, type CompactDoc, type SerializedSearchIndex } from './index-format.ts';
import { isJapaneseWord } from './text.ts';
import { PostingsReader } from './packed.ts';
import { nameKey, type Intent, type SynonymGroup } from './synonyms.ts';

/** Search pipelines the query side reproduces (text.ts stemWord): lunr's stemmer, and lunr.ja's, which changes nothing. */
export const QUERY_PIPELINE = ['stemmer', 'stemmer-jp'];

export interface LoadedIndex {
  lang: Locale;
  docs: CompactDoc[];
  synonyms: SynonymGroup[];
  intents: Intent[];
  /** The vocabulary, sorted (a term's number is its position). */
  terms: string[];
  termIds: Map<string, number>;
  postings: PostingsReader;
  /** Number of the title field. */
  titleField: number;
  /** Exact names (titles, glossary names, stage names; normalised) → documents. */
  names: Map<string, number[]>;
  /** Term numbers of the Japanese words, and the longest one's length. */
  jaTerms: number[];
  maxJa: number;
}

/** The names of a title: the whole, and apart "Name (ABBR)" → "name abbr", "name", "abbr". */
export function titleNames(title: string): string[] {
  const out = [nameKey(title)];
  const m = /^(.*?)[(（]([^()（）]+)[)）]\s*$/.exec(title);
  if (m) out.push(nameKey(m[1]), nameKey(m[2]));
  return [...new Set(out.filter((n) => n !== ''))];
}

/** Load a serialised index (object or JSON text). Throws with a plain message when it is not one. */
export function loadIndex(json: SerializedSearchIndex | string): LoadedIndex {
  const data: SerializedSearchIndex = typeof json === 'string' ? JSON.parse(json) : json;
  if (!data || typeof data !== 'object' || !Array.isArray(data.docs))
    throw new Error('not a search index: expected { index, docs }');
  if (data.version !== SEARCH_INDEX_VERSION)
    throw new Error(
      `search index version ${String(data.version)} is not supported (expected ${SEARCH_INDEX_VERSION}): rebuild the site`,
    );
  if (!isPackedIndex(data.index)) throw new Error('search index is not packed: build it with buildIndex()');
  const packed = data.index;
  if (packed.docCount !== data.docs.length)
    throw new Error('search index is inconsistent: documents and postings differ');
  const unknown = packed.pipeline.filter((f) => !QUERY_PIPELINE.includes(f));
  if (unknown.length)
    throw new Error(`search index needs query functions this code does not have: ${unknown.join(', ')}`);
  const names = new Map<string, number[]>();
  data.docs.forEach((d, i) => {
    for (const n of new Set([...titleNames(d.title), ...(d.names ?? [])])) {
      const list = names.get(n);
      if (list) list.push(i);
      else names.set(n, [i]);
    }
  });
  const jaTerms: number[] = [];
  let maxJa = 1;
  packed.terms.forEach((t, i) => {
    if (isJapaneseWord(t)) {
      jaTerms.push(i);
      maxJa = Math.max(maxJa, t.length);
    }
  });
  return {
    lang: data.lang,
    docs: data.docs,
    synonyms: data.synonyms ?? [],
    intents: data.intents ?? [],
    terms: packed.terms,
    termIds: new Map(packed.terms.map((t, i) => [t, i])),
    postings: new PostingsReader(packed),
    titleField: Math.max(0, packed.fields.indexOf('t')),
    names,
    jaTerms,
    maxJa,
  };
}
