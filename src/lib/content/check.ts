/**
 * Loads every content file (as text), validates it against its schema and checks every
 * cross-reference. Pure: the caller reads the files; this returns data and problems.
 * A problem is reported as `content/<file>: <field path>: <what is wrong>`.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'astro/zod';
import {
  Framework, GlossaryTerm, HealthModel, Journey, OnboardingTrack, Playbook, PlaybookTranslation, Role,
  type Framework as FrameworkT, type GlossaryTerm as GlossaryT, type HealthModel as HealthModelT,
  type Journey as JourneyT, type OnboardingTrack as OnboardingT, type Playbook as PlaybookT,
  type PlaybookTranslation as PlaybookTranslationT, type Role as RoleT,
} from '../../schemas/index.ts';
import { SearchSynonyms, type SearchSynonyms as SearchSynonymsT } from '../../schemas/search.ts';
import { checkSearchSynonyms } from '../search/synonyms-check.ts';
import { TeamMember, type TeamMember as TeamMemberT } from '../../schemas/team.ts';

export interface SourceFile {
  /** Path relative to the project root, with forward slashes, e.g. "content/roles/csm.yaml". */
  path: string;
  text: string;
}
export interface Problem {
  file: string;
  path: string;
  message: string;
}
export interface Entry<T> {
  id: string;
  file: string;
  data: T;
  /** Markdown body, for Markdown collections. */
  body?: string;
}
export interface ContentSet {
  frameworks: Map<string, Entry<FrameworkT>>;
  roles: Map<string, Entry<RoleT>>;
  playbooks: Map<string, Entry<PlaybookT>>;
  /** locale → id → translation */
  playbookTranslations: Map<string, Map<string, Entry<PlaybookTranslationT>>>;
  journeys: Map<string, Entry<JourneyT>>;
  onboarding: Map<string, Entry<OnboardingT>>;
  glossary: Map<string, Entry<GlossaryT>>;
  healthModels: Map<string, Entry<HealthModelT>>;
  /** Optional team data (content/team/): one member per file. */
  team: Map<string, Entry<TeamMemberT>>;
  /** Search synonyms and intent phrases (content/search/): one or more files, merged. */
  search: Map<string, Entry<SearchSynonymsT>>;
}

export const COLLECTION_DIRS = {
  frameworks: 'content/frameworks',
  roles: 'content/roles',
  playbooks: 'content/playbooks',
  journeys: 'content/journeys',
  onboarding: 'content/onboarding',
  glossary: 'content/glossary',
  healthModels: 'content/healthModels',
  team: 'content/team',
  search: 'content/search',
} as const;

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Health model ids that would clash with the pages beside them under /health/. */
const RESERVED_HEALTH_IDS = ['simulator', 'batch'];

/** Format a zod issue path as `steps[2].owner`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(file)';
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path}: ${p.message}`;
}

function listKnown(ids: Iterable<string>): string {
  const all = [...ids].sort();
  if (all.length === 0) return 'there are none';
  const shown = all.slice(0, 25).join(', ');
  return `known: ${shown}${all.length > 25 ? `, … (${all.length} in all)` : ''}`;
}

/** Split a Markdown file into front matter (YAML text) and body. */
export function splitFrontMatter(text: string): { front: string; body: string; frontLine: number } | null {
  const src = text.replace(/^\uFEFF/, '');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(src);
  if (!m) return null;
  return { front: m[1], body: m[2], frontLine: 2 };
}

function parseYamlText(text: string, file: string, problems: Problem[], lineOffset = 0): unknown {
  try {
    return parseYaml(text.replace(/^\uFEFF/, ''), { prettyErrors: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = (e.linePos?.[0]?.line ?? 0) + lineOffset;
      const col = e.linePos?.[0]?.col ?? 0;
      const first = e.message.split('\n')[0];
      problems.push({ file, path: line ? `line ${line}, column ${col}` : '(file)', message: `YAML syntax error: ${first}` });
    } else {
      problems.push({ file, path: '(file)', message: `cannot be read as YAML: ${(e as Error).message}` });
    }
    return undefined;
  }
}

function validate<S extends z.ZodType>(schema: S, raw: unknown, file: string, problems: Problem[]): z.infer<S> | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ file, path: '(file)', message: 'must contain a YAML mapping (key: value pairs)' });
    return undefined;
  }
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    let message = issue.message;
    if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required but missing';
    problems.push({ file, path: formatPath(issue.path), message });
  }
  return undefined;
}

