import { dictionaries } from './ui.ts';
import { translator, type Dict } from './translator.ts';
import type { Locale } from './locales.ts';

export * from './locales.ts';
export type { UIKey } from './ui.ts';
export type { Dict, Translate } from './translator.ts';

/** Translator for one language; `{name}` placeholders are replaced from `vars`. */
export function useTranslations(lang: Locale) {
  return translator(dictionaries[lang]);
}

/**
 * The dictionary of one language to hand to an island as a prop; with `prefixes`, only the keys the
 * island uses (the strings travel in the page's HTML).
 */
export function dictionary(lang: Locale, prefixes?: string[]): Dict {
  const all = dictionaries[lang];
  if (!prefixes) return all;
  return Object.fromEntries(Object.entries(all).filter(([k]) => prefixes.some((p) => k.startsWith(p)))) as Dict;
}
