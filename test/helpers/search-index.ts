/**
 * Search indexes for tests: small ones made for one ranking rule (pages and glossary terms written
 * inline), and the real content's index per language, built once per test file.
 */
import type { Locale } from '../../src/i18n/locales.ts';
import type { SearchDoc } from '../../src/lib/search/documents.ts';
import { buildIndex } from '../../src/lib/search/index-build.ts';
import { loadIndex, type LoadedIndex } from '../../src/lib/search/load.ts';
import { search } from '../../src/lib/search/rank.ts';
import type { SearchSynonyms } from '../../src/schemas/search.ts';
import { realIndexes } from '../../scripts/search-quality.ts';

/** A page `<type>:<id>` with a title and a body. */
export const page = (id: string, title: string, body = '', extra: Partial<SearchDoc> = {}): SearchDoc => {
  const type = id.split(':')[0] as SearchDoc['type'];
  return {
    id,
    type,
    path: `/${id.replace(':', '/')}/`,
    title,
    text: body.slice(0, 100),
    terms: [],
    summary: '',
    body,
    ...extra,
  };
};

/** A glossary term with its other names (synonyms of each other, as the glossary makes them). */
export const term = (id: string, title: string, names: string[], summary: string): SearchDoc => ({
  ...page(`glossary:${id}`, title),
  terms: [title, ...names],
  summary,
  synonyms: [title, ...names].map((n) => n.toLowerCase()),
});

/** The loaded index of some documents, through JSON as the browser gets it. */
export const makeIndex = (docs: SearchDoc[], lang: Locale = 'en', synonyms: SearchSynonyms[] = []): LoadedIndex =>
  loadIndex(JSON.stringify(buildIndex(docs, lang, { synonyms })));

/** Ids of the results, best first. */
export const ids = (idx: LoadedIndex, q: string, limit = 10): string[] =>
  search(idx, q, { limit }).map((r) => r.doc.id);

/** `n` numbered sentences of the same words (a long page that repeats them). */
export const filler = (n: number, words: string): string =>
  Array.from({ length: n }, (_, i) => `Step ${i}: ${words}.`).join(' ');

let real: Record<Locale, LoadedIndex> | undefined;
/** The real content's indexes (en, ja), built on first use and shared by the tests of a file. */
export function realSearchIndexes(): Record<Locale, LoadedIndex> {
  real ??= realIndexes();
  return real;
}
