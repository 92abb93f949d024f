/** Seeded random ids, names and dates for the property tests of assessment files and share links. */
import { prng } from './prng.ts';

/** Pieces of ids (joined with "-"). */
export const SYLLABLES = ['cs', 'health', 'risk', '360', 'view', 'ops', 'a', 'b2', 'voice', 'x', 'renewal', '7'];
/** Characters of names: ASCII, kanji, kana, emoji (ZWJ sequence, flag), punctuation, ASCII and ideographic spaces. */
export const NAME_CHARS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'山田花子太郎鈴木佐藤髙橋﨑',
  ...'やまだはなこアイウエオ',
  '😀',
  '👩‍💻',
  '🇯🇵',
  '🍣',
  '✨',
  ...'&=+#%?/~.*[]()<>"\'\\ -_',
  ' ',
  '　',
];

/**
 * A seeded source: rnd() in [0, 1), int(n) in 0..n-1, pick, and random ids, names (1 to 40 pieces
 * of `nameChars`, the first not a space) and dates.
 */
export function makeRandom(seed: number, nameChars: readonly string[] = NAME_CHARS) {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const id = () => Array.from({ length: 1 + int(3) }, () => pick(SYLLABLES)).join('-');
  const name = () => {
    let s = pick(nameChars.filter((c) => c.trim()));
    const len = int(40);
    for (let i = 0; i < len; i++) s += pick(nameChars);
    return s;
  };
  const date = () =>
    `20${20 + int(10)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
  return { rnd, int, pick, id, name, date };
}
