import { dictionaries } from './ui.ts';
import { translator } from './translator.ts';
import type { Locale } from './locales.ts';

export * from './locales.ts';
export type { UIKey } from './ui.ts';
export type { Dict, Translate } from './translator.ts';

/** Translator for one language; `{name}` placeholders are replaced from `vars`. */
export function useTranslations(lang: Locale) {
  return translator(dictionaries[lang]);
}

/** The whole dictionary of one language, to hand to an island as a prop. */
export function dictionary(lang: Locale) {
  return dictionaries[lang];
}
