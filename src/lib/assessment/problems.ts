/**
 * Problems found in an assessment file, a share link or stored data, as data: a code, where it is
 * (a field path) and what was found. problem-text.ts turns them into sentences in the page's language.
 * Pure and free of the schema library, so the link parser can use it without loading the validator.
 */

/** Every code a problem can have (the message test walks this list in both languages). */
export const PROBLEM_CODES = [
  // the file as a whole
  'too-large',
  'not-text',
  'not-json',
  'wrong-format',
  'no-format',
  'unknown-version',
  'no-version',
  // values (from the schema)
  'expected-type',
  'too-long',
  'too-many',
  'required',
  'number-too-small',
  'number-too-big',
  'not-id',
  'not-hash',
  'not-datetime',
  'not-date',
  'one-of',
  'bad-key',
  'invalid',
  // limits and the framework
  'reserved-key',
  'level-out-of-range',
  'too-many-removed',
  'too-many-values',
  'framework-mismatch',
  'store-version',
  // share links
  'link-too-long',
  'link-bad-key',
  'link-missing',
  'link-undecodable',
  'link-not-version',
  'link-name-empty',
  'link-rating-unreadable',
  'link-incomplete',
  // more problems than shown
  'more',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** What was found, kept short and typed so it can be said in any language. */
export type Found =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'list' }
  | { kind: 'object' }
  | { kind: 'missing' };

export interface Problem {
  code: ProblemCode;
  /** Field path, e.g. ['ratings', 'customer-health', 'level']. Empty: the whole file or link. */
  path: readonly (string | number)[];
  params?: Record<string, string | number>;
  found?: Found;
}

/** Texts longer than this are cut (with "…") when quoted back. */
const QUOTE_MAX = 40;

export function clip(s: string): string {
  const chars = [...s];
  return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX).join('')}…` : s;
}

export function found(v: unknown): Found {
  if (v === undefined) return { kind: 'missing' };
  if (v === null) return { kind: 'null' };
  if (Array.isArray(v)) return { kind: 'list' };
  if (typeof v === 'string') return { kind: 'text', text: clip(v) };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return { kind: 'object' };
}

export const MAX_PROBLEMS = 50;

/** At most `max` problems, then one "and N more". */
export function capProblems(list: Problem[], max = MAX_PROBLEMS): Problem[] {
  if (list.length <= max) return list;
  return [...list.slice(0, max), { code: 'more', path: [], params: { n: list.length - max } }];
}

/** Keys that would reach an object's prototype when used as a property name. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface ZodIssueLike {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: string;
  origin?: string;
  format?: string;
  pattern?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: readonly unknown[];
  input?: unknown;
  params?: Record<string, unknown>;
  issues?: readonly ZodIssueLike[];
}

/** Schema type names → the words of safe.type.* */
const TYPE_WORD: Record<string, string> = {
  string: 'text',
  number: 'number',
  int: 'whole-number',
  boolean: 'boolean',
  array: 'list',
  object: 'object',
  record: 'object',
};

const pathOf = (p: readonly PropertyKey[]): (string | number)[] =>
  p.map((x) => (typeof x === 'number' ? x : String(x)));

/** One schema issue as a problem. Issues the schemas cannot produce fall back to 'invalid' (tested). */
export function fromZodIssue(issue: ZodIssueLike): Problem {
  const path = pathOf(issue.path);
  const f = found(issue.input);
  switch (issue.code) {
    case 'invalid_type':
      return {
        code: 'expected-type',
        path,
        params: { expected: TYPE_WORD[String(issue.expected)] ?? 'object' },
        found: f,
      };
    case 'too_big':
      if (issue.origin === 'number')
        return { code: 'number-too-big', path, params: { max: Number(issue.maximum) }, found: f };
      if (issue.origin === 'array' || issue.origin === 'record')
        return {
          code: 'too-many',
          path,
          params: { max: Number(issue.maximum) },
          found: Array.isArray(issue.input) ? { kind: 'number', value: issue.input.length } : f,
        };
      return { code: 'too-long', path, params: { max: Number(issue.maximum) } };
    case 'too_small':
      if (issue.origin === 'number')
        return { code: 'number-too-small', path, params: { min: Number(issue.minimum) }, found: f };
      return { code: 'required', path, found: f };
    case 'invalid_format':
      if (issue.format === 'datetime') return { code: 'not-datetime', path, found: f };
      if (issue.pattern?.includes('0-9a-z')) return { code: 'not-hash', path, found: f };
      return { code: 'not-id', path, found: f };
    case 'invalid_value':
      return {
        code: 'one-of',
        path,
        params: { values: (issue.values ?? []).map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ') },
        found: f,
      };
    case 'invalid_key':
      return { code: 'bad-key', path: path.slice(0, -1), params: { key: clip(String(path[path.length - 1] ?? '')) } };
    case 'custom': {
      const p = issue.params ?? {};
      if (p.problem === 'not-date') return { code: 'not-date', path, found: f };
      if (p.problem === 'too-long') return { code: 'too-long', path, params: { max: Number(p.max) } };
      break;
    }
  }
  return { code: 'invalid', path, params: { message: issue.message }, found: f };
}

export function fromZodIssues(issues: readonly ZodIssueLike[]): Problem[] {
  return capProblems(issues.map(fromZodIssue));
}

/**
 * Reserved keys anywhere in parsed JSON (JSON.parse makes "__proto__" an own key, so it is found).
 * Walks at most `budget` values, so a huge document cannot stall the page here.
 */
export function findReservedKeys(data: unknown, budget = 200_000): Problem[] {
  const out: Problem[] = [];
  // Each node keeps its parent and key; a path is built only for a hit.
  type Node = { v: unknown; key: string | number | null; parent: Node | null };
  const pathOf = (n: Node | null): (string | number)[] => {
    const p: (string | number)[] = [];
    for (let x = n; x && x.key !== null; x = x.parent) p.push(x.key);
    return p.reverse();
  };
  const stack: Node[] = [{ v: data, key: null, parent: null }];
  let seen = 0;
  while (stack.length && seen++ < budget && out.length < 10) {
    const node = stack.pop()!;
    const v = node.v;
    if (!v || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        if (v[i] && typeof v[i] === 'object') stack.push({ v: v[i], key: i, parent: node });
      continue;
    }
    for (const k of Object.keys(v)) {
      if (RESERVED_KEYS.has(k)) out.push({ code: 'reserved-key', path: pathOf(node), params: { key: k } });
      else {
        const child = (v as Record<string, unknown>)[k];
        if (child && typeof child === 'object') stack.push({ v: child, key: k, parent: node });
      }
    }
  }
  return out;
}
