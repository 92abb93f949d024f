import { describe, expect, it } from 'vitest';
import { computeProgress, parseOnboardingProgress, serialise, storageKey } from '../../src/lib/onboarding-progress.ts';

describe('onboarding progress', () => {
  const sections = [{ id: 'w1', items: ['a', 'b', 'c'] }, { id: 'd30', items: ['d', 'e'] }];
  it('counts per section and overall, ignoring unknown ids', () => {
    expect(computeProgress(sections, new Set(['a', 'c', 'e', 'gone']))).toEqual({
      done: 3, total: 5, sections: { w1: { done: 2, total: 3 }, d30: { done: 1, total: 2 } },
    });
  });
  it('round-trips saved progress and survives corrupt data', () => {
    expect(parseOnboardingProgress(serialise(new Set(['b', 'a'])))).toEqual(new Set(['a', 'b']));
    expect(serialise(new Set(['b', 'a']))).toBe('{"format":1,"done":["a","b"]}');
    expect(parseOnboardingProgress('not json')).toEqual(new Set());
    expect(parseOnboardingProgress('{"format":2,"done":["a"]}')).toEqual(new Set());
    expect(parseOnboardingProgress('{"format":1,"done":["a",3,null]}')).toEqual(new Set(['a']));
    expect(parseOnboardingProgress(null)).toEqual(new Set());
    expect(storageKey('new-csm')).toBe('banso:onboarding:new-csm');
  });
});
