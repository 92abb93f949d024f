import { dictionaries, type UIKey } from './ui.ts';
import type { Locale } from './locales.ts';

export * from './locales.ts';
export type { UIKey } from './ui.ts';

/** Translator for one language; `{name}` placeholders are replaced from `vars`. */
export function useTranslations(lang: Locale) {
  const dict = dictionaries[lang];
  return (key: UIKey, vars?: Record<string, string | number>): string => {
    let s: string = dict[key];
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}
