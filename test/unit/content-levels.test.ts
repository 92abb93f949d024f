/**
 * Level descriptors read as "at least" (levels are cumulative, so a senior still meets level 1), level 2
 * is working alone on standard cases (自走), and level 3 adds complex cases, defined once in the matrix.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';

const { content } = checkContent(readContentFiles('.'));
const frameworks = [...content.frameworks.values()];
const descriptors = (level: number) =>
  frameworks.flatMap((f) =>
    f.data.elements.map((e) => ({ id: `${f.id}/${e.id}`, d: e.levels.find((l) => l.level === level)!.descriptor })),
  );

describe('level descriptors', () => {
  it('every level-1 descriptor states the least that must be true, in both languages', () => {
    const bad = descriptors(1)
      .filter(({ d }) => !d.en.startsWith('At least') || !d.ja?.startsWith('少なくとも'))
      .map((x) => x.id);
    expect(bad).toEqual([]);
  });
  it('no level-1 descriptor requires guidance (a member who works alone must meet it)', () => {
    const needs =
      /\bwith (?:guidance|help|a lead's support)\b|\bwith a lead checking\b|alongside the lead|リーダーの(?:指導|助言|サポート)(?:のもと|を受けながら)|リーダーと同席します|サポートを受けながら/;
    expect(
      descriptors(1)
        .filter(({ d }) => needs.test(d.en) || needs.test(d.ja ?? ''))
        .map((x) => x.id),
    ).toEqual([]);
  });
  it('every level-1 descriptor is written for its element (no two alike)', () => {
    const all = descriptors(1);
    expect(new Set(all.map(({ d }) => d.en)).size).toBe(all.length);
    expect(new Set(all.map(({ d }) => d.ja)).size).toBe(all.length);
  });
  it('level 2 is standard cases alone and level 3 adds complex cases, in both languages', () => {
    expect(
      descriptors(2)
        .filter(({ d }) => !/standard|alone/i.test(d.en) || !/標準|一人/.test(d.ja ?? ''))
        .map((x) => x.id),
    ).toEqual([]);
    expect(
      descriptors(3)
        .filter(({ d }) => !/complex/i.test(d.en) || !/複雑/.test(d.ja ?? ''))
        .map((x) => x.id),
    ).toEqual([]);
  });
  it('the matrix defines "complex case" once and names level 2 Independent (自走)', () => {
    const m = content.frameworks.get('cs-skills')!.data;
    expect(m.description!.en.match(/A complex case is/g)).toHaveLength(1);
    expect(m.description!.ja!.match(/複雑なケースとは/g)).toHaveLength(1);
    expect(m.levels.find((l) => l.level === 2)!.name).toEqual({ en: 'Independent', ja: '自走' });
  });
});
