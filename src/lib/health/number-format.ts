/** Numbers, percentages and AUC values as the health pages show them, in the page language. */
import type { Locale } from '../../i18n/locales.ts';

/** 0.4123 → "41.2 %" (en) / "41.2%" (ja); null → "—". */
export function formatPercent(x: number | null, lang: Locale, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(x);
}

/** Grouped integer or decimal: 10000 → "10,000". */
export function formatNumber(x: number | null, lang: Locale, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: digits }).format(x);
}

/** AUC with three decimals, the way the page and its tests show it. */
export function formatAuc(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}
