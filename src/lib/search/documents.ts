/**
 * One search document per content page, in one language. Pure: takes the checked content set.
 * Fields are indexed with different weights (see index-build.ts): title, terms (names,
 * abbreviations, aliases), summary and body; `text` is a short excerpt kept for result snippets.
 */
import type { ContentSet } from '../content/check.ts';
import { resolveTarget } from '../content/links.ts';
import { tx, txList, type Locale } from '../../i18n/locales.ts';
import type { LText } from '../../schemas/common.ts';
import type { GlossaryTerm } from '../../schemas/glossary.ts';
import type { SearchTargetType } from '../../schemas/search.ts';
import { glossarySynonyms } from './synonyms.ts';

export interface SearchDoc {
  /** `<type>:<id>`, e.g. "playbook:kickoff", "element:cs-skills/customer-health". */
  id: string;
  type: SearchTargetType;
  /** Site path without locale or base, e.g. "/playbooks/kickoff/". */
  path: string;
  title: string;
  /** Plain-text excerpt for result snippets: at most TEXT_MAX columns (a Japanese character is two). */
  text: string;
  /** Names, abbreviations and aliases (indexed with a high boost). */
  terms: string[];
  summary: string;
  /** Everything else, Markdown stripped. */
  body: string;
  /** Glossary terms only: the lower-cased equivalent names (term in both languages, abbreviation, aliases). */
  synonyms?: string[];
  /** True when a non-English site shows this page in English (no translation yet). */
  untranslated?: boolean;
}

/** Width of `text` in columns: 600 Latin characters, or 300 Japanese ones. */
export const TEXT_MAX = 280;

