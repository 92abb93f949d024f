/**
 * Builds the serialisable search index of one language: a lunr index plus a compact document
 * store and the glossary synonym groups. Pure; runs at build time, and in tests.
 *
 * Size matters (the browser downloads the file): document refs are array positions, field names are
 * one letter, the body is indexed once, only `text` is stored for snippets, and the lunr index is
 * packed (see PackedLunrIndex) unless lunr's own JSON is asked for.
 */
import type lunr from 'lunr';
import type { Locale } from '../../i18n/locales.ts';
import type { SearchDoc } from './documents.ts';
import { enJaPlugin, getLunr, lunrTokenizer } from './lunr-setup.ts';
import { PostingsReader, DIGITS } from './packed.ts';
import {
  isPackedIndex,
  SEARCH_INDEX_VERSION,
  type CompactDoc,
  type LunrIndexJson,
  type PackedLunrIndex,
  type SerializedSearchIndex,
} from './index-format.ts';
import { contentSynonymGroups, intentsOf, nameKey, type SynonymGroup } from './synonyms.ts';
import type { SearchSynonyms } from '../../schemas/search.ts';
import { fnv1a32 } from '../hash.ts';

/** Indexed fields: one-letter names (they repeat in every posting) and boosts. */
export const FIELDS = [
  { name: 't', boost: 10, of: (d: SearchDoc) => d.title },
  { name: 'k', boost: 8, of: (d: SearchDoc) => d.terms.join(' ; ') },
  { name: 's', boost: 4, of: (d: SearchDoc) => d.summary },
  { name: 'b', boost: 1, of: (d: SearchDoc) => d.body },
] as const;

/**
 * The lunr index itself. English: lunr's English stop words and stemmer. Japanese:
 * lunr.multiLanguage('en', 'ja') (English and Japanese stop words and stemmers).
 * Both use the project tokenizer (Latin words + TinySegmenter for Japanese runs), never lunr.multi's
 * own, which keeps whole unspaced Japanese sentences as extra tokens.
 */
export function createLunrIndex(docs: SearchDoc[], lang: Locale): lunr.Index {
  return build(docs, lang).index;
}

/** lunr.Builder internals read for packing (lunr 2.3.x). */
interface BuilderState {
  fieldTermFrequencies: Record<string, Record<string, number>>;
  fieldLengths: Record<string, number>;
  _k1: number;
  _b: number;
}

function build(docs: SearchDoc[], lang: Locale): { index: lunr.Index; builder: lunr.Builder & BuilderState } {
  const l = getLunr();
  const builder = new l.Builder() as lunr.Builder & BuilderState;
  if (lang === 'ja') builder.use(enJaPlugin());
  else {
    // lunr's English default without lunr.trimmer: tokens are already clean, and its ASCII-only \W
    // trim would empty the Japanese glossary names the English index also carries.
    builder.pipeline.add(l.stopWordFilter, l.stemmer);
    builder.searchPipeline.add(l.stemmer);
  }
  builder.tokenizer = lunrTokenizer as unknown as typeof l.tokenizer;
  builder.ref('r');
  for (const f of FIELDS) builder.field(f.name, { boost: f.boost });
  docs.forEach((d, i) => {
    const row: Record<string, string> = { r: String(i) };
    for (const f of FIELDS) row[f.name] = f.of(d);
    builder.add(row);
  });
  return { index: builder.build(), builder };
}

/** Non-negative integer → base-64 varint (5 bits a character, low bits first; 32+ means "more"). */
function varint(n: number): string {
  let s = '';
  let v = n;
  while (v >= 32) {
    s += DIGITS[32 + (v % 32)];
    v = Math.floor(v / 32);
  }
  return s + DIGITS[v];
}

function pack(index: lunr.Index, builder: lunr.Builder & BuilderState, nDocs: number): PackedLunrIndex {
  const l = getLunr();
  const json = index.toJSON() as unknown as LunrIndexJson;
  const terms = json.invertedIndex.map(([t]) => t);
  const postings = json.invertedIndex
    .map(([term, posting]) =>
      FIELDS.map((f) => {
        const docs = Object.keys(posting[f.name] as Record<string, unknown>)
          .map(Number)
          .sort((a, b) => a - b);
        let prev = 0;
        let out = '';
        for (const d of docs) {
          const count = builder.fieldTermFrequencies[`${f.name}/${d}`]?.[term] ?? 1;
          out += varint((d - prev) * 2 + (count > 1 ? 1 : 0)) + (count > 1 ? varint(count) : '');
          prev = d;
        }
        return out;
      }).join(','),
    )
    .join(';');
  const lengths = FIELDS.map((f) => {
    let out = '';
    for (let d = 0; d < nDocs; d++) out += varint(builder.fieldLengths[`${f.name}/${d}`] ?? 0);
    return out;
  });
  return {
    format: 'lunr-packed-1',
    lunrVersion: l.version,
    fields: FIELDS.map((f) => f.name),
    boosts: FIELDS.map((f) => f.boost),
    pipeline: json.pipeline,
    k1: builder._k1,
    b: builder._b,
    docCount: nDocs,
    terms,
    lengths,
    postings,
  };
}

