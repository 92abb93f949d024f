/** Plain facts about a set of ratings, for the chart's text summary. Pure. */
import type { Assessment } from '../../schemas/assessment.ts';

/** Element id → level, from an assessment's ratings. */
export function ratingsOf(a: Pick<Assessment, 'ratings'>): Record<string, number> {
  return Object.fromEntries(Object.entries(a.ratings).map(([k, v]) => [k, v.level]));
}

export function summariseRatings(fw: { elements: { id: string; name: string }[] }, ratings: Record<string, number>) {
  const rated = fw.elements.filter((e) => ratings[e.id] !== undefined);
  const total = fw.elements.length;
  const average = rated.length ? rated.reduce((s, e) => s + ratings[e.id], 0) / rated.length : 0;
  let strongest: { name: string; level: number } | undefined;
  for (const e of rated)
    if (!strongest || ratings[e.id] > strongest.level) strongest = { name: e.name, level: ratings[e.id] };
  return { rated: rated.length, total, average, strongest };
}
