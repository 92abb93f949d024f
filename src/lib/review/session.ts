/**
 * The review page's memory: one storage entry per member and framework ("banso:review:<framework>:
 * <member key>"), so a manager reviewing two members switches between them and never mixes them.
 * Pure over a storage passed in. Nothing here deletes or overwrites an entry it cannot read: such an
 * entry is listed as unreadable and offered for download instead.
 */
import type { Assessment } from '../../schemas/assessment.ts';
import {
  REVIEW_SESSION_FORMAT,
  REVIEW_SESSION_VERSION,
  ReviewSession,
  type OneOnOneDraft,
} from '../../schemas/review.ts';
import { formatIssues } from '../assessment/file-format.ts';
import { isQuotaError, type SaveResult, type StorageLike } from '../assessment/storage.ts';
import { contentHash, memberKey, relinkManagerReview, startManagerReview } from './records.ts';

export type { ReviewSession };

/** localStorage, or anything that can also list its keys. */
export interface ListableStorage extends StorageLike {
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'banso:review:';

export function sessionKey(frameworkId: string, name: string): string {
  return `${PREFIX}${frameworkId}:${memberKey(name)}`;
}

export type StoredSession =
  | { key: string; status: 'ok'; session: ReviewSession }
  | { key: string; status: 'corrupt'; raw: string; details: string[] };

export function parseSession(raw: string): { ok: true; session: ReviewSession } | { ok: false; details: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { ok: false, details: [e instanceof Error ? e.message : String(e)] };
  }
  const r = ReviewSession.safeParse(data);
  if (!r.success) return { ok: false, details: formatIssues(r.error.issues) };
  const s = r.data;
  if (memberKey(s.self.person.name) !== memberKey(s.manager.person.name))
    return { ok: false, details: ['manager.person.name: the review is of another person than the self-assessment'] };
  if (s.agreed.some((a) => memberKey(a.person.name) !== memberKey(s.self.person.name)))
    return { ok: false, details: ['agreed: a record of another person'] };
  return { ok: true, session: s };
}

/** Every review kept in this browser for `frameworkId`, readable ones by member name. */
export function listSessions(storage: ListableStorage | null | undefined, frameworkId: string): StoredSession[] {
  const out: StoredSession[] = [];
  if (!storage) return out;
  let keys: string[];
  try {
    keys = [];
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(`${PREFIX}${frameworkId}:`)) keys.push(k);
    }
  } catch {
    return out;
  }
  for (const key of keys.sort()) {
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch {
      continue;
    }
    if (raw === null) continue;
    const r = parseSession(raw);
    if (
      r.ok &&
      sessionKey(frameworkId, r.session.self.person.name) === key &&
      r.session.self.framework.id === frameworkId
    )
      out.push({ key, status: 'ok', session: r.session });
    else
      out.push({
        key,
        status: 'corrupt',
        raw,
        details: r.ok ? ['stored under another member or framework'] : r.details,
      });
  }
  return out;
}

export type SessionSaveResult = SaveResult | { ok: false; reason: 'unreadable-entry' };

/**
 * Save a review under its member's key. An entry there that cannot be read is never overwritten
 * (`overwriteUnreadable` after the person chose to replace it).
 */
export function saveSession(
  storage: StorageLike | null | undefined,
  s: ReviewSession,
  opts: { overwriteUnreadable?: boolean } = {},
): SessionSaveResult {
  if (!storage) return { ok: false, reason: 'unavailable' };
  const key = sessionKey(s.self.framework.id, s.self.person.name);
  try {
    const before = storage.getItem(key);
    if (before !== null && !opts.overwriteUnreadable && !parseSession(before).ok)
      return { ok: false, reason: 'unreadable-entry' };
    storage.setItem(key, JSON.stringify(s));
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: isQuotaError(e) ? 'quota' : 'unavailable' };
  }
}

export function emptyDraft(self: Assessment, manager: Assessment): OneOnOneDraft {
  return { levels: {}, by: [self.person.name, manager.assessor ?? ''].map((n) => n.trim()).filter(Boolean), goals: {} };
}

export function newSession(self: Assessment, assessor: string, now: Date): ReviewSession {
  const manager = startManagerReview(self, assessor, now);
  return {
    format: REVIEW_SESSION_FORMAT,
    version: REVIEW_SESSION_VERSION,
    self,
    manager,
    draft: emptyDraft(self, manager),
    agreed: [],
  };
}

export type SelfUpdate = 'new' | 'same' | 'newer' | 'older';

/**
 * The member sent their self-assessment (again). A newer one replaces the kept copy and the review is
 * re-linked to it, keeping every manager rating and the 1:1 in progress; an older one changes nothing.
 */
export function withSelf(
  existing: ReviewSession | undefined,
  self: Assessment,
  assessor: string,
  now: Date,
): { session: ReviewSession; update: SelfUpdate } {
  if (!existing) return { session: newSession(self, assessor, now), update: 'new' };
  if (contentHash(existing.self) === contentHash(self)) return { session: existing, update: 'same' };
  if (Date.parse(self.updatedAt) < Date.parse(existing.self.updatedAt)) return { session: existing, update: 'older' };
  return { session: { ...existing, self, manager: relinkManagerReview(existing.manager, self) }, update: 'newer' };
}

/** The manager's own review file for this member opened again (e.g. on another computer): it replaces the kept one. */
export function withManager(s: ReviewSession, manager: Assessment): ReviewSession {
  return { ...s, manager };
}

/** An agreed record of this member: kept once (by content), in date order. */
export function withAgreed(s: ReviewSession, agreed: Assessment): ReviewSession {
  const h = contentHash(agreed);
  const others = s.agreed.filter((a) => contentHash(a) !== h && a.agreement?.date !== agreed.agreement?.date);
  const list = [...others, agreed].sort((a, b) =>
    a.agreement!.date < b.agreement!.date ? -1 : a.agreement!.date > b.agreement!.date ? 1 : 0,
  );
  return { ...s, agreed: list.slice(-50) };
}

/**
 * The last agreed levels before today's 1:1: the newest agreed record kept here, or the newest agreed
 * snapshot the member's own file carries (imported into their history on /assess/).
 */
export function lastAgreed(s: ReviewSession): { date: string; levels: Record<string, number>; by: string[] } | null {
  const candidates: { date: string; levels: Record<string, number>; by: string[] }[] = [];
  for (const a of s.agreed)
    candidates.push({
      date: a.agreement!.date,
      levels: Object.fromEntries(Object.entries(a.ratings).map(([k, r]) => [k, r.level])),
      by: a.agreement!.by,
    });
  for (const snap of s.self.snapshots)
    if (snap.agreedBy) candidates.push({ date: snap.date, levels: snap.ratings, by: snap.agreedBy });
  candidates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return candidates[candidates.length - 1] ?? null;
}
