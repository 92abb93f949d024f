import { describe, expect, it } from 'vitest';
import { scoringWords } from '../../src/lib/health/design/content-text.ts';

describe('design content text: numbers in the scoring words', () => {
  // The words write numbers as Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }) does, without
  // making a formatter (which would load the ICU number data while the designer loads).
  const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
  for (const [zeroAt, fullAt] of [
    [0, 100],
    [-12.5, 1234.5678],
    [0.0005, 0.0015],
    [1_000_000, 2_500_000.25],
    [-0.1234, 98765.4321],
  ])
    it(`a ramp from ${zeroAt} to ${fullAt}`, () => {
      const w = scoringWords({ kind: 'linear', zeroAt, fullAt }, 'higher');
      expect(w.en).toBe(
        `0 points at ${intl.format(zeroAt)}, 100 points at ${intl.format(fullAt)}, a straight line in between.`,
      );
      expect(w.ja).toContain(`${intl.format(zeroAt)}で0点、${intl.format(fullAt)}で100点`);
    });
  it('tiers', () => {
    const w = scoringWords(
      {
        kind: 'tiers',
        tiers: [
          { at: 12345.6789, points: 100 },
          { at: 3, points: 50 },
        ],
        otherwise: 0,
      },
      'higher',
    );
    expect(w.en).toBe('≥ 12,345.679 = 100 points, ≥ 3 = 50, otherwise 0.');
  });
});
