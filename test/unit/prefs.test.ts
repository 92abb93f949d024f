import { describe, expect, it } from 'vitest';
import { prng } from '../helpers/prng.ts';
import { parsePrefs, serialisePrefs, wrapLabel } from '../../src/lib/prefs.ts';

describe('view preferences', () => {
  it('round-trips known choices and drops anything else', () => {
    expect(parsePrefs(serialisePrefs({ reveal: true, view: 'bars', teamView: 'radar' }))).toEqual({
      reveal: true,
      view: 'bars',
      teamView: 'radar',
    });
    expect(parsePrefs('{"reveal":"yes","view":"pie","__proto__":{"x":1}}')).toEqual({});
    expect(parsePrefs('[1,2]')).toEqual({});
    expect(parsePrefs('not json')).toEqual({});
    expect(parsePrefs(null)).toEqual({});
  });
});

describe('chart label wrapping', () => {
  it('wraps English at spaces and Japanese anywhere, without losing text when it fits', () => {
    expect(wrapLabel('Onboarding and time to value', 14)).toEqual(['Onboarding and', 'time to value']);
    expect(wrapLabel('オンボーディングとタイムトゥバリュー', 9)).toEqual(['オンボーディングと', 'タイムトゥバリュー']);
    expect(wrapLabel('Short', 14)).toEqual(['Short']);
  });
  it('keeps at most maxLines lines and marks a cut', () => {
    const l = wrapLabel('a b c d e f g h i j k l m n o p', 3, 2);
    expect(l).toHaveLength(2);
    expect(l[1].endsWith('…')).toBe(true);
  });
  it('never drops characters of a label that fits in maxLines (property)', () => {
    const rnd = prng(19);
    const alphabet = ['a', 'B', ' ', ' ', 'の', 'ス', '1', '\u3000', 'é'];
    for (let n = 0; n < 500; n++) {
      const s = Array.from(
        { length: 1 + Math.floor(rnd() * 40) },
        () => alphabet[Math.floor(rnd() * alphabet.length)],
      ).join('');
      const w = 4 + Math.floor(rnd() * 16);
      const lines = wrapLabel(s, w, 99);
      expect(lines.join('').replace(/\s/g, ''), JSON.stringify(s)).toBe(s.replace(/\s/g, ''));
      for (const l of lines) if (!/\s/.test(s.trim())) expect(l.length).toBeLessThanOrEqual(w);
    }
  });
});
