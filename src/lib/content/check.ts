/**
 * Loads every content file (as text), validates it against its schema and checks every
 * cross-reference. Pure: the caller reads the files; this returns data and problems.
 * A problem is reported as `content/<file>: <field path>: <what is wrong>`.
 */
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'astro/zod';
import { isLocale, DEFAULT_LOCALE, LOCALES } from '../../i18n/locales.ts';
import {
  COLLECTIONS, COLLECTION_IDS, type CollectionDef, type CollectionId, type ContentSet, type RefContext,
} from './collections.ts';
import type { Entry, ContentProblem, SourceFile } from './types.ts';
import { encodingProblem } from './encoding.ts';
import { markdownProblems } from './markdown-check.ts';
import { TERM_SHEET, TermSheet } from '../../schemas/terms.ts';

export type { Entry, ContentProblem, SourceFile } from './types.ts';
export type { ContentSet } from './collections.ts';

/** Each collection's folder (from the registry). */
export const COLLECTION_DIRS = Object.fromEntries(COLLECTION_IDS.map((id) => [id, COLLECTIONS[id].dir])) as { [K in CollectionId]: (typeof COLLECTIONS)[K]['dir'] };

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The record of the last end-to-end content review (content/REVIEW.md): prose for people, not data. */
const REVIEW_LOG = 'content/REVIEW.md';

/** Format a zod issue path as `steps[2].owner`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(file)';
}

/** `file: path: message`; a problem with the whole file (no path) is `file: message`. */
export function formatProblem(p: ContentProblem): string {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}

function listKnown(ids: Iterable<string>): string {
  const all = [...ids].sort();
  if (all.length === 0) return 'there are none';
  const shown = all.slice(0, 25).join(', ');
  return `known: ${shown}${all.length > 25 ? `, … (${all.length} in all)` : ''}`;
}

/** Split a Markdown file into front matter (YAML text) and body. */
export function splitFrontMatter(text: string): { front: string; body: string; frontLine: number; bodyLine: number } | null {
  const src = text.replace(/^\uFEFF/, '');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(src);
  if (!m) return null;
  // The body starts after the two --- lines and the front matter's lines.
  return { front: m[1], body: m[2], frontLine: 2, bodyLine: m[1].split(/\r?\n/).length + 3 };
}

/**
 * YAML 1.2 core schema (what the `yaml` package reads by default), parsed with js-yaml, the parser
 * Astro's loaders use: several times faster than `yaml` on the 2,000-file benchmark. Dates stay
 * text, so the schema sees "2026-02-30" as written and refuses it (js-yaml's default schema would
 * roll it over to 2 March). Only a file js-yaml refuses goes through `yaml` as well, for its clearer
 * message with line and column; should `yaml` accept it, js-yaml's own message and position are
 * reported. test/unit/content-yaml.test.ts holds the two parsers to the same values.
 */
function parseYamlText(text: string, file: string, problems: ContentProblem[], lineOffset = 0): unknown {
  const src = text.replace(/^\uFEFF/, '');
  try {
    return loadYaml(src, { schema: CORE_SCHEMA });
  } catch (first) {
    try {
      parseYaml(src, { prettyErrors: true });
    } catch (e) {
      if (e instanceof YAMLParseError) {
        const line = (e.linePos?.[0]?.line ?? 0) + lineOffset;
        const col = e.linePos?.[0]?.col ?? 0;
        const msg = e.message.split('\n')[0];
        problems.push({ file, path: line ? `line ${line}, column ${col}` : '(file)', message: `YAML syntax error: ${msg}` });
        return undefined;
      }
    }
    const mark = (first as { mark?: { line: number; column: number } }).mark;
    const reason = (first as { reason?: string }).reason ?? (first as Error).message;
    problems.push({
      file,
      path: mark ? `line ${mark.line + 1 + lineOffset}, column ${mark.column + 1}` : '(file)',
      message: `YAML syntax error: ${reason}`,
    });
    return undefined;
  }
}

function validate<S extends z.ZodType>(schema: S, raw: unknown, file: string, problems: ContentProblem[]): z.infer<S> | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ file, path: '(file)', message: 'must contain a YAML mapping (key: value pairs)' });
    return undefined;
  }
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  // One line per field: later issues on the same path follow from the first (one root cause, one line).
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    const path = formatPath(issue.path);
    if (seen.has(path)) continue;
    seen.add(path);
    let message = issue.message;
    if (issue.code === 'invalid_type' && /received undefined/.test(message)) message = 'is required but missing';
    problems.push({ file, path, message });
  }
  return undefined;
}

/** The collection a file belongs to: the one whose folder is the longest prefix of its path. */
function collectionOf(reg: Registry, file: string): string | undefined {
  let best: string | undefined;
  for (const [id, def] of Object.entries(reg)) {
    if (file.startsWith(`${def.dir}/`) && (!best || def.dir.length > reg[best].dir.length)) best = id;
  }
  return best;
}

/** Where a file sits in its collection: its id (and locale), or why it does not belong there. */
function locate(def: CollectionDef, file: string): { id: string; locale?: string } | { problem: ContentProblem } | 'ignore' {
  const rel = file.slice(def.dir.length + 1);
  const problem = (message: string, path = '(file)') => ({ problem: { file, path, message } });
  if (def.format === 'yaml') {
    if (/\.ya?ml$/.test(rel)) return { id: rel.replace(/\.ya?ml$/, '') };
    if (/(^|\/)\.|README\.md$/i.test(rel)) return 'ignore';
    return problem('only .yaml files belong in this collection');
  }
  const parts = rel.split('/');
  const where = def.format === 'md' ? `${def.dir}/<id>.md` : `${def.dir}/<locale>/<id>.md`;
  if (parts.length !== (def.format === 'md' ? 1 : 2) || !rel.endsWith('.md')) return problem(`files here live at ${where}`);
  const id = parts[parts.length - 1].replace(/\.md$/, '');
  if (def.format === 'md') return { id };
  const locale = parts[0];
  if (!isLocale(locale) || locale === DEFAULT_LOCALE)
    return problem(`unknown locale folder "${locale}"; use ${LOCALES.join(' or ')}`, '(folder)');
  return { id, locale };
}

