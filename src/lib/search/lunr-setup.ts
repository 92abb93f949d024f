/**
 * lunr with the lunr-languages Japanese support registered, once per lunr instance.
 * Pure module: the same code runs at build time (Node) and in the browser.
 *
 * Load order matters: stemmer support → tinyseg → ja → multi. The files are
 * CommonJS factories, called with lunr. Of lunr.stemmer.support.js, Japanese and the en+ja
 * combination use only its trimmer factory; the rest (the Snowball stemmer base of other languages)
 * is 5 KB the browser would download for nothing, so trimmerSupport() below provides that factory.
 *
 * Build side only: the browser's search needs none of lunr-languages (see text.ts), so this module
 * is imported by the index builder, never by the query code.
 */
import lunr from 'lunr';
import tinyseg from 'lunr-languages/tinyseg.js';
import ja from 'lunr-languages/lunr.ja.js';
import multi from 'lunr-languages/lunr.multi.js';
import { tokenize } from './text.ts';

export { isJapaneseWord, keepLatin, normaliseText, segmentJa, splitUnits, tokenize, type TextUnit } from './text.ts';

interface Segmenter {
  segment(text: string): string[];
}

/** What lunr-languages adds to lunr (its bundled typings do not reach the imported module type). */
export interface LunrLanguageParts {
  multiLanguage(...languages: string[]): lunr.Builder.Plugin;
  TinySegmenter: new () => Segmenter;
  ja: {
    stopWordFilter: lunr.PipelineFunction;
    stemmer: lunr.PipelineFunction;
    trimmer: lunr.PipelineFunction;
    wordCharacters: string;
  };
}

export type LunrWithLanguages = typeof lunr & LunrLanguageParts;

/** Marker on the lunr object, so two copies of this module never register twice on one lunr. */
const REGISTERED = Symbol.for('banso.search.lunr-languages');

interface Registered {
  /** lunr.multiLanguage('en', 'ja'): calling it again would re-register its pipeline functions. */
  enJa: lunr.Builder.Plugin;
}

type TokenLike = { update(fn: (s: string) => string): unknown };

/**
 * What lunr.ja and lunr.multi need of lunr.stemmer.support.js: `lunr.stemmerSupport` present, and
 * `lunr.trimmerSupport.generateTrimmer(wordCharacters)`, a pipeline function that strips characters
 * outside wordCharacters (and the digits 0-9, as lunr's own trimmer keeps them) from both ends of a
 * token. test/unit/search.test.ts checks it against the library's own on mixed text.
 */
export function trimmerSupport(l: object): void {
  const t = l as {
    stemmerSupport?: object;
    trimmerSupport?: { generateTrimmer(w: string): (token: TokenLike) => unknown };
  };
  t.stemmerSupport ??= {};
  t.trimmerSupport ??= {
    generateTrimmer(wordCharacters: string) {
      const keep = `${wordCharacters}0-9`;
      const head = new RegExp(`^[^${keep}]+`);
      const tail = new RegExp(`[^${keep}]+$`);
      return (token: TokenLike) => token.update((s) => s.replace(head, '').replace(tail, ''));
    },
  };
}

function registration(): Registered {
  const l = lunr as LunrWithLanguages & { [REGISTERED]?: Registered };
  let reg = l[REGISTERED];
  if (!reg) {
    if (typeof l.multiLanguage !== 'function') {
      trimmerSupport(l);
      tinyseg(l);
      ja(l);
      multi(l);
    }
    reg = { enJa: l.multiLanguage('en', 'ja') };
    Object.defineProperty(l, REGISTERED, { value: reg, enumerable: false });
  }
  return reg;
}

/** lunr with stemmer support, TinySegmenter, Japanese and multi-language registered. */
export function getLunr(): LunrWithLanguages {
  registration();
  return lunr as LunrWithLanguages;
}

/** The lunr.multiLanguage('en', 'ja') builder plugin (created once). */
export function enJaPlugin(): lunr.Builder.Plugin {
  return registration().enJa;
}

/** True for English and Japanese stop words (dropped from the index, so useless in a query). */
export function isStopWord(word: string): boolean {
  const l = getLunr();
  const tok = new l.Token(word, {});
  return l.stopWordFilter(tok) === undefined || l.ja.stopWordFilter(tok, 0, [tok]) === undefined;
}

/** A lunr (2.x) tokenizer that cuts text exactly like `tokenize`. */
export function lunrTokenizer(obj?: unknown): lunr.Token[] {
  const l = getLunr();
  if (obj === null || obj === undefined) return [];
  const text = Array.isArray(obj) ? obj.map((x) => String(x)).join(' \n ') : String(obj);
  return tokenize(text).map((t, i) => new l.Token(t, { index: i }));
}
