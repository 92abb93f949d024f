/**
 * The little of lunr that lunr's own stemmer and stop-word files (lunr/lib/stemmer.js,
 * lunr/lib/stop_word_filter.js) need when loaded without the rest of lunr: they are plain scripts
 * that add to a global `lunr`. Imported by lunr-parts.ts before them. When a full lunr is already
 * global, they add to it as they would anyway.
 */
type Fn = (token: Token) => Token | undefined;

/** A token as the two files use it (lunr.Token's toString and update). */
export class Token {
  str: string;
  constructor(str: string) {
    this.str = str;
  }
  toString(): string {
    return this.str;
  }
  update(fn: (s: string) => string): Token {
    this.str = fn(this.str);
    return this;
  }
}

export interface LunrParts {
  stemmer: Fn;
  stopWordFilter: Fn;
}

const g = globalThis as { lunr?: object };
g.lunr ??= { Token, Pipeline: { registerFunction() {} } };
export const lunrGlobal = g.lunr as LunrParts;
