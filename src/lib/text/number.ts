/** Numbers and percentages in the page's language (one place for every island and page). */
import type { Locale } from '../../i18n/locales.ts';

const intlLocale = (lang: Locale) => (lang === 'ja' ? 'ja-JP' : 'en-GB');

/**
 * Formatters by locale, style and decimals, made once: creating an Intl.NumberFormat costs far more
 * than formatting with it, and a page formats thousands of numbers (inputs, tables, charts).
 */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Locale, style: 'decimal' | 'percent', digits: number): Intl.NumberFormat {
  const key = `${lang}|${style}|${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), { style, maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formatters.set(key, f);
  }
  return f;
}

/** Grouped integer or decimal with at most `digits` decimals: 10000 → "10,000"; "—" for no number. */
export function formatNumber(x: number | null, lang: Locale, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return formatter(lang, 'decimal', digits).format(x);
}

/** A share (0.125) as a percentage with at most `digits` decimals: "12.5%"; "—" for no number. */
export function formatPercent(x: number | null, lang: Locale, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return formatter(lang, 'percent', digits).format(x);
}

/** A share from 0 to 1 as a whole number of percent (readiness): 0.666 → 67, clamped to 0..100. */
export function wholePercent(share: number): number {
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}
