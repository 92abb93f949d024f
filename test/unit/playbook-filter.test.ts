import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  facetCounts,
  matches,
  parseFilterQuery,
  toFilterQuery,
  type PlaybookFacets,
} from '../../src/lib/playbook-filter.ts';

const pb = (
  id: string,
  phase: string,
  phaseOrder: number,
  type: string,
  touch: string[],
  element: string[],
  owner = 'csm',
  reviewed = '2026-01-01',
): PlaybookFacets => ({ id, title: id, phase, phaseOrder, type, touch, layer: ['process'], element, owner, reviewed });
const all = [
  pb('kickoff', 'onboarding', 2, 'lifecycle', ['high'], ['cs-skills/onboarding-time-to-value'], 'csm', '2026-10-01'),
  pb(
    'nurture',
    'onboarding',
    2,
    'digital',
    ['tech'],
    ['cs-skills/cs-operations-scale'],
    'cs-ops-specialist',
    '2026-09-01',
  ),
  pb('triage', 'renewal', 5, 'risk', ['high', 'low'], ['cs-skills/risk-escalation'], 'senior-csm', '2026-11-01'),
  pb('advocacy', 'advocacy', 6, 'objective', ['high'], ['cs-skills/advocate-engagement']),
];
const byTitle = (a: string, b: string) => a.localeCompare(b);

describe('playbook filters', () => {
  it('round-trips through the URL query', () => {
    const state = { filters: { phase: 'onboarding', touch: 'high', element: 'cs-skills/x' }, sort: 'title' as const };
    const q = toFilterQuery(state);
    expect(q).toBe('?phase=onboarding&touch=high&element=cs-skills%2Fx&sort=title');
    expect(parseFilterQuery(q)).toEqual(state);
    expect(toFilterQuery({ filters: {}, sort: 'phase' })).toBe('');
    expect(parseFilterQuery('?sort=evil&nonsense=1')).toEqual({ filters: {}, sort: 'phase' });
  });
  it('matches single and multi-valued facets', () => {
    expect(matches(all[2], { touch: 'low' })).toBe(true);
    expect(matches(all[2], { touch: 'tech' })).toBe(false);
    expect(matches(all[0], { phase: 'onboarding', type: 'lifecycle' })).toBe(true);
  });
  it('filters and sorts', () => {
    expect(applyFilters(all, { filters: { phase: 'onboarding' }, sort: 'title' }, byTitle)).toEqual([
      'kickoff',
      'nurture',
    ]);
    expect(applyFilters(all, { filters: { touch: 'high' }, sort: 'phase' }, byTitle)).toEqual([
      'kickoff',
      'triage',
      'advocacy',
    ]);
    expect(applyFilters(all, { filters: {}, sort: 'reviewed' }, byTitle)).toEqual([
      'triage',
      'kickoff',
      'nurture',
      'advocacy',
    ]);
    expect(applyFilters(all, { filters: { owner: 'nobody' }, sort: 'phase' }, byTitle)).toEqual([]);
  });
  it('counts what each option would leave, given the other filters', () => {
    const c = facetCounts(all, { touch: 'high' });
    expect(c.phase).toEqual({ onboarding: 1, renewal: 1, advocacy: 1 });
    expect(c.touch).toEqual({ high: 3, tech: 1, low: 1 });
  });
});
