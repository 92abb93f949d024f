/**
 * Reading assessment files (the JSON a person downloads, keeps and imports again) and the copy kept
 * in the browser, validated against the one schema. Pure: no DOM, no file system. Every failure
 * comes back as a code the UI can explain, never a throw. Writing files is file-output.ts.
 */
import { Assessment } from '../../schemas/assessment.ts';
import { ASSESSMENT_FORMAT, ASSESSMENT_VERSION } from '../../schemas/assessment-constants.ts';
import { MAX_FILE_BYTES, MAX_RATINGS, MAX_REMOVED_RATINGS, MAX_SNAPSHOTS } from '../../schemas/assessment-constants.ts';
import { readSaved, type StorageLike, type StoredEntry } from './storage.ts';
import { capProblems, findReservedKeys, found, fromZodIssues, type Problem } from './problems.ts';

export { problemText, problemTexts } from './problem-text.ts';
export type { Problem } from './problems.ts';

/** @deprecated name kept for callers: the limit is MAX_FILE_BYTES (schemas/assessment-constants.ts). */
export const DEFAULT_MAX_BYTES = MAX_FILE_BYTES;

export type ParseErrorCode = 'too-large' | 'not-json' | 'wrong-format' | 'unknown-version' | 'invalid';
export interface ParseError {
  code: ParseErrorCode;
  problems: Problem[];
  /** The framework the file names, when it names one (to word the problems with its element names). */
  frameworkId?: string;
}
export type ParseResult = { ok: true; assessment: Assessment } | { ok: false; error: ParseError };

/** What the limits need to know about a framework (ClientFramework fits). */
export interface LimitFramework {
  id: string;
  levels: readonly unknown[];
  elements: readonly { id: string }[];
}

/** UTF-8 byte length of a string without encoding it (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * The text of a file from its bytes: UTF-16 (little or big endian) when it starts with that byte
 * order mark, else UTF-8 (a UTF-8 byte order mark is dropped). Invalid sequences become U+FFFD, which
 * the JSON reader then refuses with a clear message.
 */
export function decodeFileBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  return new TextDecoder('utf-8').decode(bytes);
}

const fail = (code: ParseErrorCode, problems: Problem[]): ParseResult => ({ ok: false, error: { code, problems } });

/**
 * Values (object members) a file may hold: every rating of the largest framework given plus the
 * removed ones, in the file and in each snapshot, and the fields around them. Counted on the text
 * before it is parsed, so a file of a hundred thousand entries is refused without building it.
 */
export function maxMembers(frameworks: readonly LimitFramework[] = []): number {
  const elements = frameworks.length
    ? Math.max(...frameworks.map((f) => f.elements.length)) + MAX_REMOVED_RATINGS
    : MAX_RATINGS;
  return elements * 3 + MAX_SNAPSHOTS * (elements + 4) + 100;
}

/** Object members in JSON text (the colons outside strings), stopping once past `limit`. */
export function countMembers(text: string, limit: number): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a && ++n > limit) return n;
  }
  return n;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Cheap checks on the parsed JSON before the schema runs (the schema's cost grows with the number of
 * entries, so a file with tens of thousands of ratings is refused here, in a few milliseconds): the
 * number of snapshots and of ratings per file and snapshot, and, when the framework is known, levels
 * within its scale and a bounded number of ratings of elements it does not have.
 */
export function checkLimits(data: Record<string, unknown>, frameworks: readonly LimitFramework[] = []): Problem[] {
  const problems: Problem[] = [];
  const fwId = isRecord(data.framework) ? data.framework.id : undefined;
  const fw = typeof fwId === 'string' ? frameworks.find((f) => f.id === fwId) : undefined;
  const known = fw ? new Set(fw.elements.map((e) => e.id)) : null;
  const maxLevel = fw ? fw.levels.length : null;
  const checkRatings = (
    ratings: unknown,
    path: (string | number)[],
    levelOf: (v: unknown) => unknown,
    levelField: string[],
  ) => {
    if (!isRecord(ratings)) return;
    const ids = Object.keys(ratings);
    if (!known) {
      if (ids.length > MAX_RATINGS)
        problems.push({
          code: 'too-many',
          path,
          params: { max: MAX_RATINGS },
          found: { kind: 'number', value: ids.length },
        });
      return;
    }
    const removed = ids.filter((id) => !known.has(id)).length;
    if (removed > MAX_REMOVED_RATINGS) {
      problems.push({ code: 'too-many-removed', path, params: { max: MAX_REMOVED_RATINGS, count: removed } });
      return;
    }
    for (const id of ids) {
      const level = levelOf(ratings[id]);
      if (typeof level === 'number' && maxLevel !== null && level > maxLevel)
        problems.push({
          code: 'level-out-of-range',
          path: [...path, id, ...levelField],
          params: { max: maxLevel },
          found: found(level),
        });
    }
  };
  checkRatings(data.ratings, ['ratings'], (r) => (isRecord(r) ? r.level : undefined), ['level']);
  if (Array.isArray(data.snapshots)) {
    if (data.snapshots.length > MAX_SNAPSHOTS)
      problems.push({
        code: 'too-many',
        path: ['snapshots'],
        params: { max: MAX_SNAPSHOTS },
        found: { kind: 'number', value: data.snapshots.length },
      });
    else
      data.snapshots.forEach((s, i) => {
        if (isRecord(s)) checkRatings(s.ratings, ['snapshots', i, 'ratings'], (l) => l, []);
      });
  }
  return capProblems(problems);
}

