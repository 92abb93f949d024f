/** The shared text, number and hash helpers (src/lib/text/*, src/lib/hash.ts), tested once here. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../../src/lib/text/fold.ts';
import { escapeMarkdown, fillTemplate, markdownQuote } from '../../src/lib/text/markdown.ts';
import { formatNumber, formatPercent, wholePercent } from '../../src/lib/text/number.ts';
import { fnv1a32 } from '../../src/lib/hash.ts';
import { hash8 } from '../../src/lib/search/index-build.ts';
import { distinctLabels } from '../../src/lib/health/value-labels.ts';
import { mapRawValue, normaliseHeader } from '../../src/lib/health/csv.ts';
import { parseOutcome } from '../../src/lib/health/backtest.ts';
import { normaliseName } from '../../src/lib/team/import-batch.ts';

/** Spellings people paste: full-width letters and digits, half-width kana, odd spaces, mixed case. */
const spelling = fc.constantFrom(
  'Yes',
  'ＹＥＳ',
  ' yes ',
  'yes\u3000',
  'Month-to-month',
  'ＭＯＮＴＨ-ＴＯ-ＭＯＮＴＨ',
  'ｶﾅ',
  'カナ',
  'Red',
  'ｒｅｄ',
  '赤',
  '１２',
  '12',
  'No',
  'no ',
);

describe('foldForMatch', () => {
  it('folds width, case and surrounding space, and nothing else', () => {
    expect(foldForMatch('  ＹＥＳ\u3000')).toBe('yes');
    expect(foldForMatch('ｶﾅ')).toBe('カナ');
    expect(foldForMatch('Month to Month')).toBe('month to month');
    expect(foldForMatch(undefined as unknown as string)).toBe('');
  });
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => foldForMatch(foldForMatch(s)) === foldForMatch(s)));
  });
  it("makes the batch view's distinct labels and the CSV value map agree by construction", () => {
    // distinctLabels counts two spellings as one label exactly when mapRawValue maps one to the other.
    fc.assert(
      fc.property(spelling, spelling, (a, b) => {
        const { labels } = distinctLabels([[a], [b]], 0);
        const sameLabel = labels.length === 1;
        const mapped = mapRawValue({ [a]: 1 }, b);
        expect(mapped.found).toBe(sameLabel);
      }),
    );
  });
  it('is what outcomes, headers and team names are matched with', () => {
    expect(parseOutcome('ＣＨＵＲＮＥＤ ')).toEqual(parseOutcome('churned'));
    expect(normaliseHeader('  ＡＲＲ_Amount ')).toBe('arr amount');
    expect(normaliseName(' Ｙａｍａｄａ  Ｈａｎａｋｏ ')).toBe('yamadahanako');
  });
});

describe('Markdown helpers', () => {
  it('escape a line so it cannot become markup', () => {
    expect(escapeMarkdown('# <b>x</b> *y*\n- z')).toBe('\\# \\<b\\>x\\</b\\> \\*y\\* - z');
    expect(escapeMarkdown('1. one')).toBe('1\\. one');
  });
  it('quote every line of a note', () => {
    expect(markdownQuote('first\n\n  # second ')).toBe('> first\n>\n> \\# second');
  });
  it('fill placeholders and keep unknown ones', () => {
    expect(fillTemplate('Level {n} of {max} ({x})', { n: 2, max: 5 })).toBe('Level 2 of 5 ({x})');
    expect(fillTemplate('{constructor}', {})).toBe('{constructor}');
  });
});

describe('number formatting', () => {
  it("groups digits and uses the language's conventions", () => {
    expect(formatNumber(10000, 'en', 0)).toBe('10,000');
    expect(formatNumber(1234.567, 'ja', 2)).toBe('1,234.57');
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatNumber(Number.NaN, 'ja')).toBe('—');
  });
  it('writes shares as percentages', () => {
    expect(formatPercent(0.125, 'en', 1)).toBe('12.5%');
    expect(formatPercent(0.5, 'ja', 0)).toBe('50%');
    expect(formatPercent(null, 'en')).toBe('—');
    expect(wholePercent(0.666)).toBe(67);
    expect(wholePercent(1.2)).toBe(100);
    expect(wholePercent(-0.1)).toBe(0);
  });
  it('writes exactly what Intl.NumberFormat writes, for any number, language and number of decimals', () => {
    const locale = { en: 'en-GB', ja: 'ja-JP' } as const;
    const numbers = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }),
      fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000),
      fc.integer({ min: -2000, max: 2000 }).map((n) => n / 8),
      fc.constantFrom(
        0,
        -0,
        0.5,
        -0.5,
        1.005,
        2.675,
        0.045,
        0.01005,
        999.95,
        999_999.5,
        1e13,
        1e15,
        -1e15,
        123456789012345.6,
      ),
    );
    fc.assert(
      fc.property(numbers, fc.constantFrom('en', 'ja'), fc.integer({ min: 0, max: 3 }), (x, lang, digits) => {
        const dec = new Intl.NumberFormat(locale[lang], { maximumFractionDigits: digits }).format(x);
        expect(formatNumber(x, lang, digits)).toBe(dec);
        const pct = new Intl.NumberFormat(locale[lang], { style: 'percent', maximumFractionDigits: digits }).format(x);
        expect(formatPercent(x, lang, digits)).toBe(pct);
      }),
      { numRuns: 5000 },
    );
  });
  it('keeps each language, style and number of decimals apart', () => {
    const x = 1234.5678;
    const seen = [0, 1, 2, 3].map((d) => formatNumber(x, 'en', d));
    expect(seen).toEqual(['1,235', '1,234.6', '1,234.57', '1,234.568']);
    // Asked again in another order, and mixed with percentages, each answer stays the same.
    expect([3, 2, 1, 0].map((d) => formatNumber(x, 'en', d))).toEqual([...seen].reverse());
    expect(formatPercent(0.12345, 'en', 2)).toBe('12.35%');
    expect(formatNumber(0.12345, 'en', 2)).toBe('0.12');
    expect(formatNumber(0.5, 'ja', 0)).toBe('1');
    expect(formatPercent(0.5, 'ja', 0)).toBe('50%');
  });
});

describe('hash', () => {
  it('FNV-1a 32-bit matches the published test vectors and TextEncoder bytes', () => {
    expect(fnv1a32('')).toBe('811c9dc5');
    expect(fnv1a32('a')).toBe('e40c292c');
    expect(fnv1a32('foobar')).toBe('bf9cf968');
    const viaBytes = (s: string) => {
      let h = 0x811c9dc5;
      for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
      return h.toString(16).padStart(8, '0');
    };
    for (const s of ['山田花子', 'é😀x', 'a\ud800b', '\udc00']) expect(fnv1a32(s)).toBe(viaBytes(s));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fnv1a32(s) === viaBytes(s)));
  });
  it('is the hash the search index file names use', () => {
    expect(hash8('{"a":1}')).toBe(fnv1a32('{"a":1}'));
  });
});
