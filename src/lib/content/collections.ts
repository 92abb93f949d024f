/**
 * The collection registry: the one list of content collections. Each entry says where its files live,
 * their format, the schema that validates them, which pages the site builds from them and the
 * cross-reference checks that schemas cannot express. Everything that handles collections is driven
 * from here: `src/content.config.ts` (Astro collections), `src/lib/content/check.ts` (the content
 * check and its `ContentSet`), `src/data/site.ts` (the content pages read), the layout's navigation
 * (`src/layouts/nav.ts`) and the build test that expects a page per entry (`test/build/pages.test.ts`).
 *
 * Adding a collection is one entry here (see README, "Add a collection"); the schema lives in
 * `src/schemas/`, the pages in `src/pages/[...lang]/`.
 *
 * Pure: no Astro imports, so the Node scripts and the tests use it too.
 */
import type { z } from 'astro/zod';
import {
  Framework, GlossaryTerm, HealthModel, Journey, OnboardingTrack, Playbook, PlaybookTranslation, PLANE_DIRECTIONS, Role, TeamMember,
} from '../../schemas/index.ts';
import { DEFAULT_LOCALE } from '../../i18n/locales.ts';
import { PolicyGroup, policyRefRegExp } from '../../schemas/policy.ts';
import { checkPolicyModels, checkPolicyRefs, checkPolicySteps, indexPolicies } from './policies.ts';
import { SearchSynonyms } from '../../schemas/search.ts';
import { checkSearchSynonyms } from '../search/synonyms-check.ts';
import type { Entry, ContentProblem } from './types.ts';

export type { Entry, ContentProblem, SourceFile } from './types.ts';

/** What reference checks may use: the valid content, and a way to report an unknown id once. */
export interface RefContext {
  content: ContentSet;
  problems: ContentProblem[];
  /**
   * Checks that `id` names an entry of `collection`; reports a problem (listing the known ids) when it
   * does not. An entry whose file exists but failed its own check counts as unknown without a second
   * problem: its file already has one line saying what is wrong (one root cause, one line).
   */
  ref(file: string, path: string, collection: CollectionId, id: string): boolean;
  /** Whether some file of the collection failed its own check (then a collection-wide "none" would be a follow-on). */
  invalidIn(collection: CollectionId): boolean;
  /** Whether a file for this id exists in the collection, valid or not. */
  exists(collection: CollectionId, id: string): boolean;
  /** The same for ids inside an entry (elements of a framework, stages of a journey). */
  refIn(file: string, path: string, kind: string, id: string, known: Iterable<string>, within: string): boolean;
  /** A framework element reference (framework, element and optionally a level on its scale). */
  element(file: string, path: string, framework: string, element: string, level?: number): void;
}

export type Format = 'yaml' | 'md' | 'md-translations';

export interface CollectionDef<S extends z.ZodType = z.ZodType, Sec extends string = string, F extends Format = Format> {
  /** What one entry is called in problem messages ("unknown role …"). */
  entryName: string;
  /** Folder under the project root, e.g. "content/roles". */
  dir: string;
  /**
   * - `yaml`: one `<id>.yaml` (or .yml) per entry;
   * - `md`: one `<id>.md` per entry, YAML front matter + Markdown body;
   * - `md-translations`: `<dir>/<locale>/<id>.md` for every locale but the default one, translating the
   *   entry of the same id; kept as locale → id → entry.
   */
  format: F;
  schema: S;
  /** Ids that would clash with a page beside the entries' pages. */
  reservedIds?: readonly string[];
  /** An entry that is not published (shown only by `astro dev`). */
  isDraft?(data: z.infer<S>): boolean;
  /** Paths of the pages built per entry, relative to a language root (e.g. "roles/csm/"). */
  pages?(entry: Entry<z.infer<S>>): string[];
  /** The collection's index page, when it has one (relative to a language root). */
  indexPage?: string;
  /** The navigation section its pages belong to (highlighted in the header; label: UI key `nav.<section>`). */
  section?: Sec;
  /** Position of the index page in the header navigation (src/layouts/nav.ts); none: not in the navigation. */
  navOrder?: number;
  /** Cross-reference checks for one entry. */
  references?(entry: Entry<z.infer<S>>, ctx: RefContext): void;
  /** Checks across all entries of the collection (e.g. "exactly one entry per …"). */
  checkAll?(entries: Entry<z.infer<S>>[], ctx: RefContext): void;
}

