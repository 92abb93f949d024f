/**
 * The shape of a serialised search index (what the build writes and the browser reads). No code
 * but a type guard, so the query side can import it without the index builder.
 */
import type { Locale } from '../../i18n/locales.ts';
import type { SearchTargetType } from '../../schemas/search.ts';
import type { Intent, SynonymGroup } from './synonyms.ts';

/** What the browser needs to show a result. */
export interface CompactDoc {
  id: string;
  type: SearchTargetType;
  path: string;
  title: string;
  text: string;
  /** Glossary terms: their other names, normalised (term in both languages, abbreviation, aliases): an exact match ranks first. */
  names?: string[];
  /** 1 when the page is shown in English on a Japanese site (no translation yet). */
  en?: 1;
}

export const SEARCH_INDEX_VERSION = 2;

export interface SerializedSearchIndex {
  version: typeof SEARCH_INDEX_VERSION;
  lang: Locale;
  /** The lunr index (packed, or lunr.Index#toJSON()); document refs are positions in `docs`. */
  index: PackedLunrIndex | LunrIndexJson;
  docs: CompactDoc[];
  /** Groups of equivalent words: the glossary's names, then content/search's groups. */
  synonyms: SynonymGroup[];
  /** content/search's intent phrases, with the pages (positions in `docs`) that answer them, best first. */
  intents: Intent[];
}

/**
 * lunr's own JSON spends most of its bytes on repeated field names, empty objects and 3-decimal
 * scores that follow from term counts. The packed form keeps only what lunr computes them from:
 * the sorted vocabulary, each field's length per document, and per term and field the documents
 * (as gaps) with the term's count. Numbers are written as base-64 varints in plain strings.
 * `expandIndex` recomputes exactly the scores lunr's builder computes (same formula, same order of
 * floating-point operations, same rounding), so search results are identical; the file is about
 * 4× smaller gzipped than lunr's JSON.
 */
export interface PackedLunrIndex {
  format: 'lunr-packed-1';
  lunrVersion: string;
  fields: string[];
  boosts: number[];
  /** Labels of the search pipeline (registered functions). */
  pipeline: string[];
  k1: number;
  b: number;
  docCount: number;
  /** Vocabulary, sorted (lunr needs sorted terms to build its token set). */
  terms: string[];
  /** Per field: the field's length (terms after the pipeline) in each document, as varints. */
  lengths: string[];
  /**
   * Per term (";" between terms), per field ("," between fields): for each document having the
   * term in that field, varint(gap from the previous document × 2 + 1 if the count is above 1),
   * then varint(count) when above 1.
   */
  postings: string;
}

/** Plain lunr.Index#toJSON() shape. */
export interface LunrIndexJson {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown>][];
  pipeline: string[];
}

export function isPackedIndex(x: unknown): x is PackedLunrIndex {
  return !!x && typeof x === 'object' && (x as { format?: unknown }).format === 'lunr-packed-1';
}