/**
 * Parse and validate the text of an assessment file. The size limit is checked on the UTF-8 byte
 * length before anything is parsed; reserved keys and the limits (checkLimits) before the schema.
 * With `frameworks`, a file for one of them is also checked against its scale and elements.
 */
export function parseAssessmentFile(
  text: string,
  opts: { maxBytes?: number; frameworks?: readonly LimitFramework[] } = {},
): ParseResult {
  const maxBytes = opts.maxBytes ?? MAX_FILE_BYTES;
  if (typeof text !== 'string') return fail('not-json', [{ code: 'not-text', path: [] }]);
  // Cheap bounds first: a UTF-16 code unit is 1–3 UTF-8 bytes (a surrogate pair is 4 for 2 units).
  const tooLarge = text.length > maxBytes || (text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes);
  if (tooLarge)
    return fail('too-large', [
      { code: 'too-large', path: [], params: { mb: Number((maxBytes / (1024 * 1024)).toFixed(1)) } },
    ]);

  const limit = maxMembers(opts.frameworks);
  const members = countMembers(text, limit);
  if (members > limit) return fail('invalid', [{ code: 'too-many-values', path: [], params: { max: limit } }]);

  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail('not-json', [
      { code: 'not-json', path: [], params: { message: e instanceof Error ? e.message : String(e) } },
    ]);
  }

  if (!isRecord(data))
    return fail('wrong-format', [
      { code: 'wrong-format', path: [], params: { expected: ASSESSMENT_FORMAT }, found: found(data) },
    ]);
  if (data.format !== ASSESSMENT_FORMAT)
    return fail('wrong-format', [
      'format' in data
        ? { code: 'wrong-format', path: ['format'], params: { expected: ASSESSMENT_FORMAT }, found: found(data.format) }
        : { code: 'no-format', path: [], params: { expected: ASSESSMENT_FORMAT } },
    ]);
  if (data.version !== ASSESSMENT_VERSION)
    return fail('unknown-version', [
      'version' in data
        ? {
            code: 'unknown-version',
            path: ['version'],
            params: { supported: ASSESSMENT_VERSION },
            found: found(data.version),
          }
        : { code: 'no-version', path: [], params: { supported: ASSESSMENT_VERSION } },
    ]);

  const fwId = isRecord(data.framework) && typeof data.framework.id === 'string' ? data.framework.id : undefined;
  const invalid = (problems: Problem[]): ParseResult => ({
    ok: false,
    error: fwId === undefined ? { code: 'invalid', problems } : { code: 'invalid', problems, frameworkId: fwId },
  });
  const reserved = findReservedKeys(data);
  if (reserved.length) return invalid(reserved);
  const limits = checkLimits(data, opts.frameworks);
  if (limits.length) return invalid(limits);

  const parsed = Assessment.safeParse(data, { reportInput: true });
  if (!parsed.success) return invalid(fromZodIssues(parsed.error.issues));
  return { ok: true, assessment: parsed.data };
}

export type LoadResult =
  | Extract<StoredEntry, { status: 'empty' }>
  | { status: 'ok'; assessment: Assessment }
  | { status: 'corrupt'; raw: string; error: ParseError };

/** Validate what storage held for `frameworkId` (see storage.ts readSaved). */
export function parseSaved(raw: string, frameworkId: string, frameworks?: readonly LimitFramework[]): LoadResult {
  // Whatever is in storage was written by us; no size limit beyond what the browser allowed.
  const parsed = parseAssessmentFile(raw, { maxBytes: Number.POSITIVE_INFINITY, frameworks });
  if (!parsed.ok) return { status: 'corrupt', raw, error: parsed.error };
  if (parsed.assessment.framework.id !== frameworkId)
    return {
      status: 'corrupt',
      raw,
      error: {
        code: 'invalid',
        problems: [
          {
            code: 'framework-mismatch',
            path: ['framework', 'id'],
            params: { stored: frameworkId },
            found: found(parsed.assessment.framework.id),
          },
        ],
      },
    };
  return { status: 'ok', assessment: parsed.assessment };
}

/** The saved assessment of a framework, read and validated in one step. */
export function loadSaved(storage: StorageLike | null | undefined, frameworkId: string): LoadResult {
  const entry = readSaved(storage, frameworkId);
  return entry.status === 'found' ? parseSaved(entry.raw, frameworkId) : entry;
}

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  issues?: readonly { message: string }[];
}

/** Zod issues as "path: message" lines (at most 20), for files whose problems are not assessment problems (review sessions, progress files). */
export function formatIssues(issues: readonly IssueLike[]): string[] {
  const out = issues.map((issue) => {
    const where = issue.path.length ? issue.path.map((x) => String(x)).join('.') : '(file)';
    const message =
      issue.code === 'invalid_key' && issue.issues?.length
        ? `invalid id: ${issue.issues.map((i) => i.message).join('; ')}`
        : issue.message;
    return `${where}: ${message}`;
  });
  return out.length <= 20 ? out : [...out.slice(0, 20), `… and ${out.length - 20} more problems`];
}
