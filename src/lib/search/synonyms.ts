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

/** Already clean: one lower-case Latin word, or one Japanese run (what splitUnits gives). */
const CLEAN_UNIT = /^(?:[a-z0-9]+|[\u3041-\u3096\u309d-\u30ff\u4e00-\u9fa0\u3005\u3006]+)$/;

function clean(s: string): string {
  return CLEAN_UNIT.test(s) ? s : normaliseText(s).replace(/\s+/g, ' ').trim();
}

/** The names a glossary term goes by, lower-cased and de-duplicated. */
export function glossarySynonyms(term: GlossaryTerm): SynonymGroup {
  const names = [term.term.en, term.term.ja, term.abbreviation, ...term.aliases.en, ...term.aliases.ja];
  return [
    ...new Set(
      names
        .filter((n): n is string => !!n)
        .map(clean)
        .filter((n) => splitUnits(n).length > 0),
    ),
  ];
}

/** Synonym groups of a glossary (a content Map or any list of terms). */
export function buildSynonymGroups(
  glossary: Iterable<GlossaryTerm> | Map<string, { data: GlossaryTerm }>,
): SynonymGroup[] {
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

/** A member's words, with where it sits in its group. */
interface Member {
  group: number;
  member: number;
  units: string[];
}

/**
 * Members of a list of groups, looked up by their first word; one-word Japanese members of two or
 * more characters also in a list of their own (they match inside a longer run). Made once per list.
 */
interface MemberLookup {
  byFirst: Map<string, Member[]>;
  jaWords: Member[];
}

const lookups = new WeakMap<SynonymGroup[], MemberLookup>();

/** Builds the lookup of `groups` now (it is otherwise built at their first use), once per list. */
export function prepareSynonyms(groups: SynonymGroup[]): void {
  lookupOf(groups);
}

function lookupOf(groups: SynonymGroup[]): MemberLookup {
  let l = lookups.get(groups);
  if (!l) {
    l = { byFirst: new Map(), jaWords: [] };
    for (let gi = 0; gi < groups.length; gi++)
      for (let mi = 0; mi < groups[gi].length; mi++) {
        const units = splitUnits(groups[gi][mi]).map((u) => u.text);
        if (units.length === 0) continue;
        const m: Member = { group: gi, member: mi, units };
        const list = l.byFirst.get(units[0]);
        if (list) list.push(m);
        else l.byFirst.set(units[0], [m]);
        if (units.length === 1 && units[0].length >= 2 && isJapaneseWord(units[0])) l.jaWords.push(m);
      }
    lookups.set(groups, l);
  }
  return l;
}

/**
 * Find group members in a query. `terms` are the query's words in order: Latin words and
 * unspaced Japanese runs (as `splitUnits` cuts them). A member matches when its words appear in a
 * row in the query; a one-word Japanese member (2+ characters) also matches inside a longer
 * Japanese run ("解約" in "解約率"), since Japanese has no spaces to wait for. Each member is
 * reported once (where it first occurs), in the order of the groups and their members.
 */
export function findSynonyms(terms: string[], groups: SynonymGroup[]): SynonymMatch[] {
  const q = terms.map((t) => clean(t));
  const { byFirst, jaWords } = lookupOf(groups);
  const first = new Map<Member, number>();
  const found = (m: Member, i: number) => {
    const at = first.get(m);
    if (at === undefined || i < at) first.set(m, i);
  };
  for (let i = 0; i < q.length; i++) {
    for (const m of byFirst.get(q[i]) ?? []) {
      if (i + m.units.length > q.length) continue;
      let ok = true;
      for (let k = 1; k < m.units.length && ok; k++) ok = q[i + k] === m.units[k];
      if (ok) found(m, i);
    }
    if (jaWords.length && isJapaneseWord(q[i])) for (const m of jaWords) if (q[i].includes(m.units[0])) found(m, i);
  }
  return [...first]
    .sort(([a], [b]) => a.group - b.group || a.member - b.member)
    .map(([m, i]) => ({
      group: m.group,
      member: groups[m.group][m.member],
      from: i,
      to: i + m.units.length - 1,
      synonyms: groups[m.group].filter((_, x) => x !== m.member),
    }));
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
