/** Highlighting and snippets: whole words (Latin and Japanese), never a broken character. */
import { describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.ts';
import { highlight, snippet } from '../../src/lib/search/highlight.ts';

const hits = (text: string, matched: string[]) =>
  highlight(text, matched)
    .filter((s) => s.hit)
    .map((s) => s.text);

describe('Japanese highlighting', () => {
  it('marks whole words where the segmenter found them', () => {
    // 顧客|の|解約|率|を|下げる: 解約 is a word of its own.
    expect(hits('顧客の解約率を下げる', ['解約'])).toEqual(['解約']);
    // ヘルススコア|の|計算|方法: the segmenter keeps ヘルススコア whole, so a match on ヘルス marks all of it.
    expect(hits('ヘルススコアの計算方法を説明します', ['ヘルス'])).toEqual(['ヘルススコア']);
    expect(hits('オンボーディング会議で決めます', ['会議'])).toEqual(['会議']);
  });

  it('marks only the matched characters when a match straddles two words', () => {
    // alone, 解約率 is cut 解|約率: the match covers 解 and part of 約率, so only 解約 is marked.
    expect(hits('解約率', ['解約'])).toEqual(['解約']);
  });

  it('finds Japanese in full-width and half-width text and keeps the text as it was', () => {
    const text = 'ﾍﾙｽｽｺｱとＮＰＳの解約';
    const segs = highlight(text, ['解約', 'nps']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['ＮＰＳ', '解約']);
  });

  it('never splits a character: surrogate pairs, emoji and combining marks stay whole', () => {
    expect(hits('𠮷野家の解約🙂です', ['解約'])).toEqual(['解約']);
    const decomposed = 'カ\u3099イド'; // ガイド written with a combining voiced mark
    for (const s of highlight(decomposed, ['カ']))
      expect(/^[\u3099\u309a]/.test(s.text), JSON.stringify(s)).toBe(false);
    const r = prng(7);
    const alphabet = [
      '解',
      '約',
      '率',
      'ヘ',
      'ル',
      'ス',
      'の',
      'を',
      'a',
      'b',
      ' ',
      '𠮷',
      '🙂',
      '👍🏽',
      'e\u0301',
      'カ\u3099',
      '\u200d',
      'Ｎ',
      'ｽ',
    ];
    for (let k = 0; k < 400; k++) {
      const text = Array.from(
        { length: 1 + Math.floor(r() * 30) },
        () => alphabet[Math.floor(r() * alphabet.length)],
      ).join('');
      const from = Math.floor(r() * text.length);
      const matched = [text.slice(from, from + 1 + Math.floor(r() * 4)), alphabet[Math.floor(r() * 8)]];
      const segs = highlight(text, matched);
      expect(segs.map((s) => s.text).join('')).toBe(text);
      let at = 0;
      for (const s of segs) {
        expect(s.text.isWellFormed(), JSON.stringify({ text, matched, s })).toBe(true);
        // No stretch starts with a mark that belongs to the character before it.
        expect(at > 0 && /^[\u0300-\u036f\u3099\u309a\u200d]/.test(s.text), JSON.stringify({ text, matched, s })).toBe(
          false,
        );
        at += s.text.length;
      }
      const snip = snippet(text.repeat(20), matched, 25);
      expect(snip.isWellFormed(), snip).toBe(true);
    }
  });
});

describe('Latin highlighting', () => {
  it('marks whole words that start with or share the stem of a matched word', () => {
    expect(hits('Onboarding stalls when the kickoff slips; renewals suffer.', ['onboard', 'renewal'])).toEqual([
      'Onboarding',
      'renewals',
    ]);
    expect(hits('Escalated twice, the escalation went to the CS lead.', ['escalation'])).toEqual([
      'Escalated',
      'escalation',
    ]);
  });
});

describe('snippets', () => {
  it('cuts Japanese text around the first match without breaking characters', () => {
    const text = `${'🙂あいうえお'.repeat(40)}解約率${'かきくけこ🙂'.repeat(40)}`;
    const s = snippet(text, ['解約'], 60);
    expect(s).toContain('解約');
    expect(s.isWellFormed()).toBe(true);
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
  });
});
