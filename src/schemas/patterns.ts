/**
 * Plain patterns and enum values shared by the full-zod content schemas, the zod/mini file schemas and
 * browser scripts. No zod here: importing this from the browser costs a few bytes, not a schema library.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MESSAGE = 'must be lower-case letters, digits and dashes (e.g. "risk-escalation")';

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Customer lifecycle phases (the CS Ops plane's time axis, extended left to pre-sales, right to advocacy). */
export const PHASES = ['presales', 'contract', 'onboarding', 'adoption', 'expansion', 'renewal', 'advocacy'] as const;
/** CS Ops layers (the CS Ops plane's space axis). */
export const LAYERS = ['process', 'content', 'operation', 'system-data'] as const;
/** Touch models by customer value. */
export const TOUCHES = ['high', 'low', 'tech'] as const;
export type Phase = (typeof PHASES)[number];
export type Layer = (typeof LAYERS)[number];
export type Touch = (typeof TOUCHES)[number];
