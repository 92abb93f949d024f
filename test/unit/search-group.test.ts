import { describe, expect, it } from 'vitest';
import { groupResults } from '../../src/lib/search/group.ts';
import type { SearchResult } from '../../src/lib/search/query.ts';

const r = (id: string, type: string, score: number): SearchResult => ({ doc: { id, type: type as never, path: `/${id}/`, title: id, text: '' }, score, matched: [] });

describe('search result groups', () => {
  it('groups by type in a fixed order and keeps the ranking inside each group', () => {
    const groups = groupResults([r('g1', 'glossary', 9), r('p1', 'playbook', 8), r('g2', 'glossary', 7), r('x', 'custom', 6), r('p2', 'playbook', 5)]);
    expect(groups.map((g) => g.type)).toEqual(['playbook', 'glossary', 'custom']);
    expect(groups[0].results.map((x) => x.doc.id)).toEqual(['p1', 'p2']);
    expect(groups[1].results.map((x) => x.doc.id)).toEqual(['g1', 'g2']);
    expect(groupResults([])).toEqual([]);
  });
});
