import { z } from 'astro/zod';
import { Id, LText } from './common.ts';

export const GLOSSARY_CATEGORIES = [
  'metric',
  'lifecycle',
  'engagement',
  'operations',
  'commercial',
  'general',
] as const;

export const GlossaryTerm = z.object({
  term: LText,
  /** Kana reading of the Japanese term (hiragana or katakana), used for kana-row grouping and sorting. */
  reading: z
    .string()
    .trim()
    .regex(/^[\u3041-\u3096\u30A1-\u30FAー・\s]+$/, 'must be written in kana (hiragana or katakana)')
    .optional(),
  abbreviation: z.string().trim().min(1).optional(),
  category: z.enum(GLOSSARY_CATEGORIES).default('general'),
  definition: LText,
  /** Other names, used as search synonyms (e.g. churn ↔ 解約 ↔ チャーン). */
  aliases: z
    .object({ en: z.array(z.string().min(1)).default([]), ja: z.array(z.string().min(1)).default([]) })
    .default({ en: [], ja: [] }),
  related: z.array(Id).default([]),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;
