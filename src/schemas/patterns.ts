/** Plain patterns shared by the full-zod content schemas and the zod/mini file schemas (no zod here). */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MESSAGE = 'must be lower-case letters, digits and dashes (e.g. "risk-escalation")';

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
