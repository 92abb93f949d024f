/**
 * lunr's English stemmer and stop-word filter, from lunr's own source files, without the rest of
 * lunr (its index, query parser, builder: 6 KB gzipped the browser's first search does not need).
 * test/unit/search.test.ts checks them against the full lunr's pipeline functions.
 */
import { lunrGlobal, Token } from './lunr-global.ts';
import 'lunr/lib/stop_word_filter.js';
import 'lunr/lib/stemmer.js';

/** A word through lunr's English (Porter) stemmer. */
export function porterStem(word: string): string {
  return lunrGlobal.stemmer(new Token(word))!.toString();
}

/** True for a word of lunr's English stop-word list. */
export function isLunrStopWord(word: string): boolean {
  return lunrGlobal.stopWordFilter(new Token(word)) === undefined;
}
