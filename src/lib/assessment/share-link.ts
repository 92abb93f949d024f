/**
 * Share an assessment as a link. Everything lives in the URL hash (the part after "#"), which
 * browsers never send to a server. Only levels travel: evidence, snapshots and the assessor stay on
 * the person's device.
 *
 *   #v=1&fw=cs-skills&fwv=2026.1&h=1a2b3c4d&name=Hanako%20Yamada&role=csm&target=senior-csm
 *    &r=customer-360-view.2~lifecycle-management.3
 *
 * Ratings are keyed by element id, never by position, so a link made before a framework change is
 * still read correctly (and reconcile() reports what moved).
 *
 * Reading rules: a leading "#" (or everything up to the first "#" of a full URL) is ignored; "+" and
 * "%20" both mean a space; when a key or an element appears twice, the first one wins.
 */
import { ASSESSMENT_VERSION, MAX_PERSON_NAME } from '../../schemas/assessment-constants.ts';
import type { Assessment } from '../../schemas/assessment.ts';
import { capProblems, clip, found, RESERVED_KEYS, type Problem } from './problems.ts';

export const SHARE_VERSION = String(ASSESSMENT_VERSION);
/** Far above any real link (14 elements and a 120-character Japanese name are ~1,600 characters). */
export const MAX_SHARE_HASH_LENGTH = 100_000;
const MAX_SHARED_RATINGS = 1000;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface SharedAssessment {
  frameworkId: string;
  frameworkVersion: string;
  hash: string;
  name: string;
  role?: string;
  targetRole?: string;
  ratings: Record<string, number>;
}
export type ShareErrorCode = 'no-data' | 'unknown-version' | 'malformed';
export type ShareParseResult =
  | { ok: true; value: SharedAssessment }
  | { ok: false; error: { code: ShareErrorCode; problems: Problem[] } };

/** Replace lone surrogates with U+FFFD (encodeURIComponent throws on them). */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function enc(s: string): string {
  return encodeURIComponent(wellFormed(s));
}

/** Ids in `r` are joined with "~" and split from the level at the last "."; keep both unambiguous. */
function encId(s: string): string {
  return enc(s).replace(/\./g, '%2E').replace(/~/g, '%7E');
}

export function toShareHash(a: Pick<Assessment, 'person' | 'framework' | 'ratings'>): string {
  const parts: string[] = [
    `v=${SHARE_VERSION}`,
    `fw=${enc(a.framework.id)}`,
    `fwv=${enc(a.framework.version)}`,
    `h=${enc(a.framework.hash)}`,
    `name=${enc(a.person.name)}`,
  ];
  if (a.person.role) parts.push(`role=${enc(a.person.role)}`);
  if (a.person.targetRole) parts.push(`target=${enc(a.person.targetRole)}`);
  const r = Object.entries(a.ratings).map(([id, rating]) => `${encId(id)}.${rating.level}`);
  parts.push(`r=${r.join('~')}`);
  return `#${parts.join('&')}`;
}

