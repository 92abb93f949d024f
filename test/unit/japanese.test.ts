/** Japanese line wraps: folded YAML and Markdown soft breaks join without a space. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { joinJapaneseLines, spacesBetweenJapanese } from '../../src/lib/content/japanese.ts';

describe('joinJapaneseLines', () => {
  it('joins a YAML folded string wrapped between Japanese characters', () => {
    const folded = parse('ja: >-\n  グループの重み付き平均を\n  総合スコアとします。\n  次の行です。\n').ja as string;
    expect(folded).toBe('グループの重み付き平均を 総合スコアとします。 次の行です。'); // what YAML gives
    expect(joinJapaneseLines(folded)).toBe('グループの重み付き平均を総合スコアとします。次の行です。');
  });
  it('joins Markdown soft breaks in rendered HTML, also next to half-width letters and digits', () => {
    expect(joinJapaneseLines('<p>担当\nCSMが\n10%を確認し、\n  結果を共有します。</p>')).toBe(
      '<p>担当CSMが10%を確認し、結果を共有します。</p>',
    );
  });
  it('removes the space between Japanese and half-width words (the style guide’s rule)', () => {
    expect(joinJapaneseLines('契約から 2 営業日以内に CSM へ')).toBe('契約から2営業日以内にCSMへ');
  });
  it('keeps spaces between Latin words, paragraph breaks between English lines, and leaves English alone', () => {
    expect(joinJapaneseLines('CS Ops の Customer Success Elements')).toBe('CS OpsのCustomer Success Elements');
    expect(joinJapaneseLines('two lines\nof English')).toBe('two lines\nof English');
    expect(joinJapaneseLines('a  b')).toBe('a  b');
  });
  it('spacesBetweenJapanese finds what is left', () => {
    expect(spacesBetweenJapanese('田中 葵と鈴木\n健')).toEqual(['中 葵', '木\n健']);
  });
});
