import type { LText } from '../schemas/common.ts';

/** The one list of the site's languages (schemas, astro.config.mjs, routes and search use it). */
export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(x: unknown): x is Locale {
  return (LOCALES as readonly unknown[]).includes(x);
}

/** Localised text in the wanted language, and whether it fell back to English. */
export function pick(text: LText | undefined, lang: Locale): { text: string; fallback: boolean } {
  if (!text) return { text: '', fallback: false };
  if (lang === 'ja' && text.ja) return { text: text.ja, fallback: false };
  return { text: text.en, fallback: lang !== 'en' };
}

/** Localised text as a plain string (English when the translation is missing). */
export function tx(text: LText | undefined, lang: Locale): string {
  return pick(text, lang).text;
}

/** A localised list in the wanted language (English when missing). */
export function txList(list: { en: string[]; ja?: string[] } | undefined, lang: Locale): string[] {
  if (!list) return [];
  return lang === 'ja' && list.ja && list.ja.length ? list.ja : list.en;
}

/** Locale-aware sort: Japanese collation for ja (kana order), English otherwise. */
export function collator(lang: Locale): Intl.Collator {
  return new Intl.Collator(lang === 'ja' ? 'ja' : 'en', { sensitivity: 'base', numeric: true });
}
