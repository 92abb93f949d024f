/**
 * Reading assessment files (the JSON a person downloads, keeps and imports again) and the copy kept
 * in the browser, validated against the one schema. Pure: no DOM, no file system. Every failure
 * comes back as a code the UI can explain, never a throw. Writing files is file-output.ts.
 */
import { Assessment, ASSESSMENT_FORMAT, ASSESSMENT_VERSION } from '../../schemas/assessment.ts';
import { readSaved, type StorageLike, type StoredEntry } from './storage.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_DETAILS = 50;

export type ParseErrorCode = 'too-large' | 'not-json' | 'wrong-format' | 'unknown-version' | 'invalid';
export interface ParseError {
  code: ParseErrorCode;
  details?: string[];
}
export type ParseResult = { ok: true; assessment: Assessment } | { ok: false; error: ParseError };

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

interface IssueLike {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  issues?: readonly IssueLike[];
}

/** One line per problem, "ratings.x.level: message"; problems inside a record key say so. */
export function formatIssues(issues: readonly IssueLike[]): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const where = issue.path.length ? issue.path.map((p) => String(p)).join('.') : '(file)';
    let message = issue.message;
    if (issue.code === 'invalid_key' && issue.issues?.length) message = `invalid id: ${issue.issues.map((i) => i.message).join('; ')}`;
    out.push(`${where}: ${message}`);
  }
  return capDetails(out);
}

function capDetails(lines: string[]): string[] {
  if (lines.length <= MAX_DETAILS) return lines;
  return [...lines.slice(0, MAX_DETAILS), `… and ${lines.length - MAX_DETAILS} more problems`];
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return typeof v === 'object' ? 'an object' : String(v);
}

/**
 * Parse and validate the text of an assessment file. The size limit is checked on the UTF-8 byte
 * length before anything is parsed.
 */
export function parseAssessmentFile(text: string, opts: { maxBytes?: number } = {}): ParseResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (typeof text !== 'string') return { ok: false, error: { code: 'not-json', details: ['the file is not text'] } };
  // Cheap bounds first: a UTF-16 code unit is 1–3 UTF-8 bytes (a surrogate pair is 4 for 2 units).
  const tooLarge = text.length > maxBytes || (text.length * 3 > maxBytes && utf8ByteLength(text) > maxBytes);
  if (tooLarge) {
    const mb = (maxBytes / (1024 * 1024)).toFixed(maxBytes % (1024 * 1024) === 0 ? 0 : 1);
    return { ok: false, error: { code: 'too-large', details: [`the file is larger than ${mb} MB`] } };
  }

  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, error: { code: 'not-json', details: [e instanceof Error ? e.message : String(e)] } };
  }

  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { ok: false, error: { code: 'wrong-format', details: [`expected an object with format "${ASSESSMENT_FORMAT}", found ${describe(data)}`] } };
  const record = data as Record<string, unknown>;
  if (record.format !== ASSESSMENT_FORMAT)
    return {
      ok: false,
      error: {
        code: 'wrong-format',
        details: [
          'format' in record
            ? `expected format "${ASSESSMENT_FORMAT}", found ${describe(record.format)}`
            : `the file has no "format" field; an assessment file has format "${ASSESSMENT_FORMAT}"`,
        ],
      },
    };
  if (record.version !== ASSESSMENT_VERSION)
    return {
      ok: false,
      error: {
        code: 'unknown-version',
        details: [
          'version' in record
            ? `the file is version ${describe(record.version)}; this version of Bansō reads version ${ASSESSMENT_VERSION}`
            : `the file has no version; this version of Bansō reads version ${ASSESSMENT_VERSION}`,
        ],
      },
    };

  const parsed = Assessment.safeParse(data);
  if (!parsed.success) return { ok: false, error: { code: 'invalid', details: formatIssues(parsed.error.issues) } };
  return { ok: true, assessment: parsed.data };
}

export type LoadResult =
  | Extract<StoredEntry, { status: 'empty' }>
  | { status: 'ok'; assessment: Assessment }
  | { status: 'corrupt'; raw: string; error: ParseError };

/** Validate what storage held for `frameworkId` (see storage.ts readSaved). */
export function parseSaved(raw: string, frameworkId: string): LoadResult {
  // Whatever is in storage was written by us; no size limit beyond what the browser allowed.
  const parsed = parseAssessmentFile(raw, { maxBytes: Number.POSITIVE_INFINITY });
  if (!parsed.ok) return { status: 'corrupt', raw, error: parsed.error };
  if (parsed.assessment.framework.id !== frameworkId)
    return {
      status: 'corrupt',
      raw,
      error: { code: 'invalid', details: [`framework.id: stored under "${frameworkId}" but made for "${parsed.assessment.framework.id}"`] },
    };
  return { status: 'ok', assessment: parsed.assessment };
}

/** The saved assessment of a framework, read and validated in one step. */
export function loadSaved(storage: StorageLike | null | undefined, frameworkId: string): LoadResult {
  const entry = readSaved(storage, frameworkId);
  return entry.status === 'found' ? parseSaved(entry.raw, frameworkId) : entry;
}
