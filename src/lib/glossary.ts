/** Glossary grouping: A–Z for English, by kana row (あ行, か行…) for Japanese. Pure. */
import { collator, tx, type Locale } from '../i18n/locales.ts';
import type { GlossaryTerm } from '../schemas/glossary.ts';

export type TermWithId = GlossaryTerm & { id: string };

const KANA_ROWS: [string, string][] = [
  ['あ', 'あいうえおぁぃぅぇぉゔ'],
  ['か', 'かきくけこがぎぐげご'],
  ['さ', 'さしすせそざじずぜぞ'],
  ['た', 'たちつてとだぢづでどっ'],
  ['な', 'なにぬねの'],
  ['は', 'はひふへほばびぶべぼぱぴぷぺぽ'],
  ['ま', 'まみむめも'],
  ['や', 'やゆよゃゅょ'],
  ['ら', 'らりるれろ'],
  ['わ', 'わをんゎ'],
];

/** Katakana → hiragana, so both sort and group together. */
export function toHiragana(s: string): string {
  return s.replace(/[\u30A1-\u30F6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

/** The kana row (あ, か, さ…) of a reading, or "#" when it does not start with kana. */
export function kanaRow(reading: string): string {
  const first = toHiragana(reading.trim()).charAt(0);
  for (const [row, chars] of KANA_ROWS) if (chars.includes(first)) return row;
  return '#';
}

/** The sort key of a term in a language: English term, or the Japanese reading (hiragana). */
export function sortKey(t: GlossaryTerm, lang: Locale): string {
  return lang === 'ja' ? toHiragana(t.reading ?? t.term.ja ?? t.term.en) : t.term.en;
}

export function groupGlossary(
  terms: TermWithId[],
  lang: Locale,
): { key: string; label: string; terms: TermWithId[] }[] {
  const coll = collator(lang);
  const sorted = [...terms].sort(
    (a, b) => coll.compare(sortKey(a, lang), sortKey(b, lang)) || coll.compare(tx(a.term, lang), tx(b.term, lang)),
  );
  const groups = new Map<string, TermWithId[]>();
  for (const t of sorted) {
    let label: string;
    if (lang === 'ja') label = kanaRow(sortKey(t, lang));
    else {
      const ch = t.term.en.trim().charAt(0).toUpperCase();
      label = /[A-Z]/.test(ch) ? ch : '#';
    }
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label)!.push(t);
  }
  const order = lang === 'ja' ? [...KANA_ROWS.map(([r]) => r), '#'] : [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'];
  return order
    .filter((k) => groups.has(k))
    .map((k, i) => ({ key: lang === 'ja' ? `k${i}` : k.replace('#', 'other'), label: k, terms: groups.get(k)! }));
}
