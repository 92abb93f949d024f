/** Problems (src/lib/assessment/problems.ts) as the English and Japanese sentences the pages show, and as dotted paths. */
import { en as enDict, ja as jaDict } from '../../src/i18n/ui.ts';
import { translator } from '../../src/i18n/translator.ts';
import { problemTexts, type ProblemContext } from '../../src/lib/assessment/problem-text.ts';
import type { Problem } from '../../src/lib/assessment/problems.ts';

export const tEn = translator(enDict);
export const tJa = translator(jaDict);

export const inEnglish = (list: readonly Problem[] | undefined, ctx?: ProblemContext) => problemTexts(list, tEn, ctx);
export const inJapanese = (list: readonly Problem[] | undefined, ctx?: ProblemContext) => problemTexts(list, tJa, ctx);

/** "ratings.x.level: number-too-small" */
export const dotted = (list: readonly Problem[] | undefined) =>
  (list ?? []).map((p) => `${p.path.join('.')}: ${p.code}`);
