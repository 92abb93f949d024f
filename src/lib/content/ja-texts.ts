/**
 * The Japanese text of the content, as pages show it, for the Japanese style check (textlint): the
 * `ja` strings of every YAML file and of the Japanese playbooks' front matter (policy references
 * resolved, line wraps joined), and the Japanese Markdown bodies (references resolved, lines kept so
 * messages point at the file's own lines). Pure.
 */
import type { ContentSet } from './check.ts';
import { indexPolicies, resolvePolicyRefs, walkStrings } from './policies.ts';
import { joinJapaneseLines } from './japanese.ts';
import { splitFrontMatter } from './check.ts';

export interface JaText {
  file: string;
  /** Field path for YAML strings (e.g. "definition.ja"); "(body)" for a Markdown body. */
  path: string;
  kind: 'text' | 'markdown';
  text: string;
  /** For Markdown bodies: the file line of the body's first line (1-based). */
  firstLine: number;
}

/**
 * Fields whose Japanese strings are not prose: other spellings kept on purpose as search synonyms
 * (glossary aliases, CSV column aliases), ids and names of people.
 */
const NOT_PROSE = [/^aliases\./, /(^|\.)csvAliases\[/, /^reading$/, /^name$/];

export function japaneseTexts(c: ContentSet, sources: Map<string, string>): JaText[] {
  const index = indexPolicies(c);
  const out: JaText[] = [];
  const yamlEntries = [
    ...c.frameworks.values(), ...c.roles.values(), ...c.journeys.values(), ...c.onboarding.values(),
    ...c.glossary.values(), ...c.healthModels.values(), ...c.policies.values(),
  ];
  for (const e of yamlEntries) {
    walkStrings(e.data, 'en', (s, path, lang) => {
      if (lang !== 'ja' || NOT_PROSE.some((re) => re.test(path))) return;
      out.push({ file: e.file, path, kind: 'text', text: joinJapaneseLines(resolvePolicyRefs(s, 'ja', index)), firstLine: 1 });
    });
  }
  for (const [locale, byId] of c.playbookTranslations) {
    if (locale !== 'ja') continue;
    for (const t of byId.values()) {
      walkStrings(t.data, 'ja', (s, path) => {
        if (path === 'translated') return;
        out.push({ file: t.file, path, kind: 'text', text: joinJapaneseLines(resolvePolicyRefs(s, 'ja', index)), firstLine: 1 });
      });
      const src = sources.get(t.file);
      const split = src ? splitFrontMatter(src) : null;
      if (split) {
        const frontLines = split.front.split(/\r?\n/).length;
        out.push({ file: t.file, path: '(body)', kind: 'markdown', text: resolvePolicyRefs(split.body, 'ja', index), firstLine: frontLines + 3 });
      }
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