function fileId(path: string, dir: string): string {
  const rel = path.slice(dir.length + 1);
  return rel.replace(/\.(ya?ml|md)$/, '');
}

/** Parse and validate all files; then check every cross-reference. */
export function checkContent(files: SourceFile[]): { content: ContentSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const content: ContentSet = {
    frameworks: new Map(), roles: new Map(), playbooks: new Map(), playbookTranslations: new Map(),
    journeys: new Map(), onboarding: new Map(), glossary: new Map(), healthModels: new Map(), team: new Map(), search: new Map(),
  };
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));

  const add = <T>(map: Map<string, Entry<T>>, id: string, file: string, data: T | undefined, body?: string) => {
    if (!ID_RE.test(id)) {
      problems.push({ file, path: '(file name)', message: `"${id}" is not a valid id: file names must be lower-case letters, digits and dashes` });
      return;
    }
    const prev = map.get(id);
    if (prev) {
      problems.push({ file, path: '(file name)', message: `duplicate id "${id}": ${prev.file} has the same id` });
      return;
    }
    if (data !== undefined) map.set(id, { id, file, data, body });
  };

  for (const f of sorted) {
    const file = f.path;
    const yamlDir = (Object.entries(COLLECTION_DIRS) as [keyof typeof COLLECTION_DIRS, string][]).find(([, d]) => file.startsWith(d + '/'));
    if (!yamlDir) {
      problems.push({ file, path: '(file)', message: 'is not inside a known collection folder' });
      continue;
    }
    const [collection, dir] = yamlDir;
    if (collection === 'playbooks') {
      const rel = file.slice(dir.length + 1);
      const parts = rel.split('/');
      if (parts.length !== 2 || !rel.endsWith('.md')) {
        problems.push({ file, path: '(file)', message: 'playbooks live at content/playbooks/<locale>/<id>.md' });
        continue;
      }
      const [locale, name] = parts;
      const id = name.replace(/\.md$/, '');
      const split = splitFrontMatter(f.text);
      if (!split) {
        problems.push({ file, path: '(front matter)', message: 'missing front matter: the file must start with --- YAML --- and then the Markdown body' });
        continue;
      }
      const raw = parseYamlText(split.front, file, problems, 1);
      if (locale === 'en') add(content.playbooks, id, file, validate(Playbook, raw, file, problems), split.body);
      else if (locale === 'ja') {
        if (!content.playbookTranslations.has(locale)) content.playbookTranslations.set(locale, new Map());
        add(content.playbookTranslations.get(locale)!, id, file, validate(PlaybookTranslation, raw, file, problems), split.body);
      } else problems.push({ file, path: '(folder)', message: `unknown locale folder "${locale}"; use en or ja` });
      continue;
    }
    if (!/\.ya?ml$/.test(file)) {
      if (!/(^|\/)\.|README\.md$/i.test(file)) problems.push({ file, path: '(file)', message: 'only .yaml files belong in this collection' });
      continue;
    }
    const id = fileId(file, dir);
    const raw = parseYamlText(f.text, file, problems);
    switch (collection) {
      case 'frameworks': add(content.frameworks, id, file, validate(Framework, raw, file, problems)); break;
      case 'roles': add(content.roles, id, file, validate(Role, raw, file, problems)); break;
      case 'journeys': add(content.journeys, id, file, validate(Journey, raw, file, problems)); break;
      case 'onboarding': add(content.onboarding, id, file, validate(OnboardingTrack, raw, file, problems)); break;
      case 'glossary': add(content.glossary, id, file, validate(GlossaryTerm, raw, file, problems)); break;
      case 'healthModels':
        if (RESERVED_HEALTH_IDS.includes(id)) { problems.push({ file, path: '(file name)', message: `"${id}" is reserved for a page (/health/${id}/); choose another file name` }); break; }
        add(content.healthModels, id, file, validate(HealthModel, raw, file, problems));
        break;
      case 'team': add(content.team, id, file, validate(TeamMember, raw, file, problems)); break;
      case 'search': add(content.search, id, file, validate(SearchSynonyms, raw, file, problems)); break;
    }
  }

  checkReferences(content, problems);
  checkSearchSynonyms(content, problems);
  return { content, problems };
}

