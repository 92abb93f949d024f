import { z } from 'astro/zod';
import { Id, LText, Stewardship } from './common.ts';

/** The three career directions of the CS Ops plane, plus a step up the same ladder. */
export const GROWTH_DIRECTIONS = ['up', 'time', 'space', 'product'] as const;
export const GrowthDirection = z.enum(GROWTH_DIRECTIONS);
/** The directions off the ladder, one example role each on the CS Ops plane page (/plane/). */
export const PLANE_DIRECTIONS = ['time', 'space', 'product'] as const;

export const Role = z.object({
  name: LText,
  summary: LText,
  /** Lower comes first in lists and growth-path drawings. */
  rank: z.number().int().min(0).default(0),
  responsibilities: z.object({ en: z.array(z.string().min(1)), ja: z.array(z.string().min(1)).optional() }).optional(),
  /** Expected level per element, per framework. Every element of a listed framework needs a level (0 = not expected). */
  expectations: z
    .array(
      z.object({
        framework: Id,
        levels: z.record(z.string(), z.number().int().min(0)),
      }),
    )
    .min(1),
  /** Roles that can follow this one: the growth-path graph. */
  next: z
    .array(
      z.object({
        role: Id,
        direction: GrowthDirection,
        note: LText.optional(),
      }),
    )
    .default([]),
  /** The CS Ops plane page shows this role as its example of growing in this direction (one role per direction). */
  planeExample: z.enum(PLANE_DIRECTIONS).optional(),
  ...Stewardship,
});
export type Role = z.infer<typeof Role>;
