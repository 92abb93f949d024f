/**
 * The props of the skill islands (self-assessment, team review): what they need from the content, in
 * one language, as plain JSON: frameworks (with their hash), roles with expectations, and the
 * playbooks and onboarding items that train each element. Pure.
 */
import type { ContentSet } from '../content/check.ts';
import { tx, txList, type Locale } from '../../i18n/locales.ts';
import { frameworkHash } from './framework-hash.ts';
import { localePath } from '../urls.ts';
import { resolveTarget } from '../content/links.ts';

export interface ClientElementLevel {
  level: number;
  descriptor: string;
  signals: string[];
}
export interface ClientElement {
  id: string;
  group: string;
  name: string;
  summary: string;
  levels: ClientElementLevel[];
}
export interface ClientFramework {
  id: string;
  version: string;
  hash: string;
  name: string;
  levels: { level: number; name: string; meaning: string; scope: 'individual' | 'organisation' }[];
  groups: { id: string; name: string }[];
  elements: ClientElement[];
}
export interface ClientRole {
  id: string;
  name: string;
  rank: number;
  expected: Record<string, Record<string, number>>;
  next: string[];
}
export interface ClientLink {
  title: string;
  href: string;
  level?: number;
}
export interface ClientData {
  lang: Locale;
  frameworks: ClientFramework[];
  roles: ClientRole[];
  /** key "<framework>/<element>" */
  playbooks: Record<string, ClientLink[]>;
  onboarding: Record<string, ClientLink[]>;
}

export function clientData(c: ContentSet, lang: Locale, base = '/'): ClientData {
  const frameworks = [...c.frameworks.values()]
    .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
    .map(({ id, data: f }) => ({
      id,
      version: f.version,
      hash: frameworkHash(f),
      name: tx(f.name, lang),
      levels: f.levels.map((l) => ({
        level: l.level,
        name: tx(l.name, lang),
        meaning: tx(l.meaning, lang),
        scope: l.scope,
      })),
      groups: f.groups.map((g) => ({ id: g.id, name: tx(g.name, lang) })),
      elements: f.elements.map((e) => ({
        id: e.id,
        group: e.group,
        name: tx(e.name, lang),
        summary: tx(e.summary, lang),
        levels: [...e.levels]
          .sort((a, b) => a.level - b.level)
          .map((l) => ({ level: l.level, descriptor: tx(l.descriptor, lang), signals: txList(l.signals, lang) })),
      })),
    }));
  const roles = [...c.roles.values()]
    .sort((a, b) => a.data.rank - b.data.rank || a.id.localeCompare(b.id))
    .map(({ id, data: r }) => ({
      id,
      name: tx(r.name, lang),
      rank: r.rank,
      expected: Object.fromEntries(r.expectations.map((e) => [e.framework, { ...e.levels }])),
      next: r.next.map((n) => n.role),
    }));
  const playbooks: Record<string, ClientLink[]> = {};
  for (const p of c.playbooks.values()) {
    const target = resolveTarget(c, 'playbook', p.id)!;
    for (const t of p.data.trains) {
      const key = `${t.framework}/${t.element}`;
      (playbooks[key] ??= []).push({
        title: tx(target.title, lang),
        href: localePath(lang, target.path, base),
        level: t.level,
      });
    }
  }
  for (const list of Object.values(playbooks))
    list.sort((a, b) => (a.level ?? 0) - (b.level ?? 0) || a.title.localeCompare(b.title));
  const onboarding: Record<string, ClientLink[]> = {};
  for (const t of c.onboarding.values())
    for (const s of t.data.sections)
      for (const it of s.items)
        if (it.kind === 'element' && it.ref) {
          const title = it.title ?? resolveTarget(c, 'element', it.ref)?.title;
          (onboarding[it.ref] ??= []).push({
            title: `${tx(s.name, lang)}: ${tx(title, lang)}`,
            href: localePath(lang, `/onboarding/${t.id}/#item-${it.id}`, base),
          });
        }
  return { lang, frameworks, roles, playbooks, onboarding };
}