/** Markdown → plain text: keeps the words, drops the markup. */
export function stripMarkdown(md: string): string {
  return md
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^\s{0,3}(```|~~~).*$/gm, ' ')
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/^\s{0,3}\[[^\]]+\]:\s+\S+.*$/gm, ' ')
    .replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/gm, '$1.')
    .replace(/^\s{0,3}(?:[-*_]\s*){3,}$/gm, ' ')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/gm, '')
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, ' ')
    .replace(/\|/g, ' ')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/\*+/g, '')
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Join non-empty pieces of text into one string. */
function join(parts: (string | undefined)[], sep = ' '): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join(sep);
}

/** Display width of a character: CJK, kana and full-width forms take two columns. */
function width(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
    ? 2
    : 1;
}

/**
 * The start of a text, at most `max` columns wide (Japanese characters count two, so a Japanese
 * excerpt holds about as much as an English one), cut at a space when one is near, with "…".
 */
export function excerpt(text: string, max = TEXT_MAX): string {
  const t = text.replace(/\s+/g, ' ').trim();
  let cols = 0;
  let end = 0;
  for (const ch of t) {
    const w = width(ch);
    if (cols + w > max - 1) break;
    cols += w;
    end += ch.length;
  }
  if (end >= t.length) return t;
  let cut = t.slice(0, end);
  const space = cut.lastIndexOf(' ');
  if (space > end * 0.7) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:、。·-]+$/, '')}…`;
}

function doc(
  type: SearchTargetType,
  ref: string,
  path: string,
  fields: { title: string; terms?: string[]; summary?: string; body?: string[]; textLead?: string },
): SearchDoc {
  const summary = fields.summary ?? '';
  const body = join(fields.body ?? []);
  return {
    id: `${type}:${ref}`,
    type,
    path,
    title: fields.title,
    text: excerpt(join([fields.textLead ?? summary, body])),
    terms: (fields.terms ?? []).filter((t) => t.trim() !== ''),
    summary,
    body,
  };
}

const l = (t: LText | undefined, lang: Locale) => (t ? tx(t, lang) : '');

/** Every name a glossary term goes by, both languages (for the terms field). */
function glossaryNames(g: GlossaryTerm): string[] {
  const names = [g.term.en, g.term.ja, g.reading, g.abbreviation, ...g.aliases.en, ...g.aliases.ja];
  return [...new Set(names.filter((n): n is string => !!n && n.trim() !== ''))];
}

export function buildDocuments(content: ContentSet, lang: Locale): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const translations = lang === 'en' ? undefined : content.playbookTranslations.get(lang);

  for (const p of content.playbooks.values()) {
    if (p.data.draft) continue;
    const en = p.data;
    const tr = translations?.get(p.id);
    const t = tr?.data;
    const pick = <T>(translated: T | undefined, original: T): T => (translated !== undefined ? translated : original);
    const steps = en.steps.map((s, i) =>
      join([pick(t?.steps?.[i]?.title, s.title), pick(t?.steps?.[i]?.detail, s.detail)]),
    );
    const path = resolveTarget(content, 'playbook', p.id)?.path ?? `/playbooks/${p.id}/`;
    const summary = pick(t?.summary, en.summary);
    const body = stripMarkdown((tr?.body?.trim() ? tr.body : p.body) ?? '');
    const pd = doc('playbook', p.id, path, {
      title: pick(t?.title, en.title),
      summary,
      body: [
        pick(t?.trigger?.description, en.trigger.description),
        pick(t?.objective, en.objective),
        ...steps,
        ...pick(t?.exitCriteria, en.exitCriteria),
        ...pick(t?.metrics, en.metrics),
        body,
      ],
      textLead: join([summary, body]),
    });
    if (lang !== 'en' && !t) pd.untranslated = true;
    docs.push(pd);
  }

  for (const j of content.journeys.values()) {
    const d = j.data;
    docs.push(
      doc('journey', j.id, resolveTarget(content, 'journey', j.id)?.path ?? `/journeys/${j.id}/`, {
        title: l(d.name, lang),
        terms: d.stages.map((s) => l(s.name, lang)),
        summary: l(d.summary, lang),
        body: [l(d.segment, lang), ...d.stages.map((s) => join([l(s.name, lang), l(s.customerGoal, lang)]))],
      }),
    );
  }

  for (const fw of content.frameworks.values()) {
    for (const e of fw.data.elements) {
      const ref = `${fw.id}/${e.id}`;
      docs.push(
        doc('element', ref, resolveTarget(content, 'element', ref)?.path ?? `/skills/${fw.id}/${e.id}/`, {
          title: l(e.name, lang),
          summary: l(e.summary, lang),
          body: e.levels.flatMap((lv) => [l(lv.descriptor, lang), ...txList(lv.signals, lang)]),
        }),
      );
    }
    const d = fw.data;
    docs.push(
      doc('framework', fw.id, `/skills/${fw.id}/`, {
        title: l(d.name, lang),
        summary: l(d.description, lang) || l(d.source, lang),
        body: [
          ...d.levels.map((lv) => join([l(lv.name, lang), l(lv.meaning, lang)])),
          ...d.groups.map((g) => join([l(g.name, lang), l(g.tagline, lang)])),
          d.elements.map((e) => l(e.name, lang)).join(', '),
        ],
      }),
    );
  }

  for (const r of content.roles.values()) {
    const d = r.data;
    docs.push(
      doc('role', r.id, resolveTarget(content, 'role', r.id)?.path ?? `/roles/${r.id}/`, {
        title: l(d.name, lang),
        summary: l(d.summary, lang),
        body: txList(d.responsibilities, lang),
      }),
    );
  }

  for (const t of content.onboarding.values()) {
    const d = t.data;
    docs.push(
      doc('onboarding', t.id, `/onboarding/${t.id}/`, {
        title: l(d.name, lang),
        summary: l(d.summary, lang),
        body: d.sections.flatMap((s) => [
          l(s.name, lang),
          l(s.goal, lang),
          ...s.items.map((it) => join([l(it.title, lang), l(it.note, lang)])),
        ]),
      }),
    );
  }

  for (const g of content.glossary.values()) {
    const d = g.data;
    const gd = doc('glossary', g.id, resolveTarget(content, 'glossary', g.id)?.path ?? `/glossary/${g.id}/`, {
      title: l(d.term, lang),
      terms: glossaryNames(d),
      summary: l(d.definition, lang),
    });
    gd.synonyms = glossarySynonyms(d);
    docs.push(gd);
  }

  for (const m of content.healthModels.values()) {
    const d = m.data;
    docs.push(
      doc('health-model', m.id, resolveTarget(content, 'health-model', m.id)?.path ?? `/health/${m.id}/`, {
        title: l(d.name, lang),
        summary: l(d.summary, lang),
        body: [d.measures.map((x) => l(x.label, lang)).join(', '), d.bands.map((b) => l(b.label, lang)).join(', ')],
      }),
    );
  }

  return docs;
}
