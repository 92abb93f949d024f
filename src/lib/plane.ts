/**
 * The CS Ops plane (lifecycle phases × CS Ops layers): how many playbooks cover each cell, and a
 * member's marked position, kept in the browser. Pure.
 */
import { LAYERS, PHASES, type Layer, type Phase } from '../schemas/patterns.ts';

export type PlaneCounts = Record<Phase, Record<Layer, number>>;

export function planeCounts(playbooks: { phase: Phase; layers: Layer[] }[]): PlaneCounts {
  const out = Object.fromEntries(PHASES.map((p) => [p, Object.fromEntries(LAYERS.map((l) => [l, 0]))])) as PlaneCounts;
  for (const pb of playbooks) for (const l of new Set(pb.layers)) out[pb.phase][l]++;
  return out;
}

export const POSITION_KEY = 'banso:plane-position';
const FORMAT = 1;

export function cellId(phase: Phase, layer: Layer): string {
  return `${phase}/${layer}`;
}

/** Saved cells; anything unreadable or unknown is dropped (never throws). */
export function parsePosition(raw: string | null): Set<string> {
  if (!raw) return new Set();
  try {
    const v = JSON.parse(raw) as { format?: unknown; cells?: unknown };
    if (v?.format !== FORMAT || !Array.isArray(v.cells)) return new Set();
    const valid = new Set(PHASES.flatMap((p) => LAYERS.map((l) => cellId(p, l))));
    return new Set(v.cells.filter((c): c is string => typeof c === 'string' && valid.has(c)));
  } catch {
    return new Set();
  }
}

/** Strict reading for storage (a KeptStorage parser): unknown cells make the value unreadable, so it is set aside, not overwritten. */
export function readPosition(raw: string): { ok: true; value: Set<string> } | { ok: false; problems: string[] } {
  let v: { format?: unknown; cells?: unknown } | null;
  try {
    v = JSON.parse(raw) as { format?: unknown; cells?: unknown } | null;
  } catch {
    return { ok: false, problems: ['not-json'] };
  }
  const valid = new Set(PHASES.flatMap((p) => LAYERS.map((l) => cellId(p, l))));
  if (v?.format !== FORMAT || !Array.isArray(v.cells) || !v.cells.every((c) => typeof c === 'string' && valid.has(c)))
    return { ok: false, problems: ['wrong-format'] };
  return { ok: true, value: new Set(v.cells as string[]) };
}

export function serialisePosition(cells: Set<string>): string {
  return JSON.stringify({ format: FORMAT, cells: [...cells].sort() });
}

/** How wide a position is: phases (time axis) and layers (space axis) it spans. */
export function positionSpan(cells: Set<string>): { phases: number; layers: number } {
  const phases = new Set<string>();
  const layers = new Set<string>();
  for (const c of cells) {
    const [p, l] = c.split('/');
    phases.add(p);
    layers.add(l);
  }
  return { phases: phases.size, layers: layers.size };
}
