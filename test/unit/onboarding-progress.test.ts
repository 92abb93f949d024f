import { describe, expect, it } from 'vitest';
import {
  computeProgress,
  parseOnboardingProgress,
  parseState,
  schedule,
  serialise,
  serialiseState,
  storageKey,
  trackDay,
} from '../../src/lib/onboarding-progress.ts';

describe('onboarding progress', () => {
  const sections = [
    { id: 'w1', items: ['a', 'b', 'c'] },
    { id: 'd30', items: ['d', 'e'] },
  ];
  it('counts per section and overall, ignoring unknown ids', () => {
    expect(computeProgress(sections, new Set(['a', 'c', 'e', 'gone']))).toEqual({
      done: 3,
      total: 5,
      sections: { w1: { done: 2, total: 3 }, d30: { done: 1, total: 2 } },
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

describe('time-aware onboarding', () => {
  const track = [
    { id: 'w1', dueDay: 7, items: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] },
    { id: 'd30', dueDay: 30, items: ['h', 'i', 'j'] },
    { id: 'd60', dueDay: 60, items: ['k'] },
  ];
  it('counts days from the start date, calendar-only', () => {
    expect(trackDay('2026-11-30', '2026-11-30')).toBe(1);
    expect(trackDay('2026-11-30', '2026-12-02')).toBe(3);
    expect(trackDay('2026-02-27', '2026-03-01')).toBe(3);
    expect(trackDay('2026-03-28', '2026-03-30')).toBe(3); // across a DST change in many zones
    expect(trackDay('2026-12-10', '2026-12-01')).toBe(-8);
  });
  it('spreads a phase over its days and finds the current phase', () => {
    const s = schedule(track, 3, new Set());
    expect(s.due).toMatchObject({ a: 1, g: 7, h: 15, j: 30, k: 60 });
    expect(s.current).toBe('w1');
    expect(s.thisWeek).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(s.next).toEqual(['h', 'i', 'j']);
  });
  it('puts overdue items first and skips done ones', () => {
    const s = schedule(track, 20, new Set(['a', 'b', 'c', 'd', 'e', 'g']));
    expect(s.current).toBe('d30');
    expect(s.thisWeek).toEqual(['f', 'h', 'i']); // i is due on day 23, within the week
    expect(s.next).toEqual(['j', 'k']);
  });
  it('treats days before the start as day 1 and days after the end as the last phase', () => {
    expect(schedule(track, -4, new Set()).day).toBe(1);
    const late = schedule(track, 200, new Set(['k']));
    expect(late.current).toBe('d60');
    expect(late.thisWeek).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    expect(late.next).toEqual([]);
  });
  it('keeps the start date with the ticked items and drops an invalid one', () => {
    const raw = serialiseState({ done: new Set(['b', 'a']), start: '2026-11-30' });
    expect(raw).toBe('{"format":1,"done":["a","b"],"start":"2026-11-30"}');
    expect(parseState(raw)).toEqual({ done: new Set(['a', 'b']), start: '2026-11-30' });
    expect(parseState('{"format":1,"done":[],"start":"2026-13-45"}')).toEqual({ done: new Set() });
    expect(parseState('{"format":1,"done":[],"start":"2026-02-30"}')).toEqual({ done: new Set() });
    expect(parseState('{"format":1,"done":[],"start":"<b>"}')).toEqual({ done: new Set() });
    expect(parseOnboardingProgress(raw)).toEqual(new Set(['a', 'b']));
  });
});
