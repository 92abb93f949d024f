import { z } from 'astro/zod';
import { Id, LText, Stewardship } from './common.ts';

/**
 * A reference to a policy inside any text of the content (Markdown bodies, front matter and YAML
 * strings): `{{policy:KEY}}`. The build replaces it with the policy's text in the text's language.
 */
export const POLICY_REF_SOURCE = String.raw`\{\{\s*policy:([^{}\s]*)\s*\}\}`;
/** A fresh global RegExp for policy references (global regexps carry state: never share one). */
export const policyRefRegExp = (): RegExp => new RegExp(POLICY_REF_SOURCE, 'g');

/**
 * Names of values a policy's text can use as `{name}`; in English also `{name|words}` ("two" instead
 * of 2) and `{name|plural:business day}` ("1 business day", "2 business days").
 */
const ValueName = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'value names are lower camelCase words, e.g. "days"');
const PLACEHOLDER = /\{([a-z][a-zA-Z0-9]*)(?:\|(words|plural:[^{}|]+))?\}/g;

const text = z.string().trim().min(1);

/**
 * One rule stated once: the key content refers to, its values and the sentence fragment pages show,
 * in English and Japanese (both required: a policy is shown on pages of both languages).
 */
export const Policy = z
  .object({
    key: Id,
    /** What the rule governs, for the policy list and the content report. */
    name: LText,
    /** The numbers (or words) of the rule. The texts show them with {name} placeholders. */
    values: z.record(ValueName, z.union([z.number(), text])).default({}),
    /**
     * For rules that set a playbook step's timing: the step's `day` (relative to the playbook's
     * trigger). A step that names this policy (`policy: KEY`) must have this day.
     */
    day: z.number().int().min(-365).max(730).optional(),
    text: z.object({ en: text, ja: text }),
    /**
     * Words of the rule's topic in each language (matched case-insensitively). A sentence of the
     * content that has one of them and one of the policy's numbers with its unit restates the policy
     * instead of referring to it (see src/lib/content/policy-restated.ts).
     */
    topics: z.object({ en: z.array(text).min(1), ja: z.array(text).min(1) }).optional(),
  })
  .superRefine((p, ctx) => {
    for (const lang of ['en', 'ja'] as const) {
      for (const m of p.text[lang].matchAll(PLACEHOLDER)) {
        if (!(m[1] in p.values))
          ctx.addIssue({
            code: 'custom',
            path: ['text', lang],
            message: `uses {${m[1]}} but the policy has no value "${m[1]}" (values: ${Object.keys(p.values).join(', ') || 'none'})`,
          });
        if (m[2] && typeof p.values[m[1]] !== 'number')
          ctx.addIssue({ code: 'custom', path: ['text', lang], message: `{${m[1]}|${m[2]}} needs a number value` });
      }
    }
  });
export type Policy = z.infer<typeof Policy>;

/** A policy file (content/policies/<group>.yaml): related policies with one owner. */
export const PolicyGroup = z.object({
  title: LText,
  policies: z.array(Policy).min(1),
  ...Stewardship,
});
export type PolicyGroup = z.infer<typeof PolicyGroup>;

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** The policy's text in one language, with its values filled in. */
export function policyText(p: Pick<Policy, 'values' | 'text'>, lang: 'en' | 'ja'): string {
  return p.text[lang].replace(PLACEHOLDER, (_, name: string, fmt?: string) => {
    const v = p.values[name];
    if (fmt?.startsWith('plural:')) {
      const unit = fmt.slice('plural:'.length);
      return lang === 'en' && v !== 1 ? `${v} ${unit}s` : `${v} ${unit}`;
    }
    if (fmt === 'words' && typeof v === 'number' && lang === 'en' && Number.isInteger(v) && v >= 0 && v < WORDS.length)
      return WORDS[v];
    return String(v);
  });
}