/** Decode one component; "+" is a space. Returns null for a broken %-sequence. */
function dec(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const fail = (code: ShareErrorCode, problems: Problem[] = []): ShareParseResult => ({
  ok: false,
  error: { code, problems: capProblems(problems, 20) },
});

/** Where each link key lands in an assessment file, so problems read the same for files and links. */
const FIELD: Record<string, (string | number)[]> = {
  v: ['version'],
  fw: ['framework', 'id'],
  fwv: ['framework', 'version'],
  h: ['framework', 'hash'],
  name: ['person', 'name'],
  role: ['person', 'role'],
  target: ['person', 'targetRole'],
  r: ['ratings'],
};

export function parseShareHash(hash: string): ShareParseResult {
  if (typeof hash !== 'string') return fail('no-data');
  if (hash.length > MAX_SHARE_HASH_LENGTH)
    return fail('malformed', [
      { code: 'link-too-long', path: [], params: { length: hash.length, max: MAX_SHARE_HASH_LENGTH } },
    ]);
  const at = hash.indexOf('#');
  const body = at >= 0 ? hash.slice(at + 1) : hash;
  if (!body.trim()) return fail('no-data');

  // Raw (still encoded) values, first occurrence of each key wins.
  const raw = new Map<string, string>();
  const problems: Problem[] = [];
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = dec(eq >= 0 ? pair.slice(0, eq) : pair);
    if (key === null) {
      problems.push({ code: 'link-bad-key', path: [], params: { text: clip(pair) } });
      continue;
    }
    if (!raw.has(key)) raw.set(key, eq >= 0 ? pair.slice(eq + 1) : '');
  }

  if (!raw.has('v')) return fail('no-data');
  const v = dec(raw.get('v') ?? '');
  if (v !== SHARE_VERSION)
    return fail('unknown-version', [
      {
        code: 'unknown-version',
        path: ['version'],
        params: { supported: SHARE_VERSION },
        found: found(v === null || v === '' ? undefined : v),
      },
    ]);

  const text = (key: string, required: boolean): string | undefined => {
    const r = raw.get(key);
    if (r === undefined || r === '') {
      if (required) problems.push({ code: 'link-missing', path: FIELD[key] });
      return undefined;
    }
    const d = dec(r);
    if (d === null) problems.push({ code: 'link-undecodable', path: FIELD[key] });
    return d ?? undefined;
  };
  const id = (key: string, required: boolean): string | undefined => {
    const d = text(key, required);
    if (d !== undefined && !ID.test(d)) {
      problems.push({ code: 'not-id', path: FIELD[key], found: found(d) });
      return undefined;
    }
    return d;
  };

  const frameworkId = id('fw', true);
  const frameworkVersion = text('fwv', true);
  if (frameworkVersion !== undefined && (!frameworkVersion.trim() || frameworkVersion.length > 64))
    problems.push({ code: 'link-not-version', path: FIELD.fwv, found: found(frameworkVersion) });
  const h = text('h', true);
  if (h !== undefined && !/^[0-9a-z]{1,64}$/.test(h))
    problems.push({ code: 'not-hash', path: FIELD.h, found: found(h) });
  const name = text('name', true);
  if (name !== undefined) {
    if (!name.trim()) problems.push({ code: 'link-name-empty', path: FIELD.name });
    else if ([...name].length > MAX_PERSON_NAME)
      problems.push({ code: 'too-long', path: FIELD.name, params: { max: MAX_PERSON_NAME } });
  }
  const role = id('role', false);
  const targetRole = id('target', false);

  const ratings: Record<string, number> = {};
  const r = raw.get('r') ?? '';
  const entries = r ? r.split('~') : [];
  if (entries.length > MAX_SHARED_RATINGS)
    problems.push({
      code: 'too-many',
      path: FIELD.r,
      params: { max: MAX_SHARED_RATINGS },
      found: { kind: 'number', value: entries.length },
    });
  else
    for (const entry of entries) {
      const dot = entry.lastIndexOf('.');
      const el = dot > 0 ? dec(entry.slice(0, dot)) : null;
      const level = dot > 0 ? entry.slice(dot + 1) : '';
      if (el !== null && RESERVED_KEYS.has(el)) {
        problems.push({ code: 'reserved-key', path: FIELD.r, params: { key: el } });
        continue;
      }
      if (el === null || !ID.test(el) || !/^\d{1,3}$/.test(level)) {
        problems.push({ code: 'link-rating-unreadable', path: FIELD.r, params: { text: clip(entry) } });
        continue;
      }
      if (!Object.hasOwn(ratings, el)) ratings[el] = Number(level);
    }

  if (
    problems.length ||
    frameworkId === undefined ||
    frameworkVersion === undefined ||
    h === undefined ||
    name === undefined
  )
    return fail('malformed', problems.length ? problems : [{ code: 'link-incomplete', path: [] }]);

  const value: SharedAssessment = { frameworkId, frameworkVersion, hash: h, name, ratings };
  if (role) value.role = role;
  if (targetRole) value.targetRole = targetRole;
  return { ok: true, value };
}
