/** Numbers and percentages in the page's language (one place for every island and page). */
import type { Locale } from '../../i18n/locales.ts';

const intlLocale = (lang: Locale) => (lang === 'ja' ? 'ja-JP' : 'en-GB');

/**
 * Both page languages (en-GB, ja-JP) write numbers the same way: "," between groups of three digits,
 * "." before decimals, "-" for negatives, at most `digits` decimals with trailing zeros dropped. That
 * is written out here instead of asking Intl.NumberFormat: the first Intl formatter a page makes loads
 * the ICU number data, a single task of about 50 ms on this machine kind (200 ms on a throttled
 * phone), for output this function gives exactly (a property test compares the two). Like Intl, it
 * rounds the shortest decimal that reads back as the number (1.005 → "1.01"), halves away from zero.
 * A percentage moves the decimal point of that decimal. Numbers too large for plain notation go through Intl.
 */
function plain(x: number, lang: Locale, digits: number, style: 'decimal' | 'percent'): string {
  const abs = Math.abs(x);
  const shift = style === 'percent' ? 2 : 0;
  if (abs * 10 ** shift >= 1e15) return fallback(lang, digits, style).format(x);
  // Below 1e-6 String() switches to exponents; such values round to 0 at the decimals used here.
  let [whole, frac = ''] = (abs < 1e-6 ? '0' : String(abs)).split('.');
  // A percentage moves the decimal point of that shortest decimal, as Intl does (no × 100 rounding).
  if (shift) {
    whole = `${whole}${frac.slice(0, shift).padEnd(shift, '0')}`.replace(/^0+(?=\d)/, '');
    frac = frac.slice(shift);
  }
  let digitsOut = whole + frac.slice(0, digits).padEnd(digits, '0');
  if (frac.length > digits && frac[digits] >= '5') digitsOut = increment(digitsOut);
  const intPart = digitsOut.slice(0, digitsOut.length - digits) || '0';
  const kept = digitsOut.slice(digitsOut.length - digits).replace(/0+$/, '');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${grouped}${kept ? `.${kept}` : ''}${style === 'percent' ? '%' : ''}`;
}

/** Adds one to a string of decimal digits: "0999" → "1000", "99" → "100". */
function increment(d: string): string {
  const a = d.split('');
  let i = a.length - 1;
  while (i >= 0 && a[i] === '9') a[i--] = '0';
  if (i < 0) a.unshift('1');
  else a[i] = String(Number(a[i]) + 1);
  return a.join('');
}

const fallbacks = new Map<string, Intl.NumberFormat>();
function fallback(lang: Locale, digits: number, style: 'decimal' | 'percent'): Intl.NumberFormat {
  const key = `${lang}|${digits}|${style}`;
  let f = fallbacks.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang), { style, maximumFractionDigits: digits });
    fallbacks.set(key, f);
  }
  return f;
}

/** Grouped integer or decimal with at most `digits` decimals: 10000 → "10,000"; "—" for no number. */
export function formatNumber(x: number | null, lang: Locale, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return plain(x, lang, digits, 'decimal');
}

/** A share (0.125) as a percentage with at most `digits` decimals: "12.5%"; "—" for no number. */
export function formatPercent(x: number | null, lang: Locale, digits = 1): string {
  if (x === null || !Number.isFinite(x)) return '—';
  return plain(x, lang, digits, 'percent');
}

/** A share from 0 to 1 as a whole number of percent (readiness): 0.666 → 67, clamped to 0..100. */
export function wholePercent(share: number): number {
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}