/** Keeps each entry's schema type for its callbacks. */
function collection<S extends z.ZodType, const Sec extends string = never, const F extends Format = Format>(def: CollectionDef<S, Sec, F>): CollectionDef<S, Sec, F> {
  return def;
}

/** Kana or kanji: a Japanese timing label has at least one (a policy reference counts: its text has). */
const JA_TEXT = /[\u3040-\u30FF\u3400-\u9FFF]/;

/** Health model ids that would clash with the pages beside them under /health/. */
const RESERVED_HEALTH_IDS = ['simulator', 'batch'] as const;

export const COLLECTIONS = {
  frameworks: collection({
    entryName: 'framework',
    section: 'skills',
    navOrder: 50,
    dir: 'content/frameworks',
    format: 'yaml',
    schema: Framework,
    indexPage: 'skills/',
    pages: (f) => [`skills/${f.id}/`, ...f.data.elements.map((e) => `skills/${f.id}/${e.id}/`)],
  }),
  roles: collection({
    entryName: 'role',
    section: 'skills',
    dir: 'content/roles',
    format: 'yaml',
    schema: Role,
    indexPage: 'roles/',
    pages: (r) => [`roles/${r.id}/`],
    references: (r, x) => {
      const seenFw = new Set<string>();
      r.data.expectations.forEach((ex, i) => {
        const base = `expectations[${i}]`;
        if (seenFw.has(ex.framework)) x.problems.push({ file: r.file, path: `${base}.framework`, message: `framework "${ex.framework}" is listed twice` });
        seenFw.add(ex.framework);
        if (!x.ref(r.file, `${base}.framework`, 'frameworks', ex.framework)) return;
        const fw = x.content.frameworks.get(ex.framework)!.data;
        const els = new Set(fw.elements.map((e) => e.id));
        for (const [el, lvl] of Object.entries(ex.levels)) {
          x.refIn(r.file, `${base}.levels.${el}`, 'element', el, els, `framework "${ex.framework}"`);
          if (lvl > fw.levels.length) x.problems.push({ file: r.file, path: `${base}.levels.${el}`, message: `level ${lvl} is outside framework "${ex.framework}"'s scale 0..${fw.levels.length}` });
        }
        for (const el of els) if (!(el in ex.levels)) x.problems.push({ file: r.file, path: `${base}.levels.${el}`, message: `no expected level for element "${el}" (use 0 when it is not expected)` });
      });
      r.data.next.forEach((n, i) => {
        x.ref(r.file, `next[${i}].role`, 'roles', n.role);
        if (n.role === r.id) x.problems.push({ file: r.file, path: `next[${i}].role`, message: 'a role cannot lead to itself' });
      });
    },
    checkAll: (roles, x) => {
      // The CS Ops plane page shows one example role per direction.
      for (const d of PLANE_DIRECTIONS) {
        const named = roles.filter((r) => r.data.planeExample === d);
        for (const r of named.slice(1)) x.problems.push({ file: r.file, path: 'planeExample', message: `"${d}" is already the plane example of ${named[0].file}: one role per direction` });
        if (named.length === 0 && roles.length > 0 && !x.invalidIn('roles')) {
          x.problems.push({ file: COLLECTIONS.roles.dir, path: '(collection)', message: `no role has planeExample: ${d}; the CS Ops plane page needs one example role per direction (${PLANE_DIRECTIONS.join(', ')})` });
        }
      }
    },
  }),
  playbooks: collection({
    entryName: 'playbook',
    section: 'playbooks',
    navOrder: 20,
    dir: `content/playbooks/${DEFAULT_LOCALE}`,
    format: 'md',
    schema: Playbook,
    isDraft: (p) => p.draft,
    indexPage: 'playbooks/',
    pages: (p) => [`playbooks/${p.id}/`],
    references: (p, x) => {
      x.ref(p.file, 'ownerRole', 'roles', p.data.ownerRole);
      p.data.steps.forEach((s, i) => {
        x.ref(p.file, `steps[${i}].owner`, 'roles', s.owner);
        if (i > 0 && s.day < p.data.steps[i - 1].day) x.problems.push({ file: p.file, path: `steps[${i}].day`, message: `steps must be in time order: day ${s.day} comes after day ${p.data.steps[i - 1].day}` });
      });
      p.data.trains.forEach((t, i) => x.element(p.file, `trains[${i}]`, t.framework, t.element, t.level));
      p.data.journeyStages.forEach((js, i) => {
        if (!x.ref(p.file, `journeyStages[${i}].journey`, 'journeys', js.journey)) return;
        const stages = x.content.journeys.get(js.journey)!.data.stages.map((s) => s.id);
        x.refIn(p.file, `journeyStages[${i}].stage`, 'stage', js.stage, stages, `journey "${js.journey}"`);
      });
    },
  }),
  /** Translations of playbooks: content/playbooks/<locale>/<id>.md. */
  playbookTranslations: collection({
    entryName: 'playbook translation',
    dir: 'content/playbooks',
    format: 'md-translations',
    schema: PlaybookTranslation,
    references: (t, x) => {
      const en = x.content.playbooks.get(t.id);
      if (!en) {
        // When the English file exists but is invalid, its own line is the root cause: say nothing more.
        if (!x.exists('playbooks', t.id))
          x.problems.push({ file: t.file, path: '(file name)', message: `translates a playbook that does not exist: there is no ${COLLECTIONS.playbooks.dir}/${t.id}.md` });
        return;
      }
      // Step timings are shown in the page's language: every translated step has its own `when`.
      const locale = t.file.slice(COLLECTIONS.playbookTranslations.dir.length + 1).split('/')[0];
      t.data.steps?.forEach((s, i) => {
        if (!en.data.steps[i]?.when) return;
        if (!s.when) x.problems.push({ file: t.file, path: `steps[${i}].when`, message: `is required: translate the English timing "${en.data.steps[i].when}"` });
        else if (locale === 'ja' && !JA_TEXT.test(s.when.replace(policyRefRegExp(), 'あ')))
          x.problems.push({ file: t.file, path: `steps[${i}].when`, message: `"${s.when}" is not Japanese: write the timing in Japanese (e.g. 3営業日以内)` });
      });
      for (const key of ['steps', 'exitCriteria', 'metrics', 'discoveryQuestions'] as const) {
        const tr = t.data[key];
        const orig = en.data[key];
        if (tr && (!orig || tr.length !== orig.length))
          x.problems.push({ file: t.file, path: key, message: `has ${tr.length} entries but the English playbook has ${orig?.length ?? 0}: translate every entry, in the same order` });
      }
    },
  }),
  journeys: collection({
    entryName: 'journey',
    section: 'journeys',
    navOrder: 30,
    dir: 'content/journeys',
    format: 'yaml',
    schema: Journey,
    indexPage: 'journeys/',
    pages: (j) => [`journeys/${j.id}/`],
    references: (j, x) => {
      j.data.stages.forEach((s, i) => s.playbooks.forEach((pb, k) => x.ref(j.file, `stages[${i}].playbooks[${k}]`, 'playbooks', pb)));
    },
  }),
  onboarding: collection({
    entryName: 'onboarding track',
    section: 'onboarding',
    navOrder: 10,
    dir: 'content/onboarding',
    format: 'yaml',
    schema: OnboardingTrack,
    indexPage: 'onboarding/',
    pages: (o) => [`onboarding/${o.id}/`],
    references: (t, x) => {
      x.ref(t.file, 'audience', 'roles', t.data.audience);
      const simple = { playbook: 'playbooks', journey: 'journeys', glossary: 'glossary', 'health-model': 'healthModels', role: 'roles' } as const;
      t.data.sections.forEach((s, i) =>
        s.items.forEach((it, k) => {
          const path = `sections[${i}].items[${k}].ref`;
          const r = it.ref;
          if (!r || it.kind === 'task') return;
          if (it.kind in simple) { x.ref(t.file, path, simple[it.kind as keyof typeof simple], r); return; }
          const [outer, inner] = r.split('/');
          if (it.kind === 'journey-stage') {
            if (!inner) { x.problems.push({ file: t.file, path, message: `"${r}" must be written <journey id>/<stage id>` }); return; }
            if (!x.ref(t.file, path, 'journeys', outer)) return;
            x.refIn(t.file, path, 'stage', inner, x.content.journeys.get(outer)!.data.stages.map((st) => st.id), `journey "${outer}"`);
          } else if (it.kind === 'element') {
            if (!inner) { x.problems.push({ file: t.file, path, message: `"${r}" must be written <framework id>/<element id>` }); return; }
            if (!x.ref(t.file, path, 'frameworks', outer)) return;
            x.refIn(t.file, path, 'element', inner, x.content.frameworks.get(outer)!.data.elements.map((e) => e.id), `framework "${outer}"`);
          }
        }),
      );
    },
  }),
  glossary: collection({
    entryName: 'glossary term',
    section: 'glossary',
    navOrder: 90,
    dir: 'content/glossary',
    format: 'yaml',
    schema: GlossaryTerm,
    indexPage: 'glossary/',
    pages: (g) => [`glossary/${g.id}/`],
    references: (g, x) => {
      g.data.related.forEach((r, i) => {
        x.ref(g.file, `related[${i}]`, 'glossary', r);
        if (r === g.id) x.problems.push({ file: g.file, path: `related[${i}]`, message: 'a term cannot be related to itself' });
      });
    },
  }),
  healthModels: collection({
    entryName: 'health model',
    section: 'health',
    navOrder: 80,
    dir: 'content/healthModels',
    format: 'yaml',
    schema: HealthModel,
    reservedIds: RESERVED_HEALTH_IDS,
    indexPage: 'health/',
    pages: (m) => [`health/${m.id}/`],
    references: (m, x) => {
      m.data.bands.forEach((b, i) => b.playbooks.forEach((pb, k) => x.ref(m.file, `bands[${i}].playbooks[${k}]`, 'playbooks', pb)));
    },
  }),
  /** Optional team data for teams that keep reviews in a private repository (content/team/<id>.yaml). */
  team: collection({
    entryName: 'team member',
    section: 'team',
    dir: 'content/team',
    format: 'yaml',
    schema: TeamMember,
    pages: (t) => [`team/members/${t.id}/`],
    references: (t, x) => {
      x.ref(t.file, 'role', 'roles', t.data.role);
      x.ref(t.file, 'targetRole', 'roles', t.data.targetRole);
      const fwOk = x.ref(t.file, 'framework', 'frameworks', t.data.framework);
      const fw = fwOk ? x.content.frameworks.get(t.data.framework)!.data : undefined;
      const els = fw ? new Set(fw.elements.map((e) => e.id)) : undefined;
      const dates = new Map<string, number>();
      t.data.snapshots.forEach((s, i) => {
        const base = `snapshots[${i}]`;
        const prev = dates.get(s.date);
        if (prev !== undefined) x.problems.push({ file: t.file, path: `${base}.date`, message: `date ${s.date} is already used by snapshots[${prev}]: one snapshot per date` });
        else dates.set(s.date, i);
        if (!fw || !els) return;
        for (const el of Object.keys(s.evidence ?? {})) {
          if (!x.refIn(t.file, `${base}.evidence.${el}`, 'element', el, els, `framework "${t.data.framework}"`)) continue;
          if (!(el in s.levels)) x.problems.push({ file: t.file, path: `${base}.evidence.${el}`, message: `evidence for "${el}", which this snapshot does not rate: add its level or move the evidence` });
        }
        for (const [el, lvl] of Object.entries(s.levels)) {
          x.refIn(t.file, `${base}.levels.${el}`, 'element', el, els, `framework "${t.data.framework}"`);
          if (lvl > fw.levels.length) x.problems.push({ file: t.file, path: `${base}.levels.${el}`, message: `level ${lvl} is outside framework "${t.data.framework}"'s scale 0..${fw.levels.length}` });
        }
      });
    },
  }),
  /** Search synonyms and intent phrases (content/search/*.yaml): words kept as content, next to the glossary. */
  search: collection({
    entryName: 'search synonym file',
    dir: 'content/search',
    format: 'yaml',
    schema: SearchSynonyms,
    checkAll: (_files, x) => checkSearchSynonyms(x.content, x.problems, (collection, id) => x.exists(collection as CollectionId, id)),
  }),
  /** Policies stated once (content/policies/<group>.yaml), referenced in any text as {{policy:KEY}}. */
  policies: collection({
    entryName: 'policy group',
    dir: 'content/policies',
    format: 'yaml',
    schema: PolicyGroup,
    // Every {{policy:KEY}} in any collection names a policy, and structured fields agree with their policy.
    checkAll: (_groups, x) => {
      const index = indexPolicies(x.content, x.problems);
      checkPolicyRefs(x.content, index, x.problems);
      checkPolicySteps(x.content, index, x.problems);
      checkPolicyModels(x.content, index, x.problems);
    },
  }),
};

