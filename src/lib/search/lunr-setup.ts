/**
 * lunr with the lunr-languages Japanese support registered, once per lunr instance.
 * Pure module: the same code runs at build time (Node) and in the browser.
 *
 * Load order matters: stemmer support → tinyseg → ja → multi. The files are
 * CommonJS factories, called with lunr. Of lunr.stemmer.support.js, Japanese and the en+ja
 * combination use only its trimmer factory; the rest (the Snowball stemmer base of other languages)
 * is 5 KB the browser would download for nothing, so trimmerSupport() below provides that factory.
 *
 * Also the text analysis the index, the query parser and the synonyms share (normaliseText,
 * splitUnits, tokenize): both sides must cut words the same way or nothing matches.
 */
import lunr from 'lunr';
import tinyseg from 'lunr-languages/tinyseg.js';
import ja from 'lunr-languages/lunr.ja.js';
import multi from 'lunr-languages/lunr.multi.js';

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
  segmenter: Segmenter;
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
  const t = l as { stemmerSupport?: object; trimmerSupport?: { generateTrimmer(w: string): (token: TokenLike) => unknown } };
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
    reg = { segmenter: new l.TinySegmenter(), enJa: l.multiLanguage('en', 'ja') };
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

/** Split Japanese text into words with TinySegmenter (empty and whitespace-only pieces dropped). */
export function segmentJa(text: string): string[] {
  if (!text) return [];
  return registration()
    .segmenter.segment(text)
    .filter((s) => s.trim() !== '');
}

/* ------------------------------------------------------------------------------------------------
 * Text analysis shared by the index builder, the query parser and the synonyms: both sides must cut
 * words the same way or nothing matches.
 * ---------------------------------------------------------------------------------------------- */

/** Characters of a Japanese word: the same set lunr.ja's trimmer keeps (kanji, kana, ー, 々〆ヵヶ). */
const JA_CHARS = '\u4e00-\u9fa0\u3005\u3006\u30f5\u30f6\u3041-\u3093\u30a1-\u30f4\u30fc';
const UNIT_RE = new RegExp(`[a-z0-9]+|[${JA_CHARS}]+`, 'g');
const JA_RE = new RegExp(`^[${JA_CHARS}]+$`);

/**
 * Lower-case, NFKC-like width folding (ＮＰＳ → nps, ｶﾅ → カナ) and Latin accent folding (é → e).
 * Japanese voiced marks survive: only the Latin combining range is dropped.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/g, '');
}

export function isJapaneseWord(s: string): boolean {
  return JA_RE.test(s);
}

/** A piece of text between separators: a Latin/digit word, or an unspaced run of Japanese. */
export interface TextUnit {
  kind: 'latin' | 'ja';
  text: string;
}

/** Normalise and cut text into Latin words and Japanese runs (everything else separates). */
export function splitUnits(text: string): TextUnit[] {
  const out: TextUnit[] = [];
  if (!text) return out;
  for (const m of normaliseText(text).matchAll(UNIT_RE)) {
    const t = m[0];
    out.push({ kind: /^[a-z0-9]/.test(t) ? 'latin' : 'ja', text: t });
  }
  return out;
}

/** Latin words of one letter carry no meaning for search ("a", the "s" of "it's"): drop them. */
export function keepLatin(word: string): boolean {
  return word.length > 1 || /[0-9]/.test(word);
}

/** Words as the index sees them: Latin words as they are, Japanese runs segmented by TinySegmenter. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const u of splitUnits(text)) {
    if (u.kind === 'latin') {
      if (keepLatin(u.text)) out.push(u.text);
    } else out.push(...segmentJa(u.text));
  }
  return out;
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
