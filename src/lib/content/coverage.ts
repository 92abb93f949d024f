/**
 * Japanese translation coverage per collection, for the content report. An entry counts as
 * translated when every localised field ({ en, ja }) has its Japanese text (lists: as many entries
 * as in English); a playbook when its Japanese file translates every field. Pure.
 */
import type { ContentSet } from './check.ts';
import { localisePlaybook } from './playbook.ts';

export interface TranslationCoverage {
  collection: string;
  entries: number;
  translated: number;
  /** Whole percent of entries translated (100 when the collection is empty). */
  percent: number;
  /** Entries not (fully) translated, with the first field missing Japanese. */
  missing: { file: string; path: string }[];
}

/** The first localised field without Japanese, or undefined when all have it. */
export function firstUntranslated(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const r = firstUntranslated(value[i], `${path}[${i}]`);
      if (r) return r;
    }
    return undefined;
  }
  if (!value || typeof value !== 'object' || value instanceof Date) return undefined;
  const o = value as Record<string, unknown>;
  const isText = typeof o.en === 'string';
  const isList = Array.isArray(o.en) && o.en.every((x) => typeof x === 'string');
  if (isText || isList) {
    const ok = isText ? typeof o.ja === 'string' && o.ja.trim() !== '' : Array.isArray(o.ja) && o.ja.length === (o.en as unknown[]).length;
    // An empty English list (e.g. glossary aliases) needs no Japanese.
    if (isList && (o.en as unknown[]).length === 0) return undefined;
    return ok ? undefined : `${path}.ja`.replace(/^\./, '');
  }
  for (const [k, v] of Object.entries(o)) {
    // Aliases are each language's own other names (search synonyms), and a policy's topics each
    // language's own topic words: not translations of each other.
    if (k === 'aliases' || k === 'csvAliases' || k === 'topics') continue;
    const r = firstUntranslated(v, path ? `${path}.${k}` : k);
    if (r) return r;
  }
  return undefined;
}

const pct = (n: number, d: number) => (d === 0 ? 100 : Math.floor((n / d) * 1000) / 10);

export function translationCoverage(c: ContentSet): TranslationCoverage[] {
  const out: TranslationCoverage[] = [];
  const yaml = (collection: string, entries: { file: string; data: unknown }[]) => {
    const missing = entries.map((e) => ({ file: e.file, path: firstUntranslated(e.data) })).filter((m): m is { file: string; path: string } => m.path !== undefined);
    out.push({ collection, entries: entries.length, translated: entries.length - missing.length, percent: pct(entries.length - missing.length, entries.length), missing });
  };
  const ja = c.playbookTranslations.get('ja');
  const pbMissing = [...c.playbooks.values()]
    .filter((p) => localisePlaybook(p.data, ja?.get(p.id)?.data).untranslated)
    .map((p) => ({ file: p.file, path: ja?.has(p.id) ? '(translation incomplete)' : `(no content/playbooks/ja/${p.id}.md)` }));
  out.push({ collection: 'playbooks', entries: c.playbooks.size, translated: c.playbooks.size - pbMissing.length, percent: pct(c.playbooks.size - pbMissing.length, c.playbooks.size), missing: pbMissing });
  yaml('journeys', [...c.journeys.values()]);
  yaml('healthModels', [...c.healthModels.values()]);
  yaml('roles', [...c.roles.values()]);
  yaml('glossary', [...c.glossary.values()]);
  yaml('frameworks', [...c.frameworks.values()]);
  yaml('onboarding', [...c.onboarding.values()]);
  yaml('policies', [...c.policies.values()]);
  return out;
}

/** Ratings in the latest snapshot of each team member without evidence (the matrix asks for it). */
export function ratingsWithoutEvidence(c: ContentSet): { file: string; date: string; elements: string[] }[] {
  const out: { file: string; date: string; elements: string[] }[] = [];
  for (const m of c.team.values()) {
    const latest = [...m.data.snapshots].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
    if (!latest) continue;
    const missing = Object.keys(latest.levels).filter((el) => !latest.evidence?.[el]);
    if (missing.length) out.push({ file: m.file, date: latest.date, elements: missing });
  }
  return out;
}
