/** Static facts of a health model: % contributions of weights and band ranges. Pure. */
import type { HealthModel } from '../../schemas/health.ts';

/** Each measure's share of the total score when every measure has data: group share × share in group. */
export function weightShares(m: {
  groups: readonly { id: string; weight: number }[];
  measures: readonly { id: string; group: string; weight: number }[];
}): Map<string, number> {
  const groupTotal = m.groups.reduce((s, g) => s + g.weight, 0);
  const out = new Map<string, number>();
  for (const g of m.groups) {
    const ms = m.measures.filter((x) => x.group === g.id);
    const inGroup = ms.reduce((s, x) => s + x.weight, 0);
    for (const x of ms) out.set(x.id, (g.weight / groupTotal) * (x.weight / inGroup));
  }
  return out;
}

/** Each group's share of the total score. */
export function groupShares(m: Pick<HealthModel, 'groups' | 'measures'>): Map<string, number> {
  const used = m.groups.filter((g) => m.measures.some((x) => x.group === g.id));
  const total = used.reduce((s, g) => s + g.weight, 0);
  return new Map(used.map((g) => [g.id, g.weight / total]));
}

/** Human score range of each band: "0–49", "50–74", "75–100" (integer bounds when the mins are integers). */
export function bandRanges(m: Pick<HealthModel, 'bands'>): { min: number; max: number; label: string }[] {
  return m.bands.map((b, i) => {
    const next = m.bands[i + 1];
    const max = next ? (Number.isInteger(next.min) ? next.min - 1 : next.min) : 100;
    return { min: b.min, max, label: `${b.min}–${next && !Number.isInteger(next.min) ? `<${next.min}` : max}` };
  });
}
