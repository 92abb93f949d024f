/**
 * Search synonyms from the glossary: each term gives one group of equivalent names (English and
 * Japanese term, abbreviation, English and Japanese aliases), e.g. churn ↔ 解約 ↔ チャーン ↔ attrition.
 * Pure; the groups travel inside the serialised index so the browser expands queries the same way.
 */
import type { GlossaryTerm } from '../../schemas/glossary.ts';
import type { SearchSynonyms } from '../../schemas/search.ts';
import { isJapaneseWord, normaliseText, splitUnits } from './text.ts';

/** One group of equivalent names, normalised (lower-case, width-folded, single spaces). */
export type SynonymGroup = string[];

function clean(s: string): string {
  return normaliseText(s).replace(/\s+/g, ' ').trim();
}

/** The names a glossary term goes by, lower-cased and de-duplicated. */
export function glossarySynonyms(term: GlossaryTerm): SynonymGroup {
  const names = [term.term.en, term.term.ja, term.abbreviation, ...term.aliases.en, ...term.aliases.ja];
  return [...new Set(names.filter((n): n is string => !!n).map(clean).filter((n) => splitUnits(n).length > 0))];
}

/** Synonym groups of a glossary (a content Map or any list of terms). */
export function buildSynonymGroups(glossary: Iterable<GlossaryTerm> | Map<string, { data: GlossaryTerm }>): SynonymGroup[] {
  const terms: GlossaryTerm[] = glossary instanceof Map ? [...glossary.values()].map((e) => e.data) : [...glossary];
  return terms.map(glossarySynonyms).filter((g) => g.length > 1);
}

/** Where a group member was found in the query, and the other members it brings in. */
export interface SynonymMatch {
  group: number;
  member: string;
  /** Indices of the query terms the member covers (from, to inclusive). */
  from: number;
  to: number;
  /** Other members of the group (the member itself excluded). */
  synonyms: string[];
}

const unitCache = new WeakMap<SynonymGroup[], string[][][]>();

function memberUnits(groups: SynonymGroup[]): string[][][] {
  let cached = unitCache.get(groups);
  if (!cached) {
    cached = groups.map((g) => g.map((m) => splitUnits(m).map((u) => u.text)));
    unitCache.set(groups, cached);
  }
  return cached;
}

/**
 * Find group members in a query. `terms` are the query's words in order: Latin words and
 * unspaced Japanese runs (as `splitUnits` cuts them). A member matches when its words appear in a
 * row in the query; a one-word Japanese member (2+ characters) also matches inside a longer
 * Japanese run ("解約" in "解約率"), since Japanese has no spaces to wait for.
 */
export function findSynonyms(terms: string[], groups: SynonymGroup[]): SynonymMatch[] {
  const q = terms.map((t) => clean(t));
  const units = memberUnits(groups);
  const out: SynonymMatch[] = [];
  units.forEach((members, gi) => {
    members.forEach((mu, mi) => {
      if (mu.length === 0) return;
      for (let i = 0; i + mu.length <= q.length; i++) {
        let ok = true;
        for (let k = 0; k < mu.length && ok; k++) {
          const qt = q[i + k];
          const m = mu[k];
          ok = qt === m || (mu.length === 1 && m.length >= 2 && isJapaneseWord(m) && isJapaneseWord(qt) && qt.includes(m));
        }
        if (ok) {
          out.push({ group: gi, member: groups[gi][mi], from: i, to: i + mu.length - 1, synonyms: groups[gi].filter((_, x) => x !== mi) });
          return;
        }
      }
    });
  });
  return out;
}

/**
 * The query terms plus the synonyms of every term (or run of terms) that is a group member,
 * e.g. ["churn"] → ["churn", "チャーン", "attrition", "cancellation", "churn rate", …, "解約", …].
 */
export function expandQueryTerms(terms: string[], groups: SynonymGroup[]): string[] {
  const out = terms.map(clean).filter(Boolean);
  const seen = new Set(out);
  const units = terms.flatMap((t) => splitUnits(t).map((u) => u.text));
  for (const m of findSynonyms(units, groups))
    for (const s of m.synonyms)
      if (!seen.has(s)) {
        seen.add(s);
        out.push(s);
      }
  return out;
}

/** A name as exact matching compares it: normalised words joined by single spaces ("Kick-off!" → "kick off"). */
export function nameKey(text: string): string {
  return splitUnits(text)
    .map((u) => u.text)
    .join(' ');
}

/** content/search's groups, normalised; words without letters or digits dropped. */
export function contentSynonymGroups(files: SearchSynonyms[]): SynonymGroup[] {
  return files
    .flatMap((f) => f.groups)
    .map((g) => [...new Set(g.map(clean).filter((w) => splitUnits(w).length > 0))])
    .filter((g) => g.length > 1);
}

/** An intent: phrases (normalised) and the pages that answer them, as positions in the index's documents, best first. */
export interface Intent {
  phrases: string[];
  docs: number[];
}

/** content/search's intents, with page ids resolved to document positions (unknown pages left out). */
export function intentsOf(files: SearchSynonyms[], docIds: string[]): Intent[] {
  const at = new Map(docIds.map((id, i) => [id, i]));
  return files
    .flatMap((f) => f.intents)
    .map((it) => ({
      phrases: [...new Set(it.phrases.map(clean).filter((w) => splitUnits(w).length > 0))],
      docs: it.pages.map((p) => at.get(p)).filter((i): i is number => i !== undefined),
    }))
    .filter((it) => it.phrases.length > 0 && it.docs.length > 0);
}
