/**
 * Problems (problems.ts) as plain sentences in the page's language: where (the field path, with
 * element names), what was expected and what was found. The translator is passed in, so this is pure.
 */
import type { Translate, Dict } from '../../i18n/translator.ts';
import type { Found, Problem } from './problems.ts';

type Key = keyof Dict;

export interface ProblemContext {
  /** The element's display name for an id, when the framework is known. */
  elementName?: (id: string) => string | undefined;
  /** The top level of the framework's scale, when known. */
  maxLevel?: number;
}

const FIELDS = new Set([
  'format',
  'version',
  'person',
  'name',
  'role',
  'targetRole',
  'kind',
  'assessor',
  'framework',
  'id',
  'hash',
  'ratings',
  'level',
  'evidence',
  'snapshots',
  'date',
  'note',
  'updatedAt',
  'entries',
  'source',
  'origin',
  'assessment',
  'savedAt',
]);

export function foundText(f: Found | undefined, t: Translate): string {
  if (!f) return t('safe.found.missing');
  switch (f.kind) {
    case 'text':
      return t('safe.found.text', { text: f.text });
    case 'number':
    case 'boolean':
      return String(f.value);
    default:
      return t(`safe.found.${f.kind}` as Key);
  }
}

/** "snapshot 2 › rating of “Customer health” › level" */
export function whereText(path: readonly (string | number)[], t: Translate, ctx: ProblemContext = {}): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const prev = path[i - 1];
    if (prev === 'ratings' && typeof seg === 'string') {
      parts.pop();
      parts.push(t('safe.where.rating', { name: ctx.elementName?.(seg) ?? seg }));
    } else if (typeof seg === 'number') {
      if (prev === 'snapshots') {
        parts.pop();
        parts.push(t('safe.where.snapshot', { n: seg + 1 }));
      } else if (prev === 'entries') {
        parts.pop();
        parts.push(t('safe.where.entry', { n: seg + 1 }));
      } else parts.push(t('safe.where.item', { n: seg + 1 }));
    } else if (FIELDS.has(seg)) parts.push(t(`safe.field.${seg}` as Key));
    else parts.push(`“${seg}”`);
  }
  return parts.join(t('safe.join'));
}

const LEVEL_CODES = new Set(['expected-type', 'number-too-small', 'level-out-of-range']);

function isLevelPath(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  if (last === 'level') return true;
  // snapshots.N.ratings.<id> holds the level itself
  return path.length >= 2 && path[path.length - 2] === 'ratings' && path[0] === 'snapshots';
}

/** One problem as one sentence. */
export function problemText(p: Problem, t: Translate, ctx: ProblemContext = {}): string {
  const vars: Record<string, string | number> = { ...(p.params ?? {}), found: foundText(p.found, t) };
  if (typeof vars.expected === 'string' && p.code === 'expected-type')
    vars.expected = t(`safe.type.${vars.expected}` as Key);
  let what: string;
  if (LEVEL_CODES.has(p.code) && (p.code === 'level-out-of-range' || isLevelPath(p.path))) {
    const max = ctx.maxLevel ?? (typeof p.params?.max === 'number' ? p.params.max : undefined);
    what =
      max === undefined ? t('safe.problem.levelNoMax', vars) : t('safe.problem.level-out-of-range', { ...vars, max });
  } else what = t(`safe.problem.${p.code}` as Key, vars);
  if (!p.path.length) return what;
  return t('safe.sentence', { where: whereText(p.path, t, ctx), what });
}

export function problemTexts(list: readonly Problem[] | undefined, t: Translate, ctx: ProblemContext = {}): string[] {
  return (list ?? []).map((p) => problemText(p, t, ctx));
}