export type CollectionId = keyof typeof COLLECTIONS;
export const COLLECTION_IDS = Object.keys(COLLECTIONS) as CollectionId[];

/** The data type of one collection's entries. */
export type CollectionData<K extends CollectionId> = z.infer<(typeof COLLECTIONS)[K]['schema']>;


type MapOf<K extends CollectionId> = (typeof COLLECTIONS)[K]['format'] extends 'md-translations'
  ? Map<string, Map<string, Entry<CollectionData<K>>>>
  : Map<string, Entry<CollectionData<K>>>;

/**
 * All validated content, one map per collection (id → entry); translations are kept as
 * locale → id → entry.
 */
export type ContentSet = { [K in CollectionId]: MapOf<K> };

export function emptyContentSet(): ContentSet {
  return Object.fromEntries(COLLECTION_IDS.map((id) => [id, new Map()])) as ContentSet;
}

/** The Astro glob loader settings for a collection (base folder and file pattern). */
export function globOf(def: CollectionDef): { base: string; pattern: string | string[] } {
  const base = `./${def.dir}`;
  if (def.format === 'yaml') return { base, pattern: '**/*.{yaml,yml}' };
  if (def.format === 'md') return { base, pattern: '*.md' };
  // Every locale folder but the default locale's own, which is the source collection.
  return { base, pattern: ['*/*.md', `!${DEFAULT_LOCALE}/**`] };
}

/** Every page built from the content, relative to a language root, index pages first. */
export function contentPages(content: ContentSet): string[] {
  const out: string[] = [];
  for (const id of COLLECTION_IDS) {
    const def: CollectionDef = COLLECTIONS[id];
    if (def.indexPage) out.push(def.indexPage);
  }
  for (const id of COLLECTION_IDS) {
    const def: CollectionDef = COLLECTIONS[id];
    if (!def.pages || def.format === 'md-translations') continue;
    for (const e of (content[id] as Map<string, Entry<unknown>>).values()) out.push(...def.pages(e));
  }
  return out;
}
