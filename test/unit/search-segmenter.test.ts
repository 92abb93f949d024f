/**
 * The compiled segmenter (src/lib/search/segmenter.ts) against lunr-languages' TinySegmenter: the
 * same pieces for any text, for every Japanese line of the content, and when the model's weights
 * change (it reads them from the instance, it holds no copy).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSegmenter, newTinySegmenter as library } from '../../src/lib/search/segmenter.ts';
import { segmentJa } from '../../src/lib/search/text.ts';
import { contentJapanese } from '../../scripts/lib/ja-content.ts';

const model = library();
const compiled = compileSegmenter(model);
const RUNS = { numRuns: 400, seed: 20261202 };

/** The model's feature tables of characters and their keys (which contain the markers B1, E1, E2). */
const wordTables = Object.keys(model).filter((k) => /^[UBT]W\d__$/.test(k));
const wordKeys = [...new Set(wordTables.flatMap((k) => Object.keys(model[k] as object)))];
const vocabulary = [...new Set(wordKeys.flatMap((k) => [...k]))];

const chars = (s: string) => fc.constantFrom(...s);
const range = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCharCode(c));
/** One piece of text: Japanese, Latin, digits, punctuation, full- and half-width forms, emoji, anything. */
const piece = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('B1', 'B2', 'E1', 'E2', 'B', 'E', '1', '2', 'あ', '会', 'ー') },
  { weight: 4, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 3, arbitrary: fc.constantFrom(...wordKeys) },
  { weight: 2, arbitrary: range(0x3041, 0x3096) }, // hiragana
  { weight: 2, arbitrary: range(0x30a1, 0x30fc) }, // katakana, ー
  { weight: 2, arbitrary: range(0x4e00, 0x9fff) }, // kanji
  chars('一二三四五六七八九十百千万億兆々〆ヵヶ'),
  chars('abcxyzABCXYZ0123456789BE'),
  range(0xff01, 0xff9f), // full-width Latin, digits and punctuation; half-width katakana
  chars('、。「」・（）！？,.-:/ 　\t\n'),
  fc.constantFrom('😀', '👩‍💻', '🇯🇵', '𠮷', '\ud83d', '\ude00'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

describe('compiled TinySegmenter', () => {
  it('cuts any text into the library’s pieces', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(compiled(s)).toEqual(model.segment(s));
      }),
      RUNS,
    );
  });

  it('segmentJa keeps the library’s pieces, without the empty and whitespace-only ones', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(segmentJa(s)).toEqual(model.segment(s).filter((p) => p.trim() !== ''));
      }),
      RUNS,
    );
    expect(segmentJa('会議 の\u3000準備')).toEqual(['会議', 'の', '準備']);
    expect(segmentJa(' \u3000\n')).toEqual([]);
  });

  it('cuts every Japanese line and run of the content as the library does', () => {
    const { lines, runs } = contentJapanese();
    expect(lines.length).toBeGreaterThan(1000);
    expect(runs.length).toBeGreaterThan(1000);
    const differ = [...lines, ...runs].filter((s) => JSON.stringify(compiled(s)) !== JSON.stringify(model.segment(s)));
    expect(differ).toEqual([]);
  });

  it('handles the empty string, one code unit, surrogate pairs and very long text', () => {
    expect(compiled('')).toEqual([]);
    expect(segmentJa('')).toEqual([]);
    for (const one of ['あ', 'ア', '一', '漢', 'a', 'Ａ', '1', '１', 'ｱ', '、', ' ', 'B', 'E', '\ud83d'])
      expect(compiled(one)).toEqual([one]);
    for (const s of ['😀', '😀😀', '日本😀語', '𠮷野家で食べた', '👩‍💻エンジニア', '🇯🇵の旗'])
      expect(compiled(s)).toEqual(model.segment(s));
    const long = fc.sample(piece, { numRuns: 20_000, seed: 7 }).join('');
    expect(long.length).toBeGreaterThan(20_000);
    expect(compiled(long)).toEqual(model.segment(long));
    const repeated = '顧客の成功を支援するためのオンボーディング計画を作成します。'.repeat(3000);
    expect(compiled(repeated)).toEqual(model.segment(repeated));
  });

  it('follows the weights of the model it is given', () => {
    // Changed weights (on one instance, which both read) still give the library's pieces: the compiled
    // segmenter holds no copy of the tables and treats every key, markers included, as the library does.
    const tables = Object.keys(model).filter((k) => /__$/.test(k) && typeof model[k] === 'object');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...tables), fc.nat(), fc.integer({ min: -20_000, max: 20_000 })), {
          minLength: 1,
          maxLength: 40,
        }),
        // New keys, of markers and characters that can collide when joined ("B1" + "あ", "B" + "1" + "あ").
        fc.array(
          fc.tuple(
            fc.constantFrom(...wordTables),
            fc.array(fc.constantFrom('B1', 'B2', 'E1', 'E2', 'B', 'E', '1', '2', 'あ', '会', 'ー'), {
              minLength: 1,
              maxLength: 4,
            }),
            fc.integer({ min: -20_000, max: 20_000 }),
          ),
          { maxLength: 20 },
        ),
        fc.integer({ min: -3000, max: 3000 }),
        fc.array(text, { minLength: 1, maxLength: 5 }),
        (changes, added, bias, texts) => {
          const changed = library();
          changed.BIAS__ = bias;
          for (const [name, i, w] of changes) {
            const t = changed[name] as Record<string, number>;
            const keys = Object.keys(t);
            t[keys[i % keys.length]] = w;
          }
          for (const [name, key, w] of added) (changed[name] as Record<string, number>)[key.join('')] = w;
          const segment = compileSegmenter(changed);
          for (const s of texts) expect(segment(s)).toEqual(changed.segment(s));
        },
      ),
      { numRuns: 60, seed: 20261202 },
    );
    // A key that spells a marker followed by characters ("B1" + "あ") also matches the characters
    // B, 1, あ in a table of three tokens, and "E2" the characters E, 2 in a table of two.
    const joined = 'xB1あyE2z';
    expect(model.segment(joined)).toEqual(['xB', '1', 'あ', 'yE', '2', 'z']);
    const spelled = library();
    (spelled.TW2__ as Record<string, number>).B1あ = -1e6; // no cut before あ
    (spelled.BW2__ as Record<string, number>).E2 = -1e6; // no cut between E and 2
    expect(spelled.segment(joined)).toEqual(['xB', '1あ', 'yE2z']);
    expect(compileSegmenter(spelled)(joined)).toEqual(['xB', '1あ', 'yE2z']);
    const cutEverywhere = library();
    cutEverywhere.BIAS__ = 1e6;
    expect(compileSegmenter(cutEverywhere)('会議室')).toEqual(['会', '議', '室']);
  });
});