/** A collection registry: COLLECTIONS, or (in tests) COLLECTIONS with an entry added. */
type Registry = Record<string, CollectionDef>;

/**
 * Parse and validate all files; then check every cross-reference. `registry` is the collection
 * registry (src/lib/content/collections.ts).
 */
export function checkContent(files: SourceFile[], registry: Registry = COLLECTIONS): { content: ContentSet; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const content = Object.fromEntries(Object.keys(registry).map((id) => [id, new Map()])) as ContentSet;
  /** Ids whose file exists (valid or not), per collection. */
  const present = new Map<string, Set<string>>(Object.keys(registry).map((id) => [id, new Set()]));
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
    const notUtf8 = f.bytes ? encodingProblem(f.bytes) : null;
    if (notUtf8) {
      // One line for the file: nothing in it can be read, so no follow-on problems.
      problems.push({ file, path: '', message: notUtf8 });
      const c = collectionOf(registry, file);
      const where = c ? locate(registry[c], file) : 'ignore';
      if (c && where !== 'ignore' && !('problem' in where)) present.get(c)!.add(where.id);
      continue;
    }
    if (file === REVIEW_LOG) continue;
    if (file === TERM_SHEET) {
      validate(TermSheet, parseYamlText(f.text, file, problems), file, problems);
      continue;
    }
    const collection = collectionOf(registry, file);
    if (!collection) {
      problems.push({ file, path: '(file)', message: 'is not inside a known collection folder' });
      continue;
    }
    const def = registry[collection];
    const where = locate(def, file);
    if (where === 'ignore') continue;
    if ('problem' in where) { problems.push(where.problem); continue; }
    const { id } = where;
    if (def.reservedIds?.includes(id)) {
      problems.push({ file, path: '(file name)', message: `"${id}" is reserved for a page (/${def.indexPage ?? ''}${id}/); choose another file name` });
      continue;
    }
    present.get(collection)!.add(id);
    let raw: unknown;
    let body: string | undefined;
    if (def.format === 'yaml') raw = parseYamlText(f.text, file, problems);
    else {
      const split = splitFrontMatter(f.text);
      if (!split) {
        problems.push({ file, path: '(front matter)', message: 'missing front matter: the file must start with --- YAML --- and then the Markdown body' });
        continue;
      }
      raw = parseYamlText(split.front, file, problems, 1);
      body = split.body;
      problems.push(...markdownProblems(body, file, split.bodyLine));
    }
    const data = validate(def.schema, raw, file, problems);
    let map = (content as unknown as Record<string, Map<string, unknown>>)[collection];
    if (where.locale) {
      if (!map.has(where.locale)) map.set(where.locale, new Map());
      map = map.get(where.locale) as Map<string, unknown>;
    }
    add(map as Map<string, Entry<unknown>>, id, file, data, body);
  }

  checkReferences(registry, content, present, problems);
  return { content, problems };
}

function checkReferences(registry: Registry, c: ContentSet, present: Map<string, Set<string>>, problems: ContentProblem[]): void {
  const refIn: RefContext['refIn'] = (file, path, kind, id, known, within) => {
    const ids = known instanceof Set || known instanceof Map ? known : new Set(known);
    if (ids.has(id)) return true;
    problems.push({ file, path, message: `unknown ${kind} "${id}"${within ? ` in ${within}` : ''}; ${listKnown(ids.keys())}` });
    return false;
  };
  const ctx: RefContext = {
    content: c,
    problems,
    exists: (collection, id) => present.get(collection)!.has(id),
    invalidIn: (collection) => present.get(collection)!.size > (c[collection] as Map<string, unknown>).size,
    ref(file, path, collection, id) {
      const known = c[collection] as Map<string, unknown>;
      if (known.has(id)) return true;
      // The file exists but is invalid: its own problem line is the root cause.
      if (present.get(collection)!.has(id)) return false;
      problems.push({ file, path, message: `unknown ${registry[collection].entryName} "${id}"; ${listKnown(known.keys())}` });
      return false;
    },
    refIn,
    element(file, path, fwId, elId, level) {
      if (!ctx.ref(file, `${path}.framework`, 'frameworks', fwId)) return;
      const fw = c.frameworks.get(fwId)!.data;
      if (!refIn(file, `${path}.element`, 'element', elId, fw.elements.map((e) => e.id), `framework "${fwId}"`)) return;
      if (level !== undefined && level > fw.levels.length)
        problems.push({ file, path: `${path}.level`, message: `level ${level} is outside framework "${fwId}"'s scale 1..${fw.levels.length}` });
    },
  };
  for (const [id, def] of Object.entries(registry)) {
    const map = (c as unknown as Record<string, Map<string, unknown>>)[id];
    const entries = def.format === 'md-translations'
      ? [...(map as Map<string, Map<string, Entry<unknown>>>).values()].flatMap((m) => [...m.values()])
      : [...(map as Map<string, Entry<unknown>>).values()];
    if (def.references) for (const e of entries) def.references(e, ctx);
    def.checkAll?.(entries, ctx);
  }
}