/**
 * Packed index → lunr.Index#toJSON() form, ready for lunr.Index.load (plain lunr JSON passes through).
 * The browser never needs this (rank.ts reads the postings directly); tests use it to prove that the
 * packed form holds exactly what lunr built.
 */
export function expandIndex(packed: PackedLunrIndex | LunrIndexJson): LunrIndexJson {
  if (!isPackedIndex(packed)) return packed;
  const { fields, terms, docCount: nDocs } = packed;
  const reader = new PostingsReader(packed);
  const vectors = fields.map(() => Array.from({ length: nDocs }, () => [] as number[]));
  const invertedIndex: [string, Record<string, unknown>][] = terms.map((term, n) => {
    const posting: Record<string, unknown> = { _index: n };
    const refs = fields.map(() => ({}) as Record<string, object>);
    const p = reader.get(n);
    for (let i = 0; i < p.doc.length; i++) {
      refs[p.field[i]][String(p.doc[i])] = {};
      vectors[p.field[i]][p.doc[i]].push(n, Math.round(p.weight[i] * 1000) / 1000);
    }
    fields.forEach((f, fi) => (posting[f] = refs[fi]));
    return [term, posting];
  });
  const fieldVectors: [string, number[]][] = [];
  for (let doc = 0; doc < nDocs; doc++) fields.forEach((f, fi) => fieldVectors.push([`${f}/${doc}`, vectors[fi][doc]]));
  return { version: packed.lunrVersion, fields, fieldVectors, invertedIndex, pipeline: packed.pipeline };
}

/** Synonym groups carried by the glossary documents. */
export function synonymGroupsOf(docs: SearchDoc[]): SynonymGroup[] {
  return docs.filter((d) => d.synonyms && d.synonyms.length > 1).map((d) => d.synonyms!);
}

export function compactDocs(docs: SearchDoc[]): CompactDoc[] {
  return docs.map((d) => {
    const c: CompactDoc = { id: d.id, type: d.type, path: d.path, title: d.title, text: d.text };
    // A glossary term's names and aliases name the page (stage names only name a part of a journey).
    const names = d.type === 'glossary' ? [...new Set(d.terms.map(nameKey).filter((n) => n !== ''))] : [];
    if (names.length) c.names = names;
    if (d.untranslated) c.en = 1;
    return c;
  });
}

export interface BuildIndexOptions {
  /** "packed" (default, about 4× smaller gzipped; the only form loadIndex reads) or lunr's own "lunr" JSON, for comparison. */
  format?: 'packed' | 'lunr';
  /** content/search files: synonym groups and intent phrases. */
  synonyms?: SearchSynonyms[];
}

/** The serialisable index of one language (write it with JSON.stringify). */
export function buildIndex(docs: SearchDoc[], lang: Locale, options: BuildIndexOptions = {}): SerializedSearchIndex {
  const { index, builder } = build(docs, lang);
  return {
    version: SEARCH_INDEX_VERSION,
    lang,
    index: options.format === 'lunr' ? (index.toJSON() as unknown as LunrIndexJson) : pack(index, builder, docs.length),
    docs: compactDocs(docs),
    synonyms: [...synonymGroupsOf(docs), ...contentSynonymGroups(options.synonyms ?? [])],
    intents: intentsOf(
      options.synonyms ?? [],
      docs.map((d) => d.id),
    ),
  };
}

/** 8 hex digits of the shared hash (src/lib/hash.ts) of a string. Same result in Node and browsers. */
export function hash8(text: string): string {
  return fnv1a32(text);
}

/** Content-hashed file name, e.g. "search-ja.3f9a0c12.json". Pass the exact JSON text you write. */
export function indexFileName(lang: Locale, json: string | SerializedSearchIndex): string {
  const text = typeof json === 'string' ? json : JSON.stringify(json);
  return `search-${lang}.${hash8(text)}.json`;
}
