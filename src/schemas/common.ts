/**
 * Shared building blocks for every content shape. Pure zod (through astro/zod) so the same
 * schemas run in the Astro build, in Node scripts, in tests and in the browser.
 */
import { z } from 'astro/zod';
import { ID_MESSAGE, ID_PATTERN, isRealIsoDate, LAYERS, PHASES, TOUCHES } from './patterns.ts';

export { ID_MESSAGE, ID_PATTERN, isRealIsoDate, LAYERS, PHASES, TOUCHES };

/** A slug-like id: lower-case letters, digits and dashes. */
export const Id = z.string().regex(ID_PATTERN, ID_MESSAGE);

/** Localised text. English is required; Japanese may be missing (English is shown with a notice). */
export const LText = z.object({
  en: z.string().trim().min(1, 'English text is required'),
  ja: z.string().trim().min(1).optional(),
});
export type LText = z.infer<typeof LText>;

/** Localised list of short texts. */
export const LList = z.object({
  en: z.array(z.string().trim().min(1)).min(1, 'at least one English entry is required'),
  ja: z.array(z.string().trim().min(1)).optional(),
});
export type LList = z.infer<typeof LList>;

/** Calendar date written as YYYY-MM-DD in YAML (YAML may already parse it to a Date). */
export const IsoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
    .refine(isRealIsoDate, 'is not a real calendar date'),
);

/** Who keeps a piece of content fresh, and when it was last checked. */
export const Stewardship = {
  owner: z.string().trim().min(1, 'name the person or team who owns this content').optional(),
  reviewed: IsoDate.optional(),
  /** Days after `reviewed` when the content is due for review again. */
  reviewEvery: z.number().int().positive().max(1000).default(180),
};

export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

export const Layer = z.enum(LAYERS);
export type Layer = z.infer<typeof Layer>;

export const Touch = z.enum(TOUCHES);
export type Touch = z.infer<typeof Touch>;
