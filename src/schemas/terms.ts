import { z } from 'astro/zod';

/** The Japanese term sheet (content/terms.yml): prh's rule format, read by textlint-rule-prh. */
export const TERM_SHEET = 'content/terms.yml';

const Pattern = z.string().trim().min(1);
export const TermRule = z.object({
  /** The one spelling to use. May use $1… when a pattern is a /regular expression/. */
  expected: z.string().trim().min(1),
  /** Spellings to replace: words, or /regular expressions/. */
  patterns: z.array(Pattern).min(1),
  /** Examples prh checks the rule against (from → to). */
  specs: z.array(z.object({ from: z.string().min(1), to: z.string().min(1) })).optional(),
});
export const TermSheet = z.object({
  version: z.literal(1),
  rules: z.array(TermRule).min(1),
});
export type TermSheet = z.infer<typeof TermSheet>;
