/**
 * The validated content as one ContentSet, from Astro's collections (already parsed by the shared
 * schemas). Pages use this with the pure helpers in src/lib/content.
 */
import { getCollection } from 'astro:content';
import type { ContentSet, Entry } from '../lib/content/check.ts';

let cached: Promise<ContentSet> | undefined;

function toMap<T>(entries: { id: string; data: T; filePath?: string; body?: string }[]): Map<string, Entry<T>> {
  const m = new Map<string, Entry<T>>();
  for (const e of [...entries].sort((a, b) => a.id.localeCompare(b.id)))
    m.set(e.id, { id: e.id, file: e.filePath ?? '', data: e.data, body: e.body });
  return m;
}

export function siteContent(): Promise<ContentSet> {
  cached ??= (async () => {
    const [frameworks, roles, playbooks, translations, journeys, onboarding, glossary, healthModels, team, search] = await Promise.all([
      getCollection('frameworks'), getCollection('roles'), getCollection('playbooks'), getCollection('playbookTranslations'),
      getCollection('journeys'), getCollection('onboarding'), getCollection('glossary'), getCollection('healthModels'),
      getCollection('team'), getCollection('search'),
    ]);
    const byLocale = new Map<string, Map<string, Entry<(typeof translations)[number]['data']>>>();
    for (const t of translations) {
      const [locale, id] = t.id.split('/');
      if (!byLocale.has(locale)) byLocale.set(locale, new Map());
      byLocale.get(locale)!.set(id, { id, file: t.filePath ?? '', data: t.data, body: t.body });
    }
    return {
      frameworks: toMap(frameworks), roles: toMap(roles), playbooks: toMap(playbooks.filter((p) => !p.data.draft || import.meta.env.DEV)),
      playbookTranslations: byLocale, journeys: toMap(journeys), onboarding: toMap(onboarding), glossary: toMap(glossary),
      healthModels: toMap(healthModels), team: toMap(team), search: toMap(search),
    };
  })();
  return cached;
}
