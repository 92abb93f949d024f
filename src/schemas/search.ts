import { z } from 'astro/zod';

/** The page types search knows, as in search document ids `<type>:<id>` (see lib/search/documents.ts). */
export const SEARCH_TARGET_TYPES = [
  'playbook',
  'journey',
  'element',
  'framework',
  'role',
  'onboarding',
  'glossary',
  'health-model',
] as const;
export type SearchTargetType = (typeof SEARCH_TARGET_TYPES)[number];

const Word = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'is too long for a search word (80 characters at most)');

/** A page search can point at: `playbook:red-account-triage`, `glossary:churn`, `element:cs-skills/customer-health`. */
export const SearchTarget = z
  .string()
  .regex(
    new RegExp(`^(${SEARCH_TARGET_TYPES.join('|')}):[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?$`),
    `must be written <type>:<id>, with type one of ${SEARCH_TARGET_TYPES.join(', ')} (e.g. playbook:kickoff)`,
  );

/**
 * content/search/*.yaml: the everyday words people search with, beside the glossary's own names.
 * - `groups`: words that mean the same thing for search, in any language (each finds the others,
 *   ranked a little below the word itself), e.g. [アップセル, エクスパンション, upsell, expansion].
 * - `intents`: what people type when they need to act ("解約したい", "customer wants to cancel"),
 *   and the pages that answer it, best first. A query containing a phrase ranks those pages first
 *   (after an exact name match) and says why.
 */
export const SearchSynonyms = z
  .object({
    groups: z.array(z.array(Word).min(2, 'a group needs at least two words')).default([]),
    intents: z
      .array(
        z
          .object({
            phrases: z.array(Word).min(1, 'at least one phrase is required'),
            pages: z.array(SearchTarget).min(1, 'at least one page is required'),
            note: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type SearchSynonyms = z.infer<typeof SearchSynonyms>;
