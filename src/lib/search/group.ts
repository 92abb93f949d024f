/** Search results grouped by type, in a fixed order, keeping each group's best-first order. Pure. */
import type { SearchResult } from './query.ts';

export const TYPE_ORDER = ['playbook', 'glossary', 'element', 'journey', 'onboarding', 'role', 'framework', 'health-model'] as const;

export function groupResults(results: SearchResult[]): { type: string; results: SearchResult[] }[] {
  const by = new Map<string, SearchResult[]>();
  for (const r of results) {
    if (!by.has(r.doc.type)) by.set(r.doc.type, []);
    by.get(r.doc.type)!.push(r);
  }
  const order = [...TYPE_ORDER, ...[...by.keys()].filter((k) => !(TYPE_ORDER as readonly string[]).includes(k))];
  return order.filter((t) => by.has(t)).map((type) => ({ type, results: by.get(type)! }));
}
