/**
 * Names of our own CS roles in text must be roles that exist (content/roles/). Finds phrases that name
 * a role of the CS organisation ("head of CS", "renewals owner", 「CS部門長」) and reports those that
 * are neither a role's name nor a short form of one listed here. Pure: the caller passes the content.
 */
import type { ContentSet } from './check.ts';
import { contentTexts, type Lang } from './policies.ts';

/** Phrases that look like a role of ours (English: any case; Japanese as written). */
const ROLE_PHRASE: Record<Lang, RegExp> = {
  en: /\b(?:head of (?:customer success|CS(?: Ops)?)|VP of (?:CS|customer success)|CS (?:lead|manager|director)s?|CS[- ]Ops (?:specialist|lead|manager|head)s?|(?:onboarding|implementation|renewals?|adoption|digital CS|scaled CS|low-touch|tech-touch|pooled|customer marketing|business planning|CX|enablement|(?:customer )?success) (?:specialist|owner|lead|manager|team|designer|head|director)s?)\b/giu,
  ja: /(?:CS責任者|CS部門長|CS Ops責任者|CS担当役員|CSリード|CSリーダー|CS Opsスペシャリスト|CXデザイナー|カスタマーマーケティング担当|事業企画担当|シニアCSM|アソシエイトCSM|(?:オンボーディング|更新|リニューアル|デジタルCS|ロータッチ|テックタッチ|アダプション)(?:担当者?|スペシャリスト|チーム|責任者|リード|マネージャー))/gu,
};

/** Short forms of role names used in running text, by role id. A role's own name is accepted too. */
export const ROLE_SHORT_NAMES: Record<string, { en: string[]; ja: string[] }> = {
  'head-of-cs': { en: ['head of CS', 'head of customer success'], ja: ['CS責任者'] },
  'cs-lead': { en: ['CS lead'], ja: ['CSリード'] },
  'cs-ops-specialist': { en: ['CS Ops specialist'], ja: ['CS Opsスペシャリスト'] },
  'cx-designer': { en: ['CX designer'], ja: ['CXデザイナー'] },
  'customer-marketing': { en: ['customer marketing manager'], ja: ['カスタマーマーケティング担当'] },
  'business-planning': { en: ['business planning manager'], ja: ['事業企画担当'] },
  'senior-csm': { en: [], ja: ['シニアCSM'] },
  'associate-csm': { en: [], ja: ['アソシエイトCSM'] },
  csm: { en: ['customer success manager'], ja: [] },
};

const norm = (s: string, lang: Lang) => (lang === 'en' ? s.toLowerCase().replace(/-/g, ' ').replace(/s$/, '') : s);

export interface UnknownRoleName {
  file: string;
  path: string;
  phrase: string;
}

/** Every phrase in the content that names a CS role which is not a role (or a short form of one). */
export function findUnknownRoleNames(c: ContentSet): UnknownRoleName[] {
  const known: Record<Lang, Set<string>> = { en: new Set(), ja: new Set() };
  for (const r of c.roles.values()) {
    known.en.add(norm(r.data.name.en, 'en'));
    if (r.data.name.ja) known.ja.add(r.data.name.ja);
    const short = ROLE_SHORT_NAMES[r.id];
    for (const lang of ['en', 'ja'] as const) for (const n of short?.[lang] ?? []) known[lang].add(norm(n, lang));
  }
  const out: UnknownRoleName[] = [];
  const visit = (file: string, path: string, text: string, lang: Lang) => {
    for (const m of text.matchAll(ROLE_PHRASE[lang])) if (!known[lang].has(norm(m[0], lang))) out.push({ file, path, phrase: m[0] });
  };
  for (const { file, path, text, lang } of contentTexts(c)) visit(file, path, text, lang);
  return out;
}
