import { describe, expect, it } from 'vitest';
import { groupGlossary, kanaRow, toHiragana, type TermWithId } from '../../src/lib/glossary.ts';

const term = (id: string, en: string, ja: string, reading: string): TermWithId => ({
  id,
  term: { en, ja },
  reading,
  definition: { en: 'x' },
  aliases: { en: [], ja: [] },
  related: [],
  category: 'general',
});
const terms = [
  term('churn', 'Churn', 'チャーン', 'チャーン'),
  term('renewal', 'Renewal', '契約更新', 'けいやくこうしん'),
  term('nps', 'NPS', 'NPS', 'エヌピーエス'),
  term('adoption', 'Adoption', 'アダプション', 'アダプション'),
  term('arr', 'ARR', 'ARR', 'エーアールアール'),
  term('cta', 'CTA', 'CTA', 'シーティーエー'),
];

describe('glossary grouping', () => {
  it('reads katakana as hiragana and finds the kana row', () => {
    expect(toHiragana('チャーン')).toBe('ちゃーん');
    expect(kanaRow('けいやく')).toBe('か');
    expect(kanaRow('ガ')).toBe('か');
    expect(kanaRow('エヌ')).toBe('あ');
    expect(kanaRow('ABC')).toBe('#');
  });
  it('groups English A–Z, sorted', () => {
    const g = groupGlossary(terms, 'en');
    expect(g.map((x) => x.label)).toEqual(['A', 'C', 'N', 'R']);
    expect(g[0].terms.map((t) => t.id)).toEqual(['adoption', 'arr']);
  });
  it('groups Japanese by kana row, in gojūon order, by reading', () => {
    const g = groupGlossary(terms, 'ja');
    expect(g.map((x) => x.label)).toEqual(['あ', 'か', 'さ', 'た']);
    expect(g[0].terms.map((t) => t.id)).toEqual(['adoption', 'arr', 'nps']);
    expect(g[2].terms.map((t) => t.id)).toEqual(['cta']);
  });
});