function checkReferences(c: ContentSet, problems: Problem[]): void {
  const ref = (file: string, path: string, kind: string, id: string, known: Map<string, unknown> | Set<string>, within?: string) => {
    if (known.has(id)) return true;
    problems.push({ file, path, message: `unknown ${kind} "${id}"${within ? ` in ${within}` : ''}; ${listKnown(known.keys())}` });
    return false;
  };
  const element = (file: string, path: string, fwId: string, elId: string, level?: number) => {
    if (!ref(file, `${path}.framework`, 'framework', fwId, c.frameworks)) return;
    const fw = c.frameworks.get(fwId)!.data;
    const els = new Set(fw.elements.map((e) => e.id));
    if (!ref(file, `${path}.element`, 'element', elId, els, `framework "${fwId}"`)) return;
    if (level !== undefined && level > fw.levels.length)
      problems.push({ file, path: `${path}.level`, message: `level ${level} is outside framework "${fwId}"'s scale 1..${fw.levels.length}` });
  };

  for (const r of c.roles.values()) {
    const seenFw = new Set<string>();
    r.data.expectations.forEach((ex, i) => {
      const base = `expectations[${i}]`;
      if (seenFw.has(ex.framework)) problems.push({ file: r.file, path: `${base}.framework`, message: `framework "${ex.framework}" is listed twice` });
      seenFw.add(ex.framework);
      if (!ref(r.file, `${base}.framework`, 'framework', ex.framework, c.frameworks)) return;
      const fw = c.frameworks.get(ex.framework)!.data;
      const els = new Set(fw.elements.map((e) => e.id));
      for (const [el, lvl] of Object.entries(ex.levels)) {
        ref(r.file, `${base}.levels.${el}`, 'element', el, els, `framework "${ex.framework}"`);
        if (lvl > fw.levels.length) problems.push({ file: r.file, path: `${base}.levels.${el}`, message: `level ${lvl} is outside framework "${ex.framework}"'s scale 0..${fw.levels.length}` });
      }
      for (const el of els) if (!(el in ex.levels)) problems.push({ file: r.file, path: `${base}.levels.${el}`, message: `no expected level for element "${el}" (use 0 when it is not expected)` });
    });
    r.data.next.forEach((n, i) => {
      ref(r.file, `next[${i}].role`, 'role', n.role, c.roles);
      if (n.role === r.id) problems.push({ file: r.file, path: `next[${i}].role`, message: 'a role cannot lead to itself' });
    });
  }

  for (const p of c.playbooks.values()) {
    ref(p.file, 'ownerRole', 'role', p.data.ownerRole, c.roles);
    p.data.steps.forEach((s, i) => {
      ref(p.file, `steps[${i}].owner`, 'role', s.owner, c.roles);
      if (i > 0 && s.day < p.data.steps[i - 1].day) problems.push({ file: p.file, path: `steps[${i}].day`, message: `steps must be in time order: day ${s.day} comes after day ${p.data.steps[i - 1].day}` });
    });
    p.data.trains.forEach((t, i) => element(p.file, `trains[${i}]`, t.framework, t.element, t.level));
    p.data.journeyStages.forEach((js, i) => {
      if (!ref(p.file, `journeyStages[${i}].journey`, 'journey', js.journey, c.journeys)) return;
      const stages = new Set(c.journeys.get(js.journey)!.data.stages.map((s) => s.id));
      ref(p.file, `journeyStages[${i}].stage`, 'stage', js.stage, stages, `journey "${js.journey}"`);
    });
  }

  for (const [, byId] of c.playbookTranslations) {
    for (const t of byId.values()) {
      const en = c.playbooks.get(t.id);
      if (!en) {
        problems.push({ file: t.file, path: '(file name)', message: `translates a playbook that does not exist: there is no content/playbooks/en/${t.id}.md` });
        continue;
      }
      const lists = ['steps', 'exitCriteria', 'metrics', 'discoveryQuestions'] as const;
      for (const key of lists) {
        const tr = t.data[key];
        const orig = en.data[key];
        if (tr && (!orig || tr.length !== orig.length))
          problems.push({ file: t.file, path: key, message: `has ${tr.length} entries but the English playbook has ${orig?.length ?? 0}: translate every entry, in the same order` });
      }
    }
  }

  for (const j of c.journeys.values()) {
    j.data.stages.forEach((s, i) => s.playbooks.forEach((pb, k) => ref(j.file, `stages[${i}].playbooks[${k}]`, 'playbook', pb, c.playbooks)));
  }

  for (const t of c.onboarding.values()) {
    ref(t.file, 'audience', 'role', t.data.audience, c.roles);
    t.data.sections.forEach((s, i) =>
      s.items.forEach((it, k) => {
        const path = `sections[${i}].items[${k}].ref`;
        const r = it.ref;
        if (!r || it.kind === 'task') return;
        switch (it.kind) {
          case 'playbook': ref(t.file, path, 'playbook', r, c.playbooks); break;
          case 'journey': ref(t.file, path, 'journey', r, c.journeys); break;
          case 'glossary': ref(t.file, path, 'glossary term', r, c.glossary); break;
          case 'health-model': ref(t.file, path, 'health model', r, c.healthModels); break;
          case 'role': ref(t.file, path, 'role', r, c.roles); break;
          case 'journey-stage': {
            const [jid, sid] = r.split('/');
            if (!sid) { problems.push({ file: t.file, path, message: `"${r}" must be written <journey id>/<stage id>` }); break; }
            if (!ref(t.file, path, 'journey', jid, c.journeys)) break;
            ref(t.file, path, 'stage', sid, new Set(c.journeys.get(jid)!.data.stages.map((s) => s.id)), `journey "${jid}"`);
            break;
          }
          case 'element': {
            const [fw, el] = r.split('/');
            if (!el) { problems.push({ file: t.file, path, message: `"${r}" must be written <framework id>/<element id>` }); break; }
            if (!ref(t.file, path, 'framework', fw, c.frameworks)) break;
            ref(t.file, path, 'element', el, new Set(c.frameworks.get(fw)!.data.elements.map((e) => e.id)), `framework "${fw}"`);
            break;
          }
        }
      }),
    );
  }

  for (const g of c.glossary.values()) {
    g.data.related.forEach((r, i) => {
      ref(g.file, `related[${i}]`, 'glossary term', r, c.glossary);
      if (r === g.id) problems.push({ file: g.file, path: `related[${i}]`, message: 'a term cannot be related to itself' });
    });
  }

  for (const m of c.healthModels.values()) {
    m.data.bands.forEach((b, i) => b.playbooks.forEach((pb, k) => ref(m.file, `bands[${i}].playbooks[${k}]`, 'playbook', pb, c.playbooks)));
  }

  for (const t of c.team.values()) {
    ref(t.file, 'role', 'role', t.data.role, c.roles);
    ref(t.file, 'targetRole', 'role', t.data.targetRole, c.roles);
    const fwOk = ref(t.file, 'framework', 'framework', t.data.framework, c.frameworks);
    const fw = fwOk ? c.frameworks.get(t.data.framework)!.data : undefined;
    const els = fw ? new Set(fw.elements.map((e) => e.id)) : undefined;
    const dates = new Map<string, number>();
    t.data.snapshots.forEach((s, i) => {
      const base = `snapshots[${i}]`;
      const prev = dates.get(s.date);
      if (prev !== undefined) problems.push({ file: t.file, path: `${base}.date`, message: `date ${s.date} is already used by snapshots[${prev}]: one snapshot per date` });
      else dates.set(s.date, i);
      if (!fw || !els) return;
      for (const [el, lvl] of Object.entries(s.levels)) {
        ref(t.file, `${base}.levels.${el}`, 'element', el, els, `framework "${t.data.framework}"`);
        if (lvl > fw.levels.length) problems.push({ file: t.file, path: `${base}.levels.${el}`, message: `level ${lvl} is outside framework "${t.data.framework}"'s scale 0..${fw.levels.length}` });
      }
    });
  }
}
