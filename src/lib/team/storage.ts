/**
 * Keeping the imported team in this browser, under one localStorage key ('banso:team'), versioned.
 * Nothing here throws. A stored team that cannot be read is never deleted behind the user's back:
 * it comes back raw so the UI can offer it for download; only "forget this team" removes it.
 */
import * as z from 'zod/mini';
import { Assessment } from '../../schemas/assessment.ts';
import { isQuotaError, type SaveResult, type StorageLike } from '../assessment/storage.ts';
import { formatIssues } from '../assessment/file-format.ts';
import type { TeamEntry } from './import-batch.ts';

export const TEAM_STORAGE_KEY = 'banso:team';
export const TEAM_FORMAT = 'banso-team';
export const TEAM_STORE_VERSION = 1;

const StoredTeam = z.object({
  format: z.literal(TEAM_FORMAT),
  version: z.literal(TEAM_STORE_VERSION),
  savedAt: z.string(),
  entries: z.array(
    z.object({
      source: z.string().check(z.maxLength(1000)),
      origin: z.enum(['file', 'link']),
      assessment: Assessment,
    }),
  ),
});

export type TeamLoadResult =
  | { status: 'empty'; unavailable?: true }
  | { status: 'ok'; entries: TeamEntry[]; savedAt: string }
  | { status: 'corrupt'; raw: string; details: string[] };

export function loadTeam(storage: StorageLike | null | undefined): TeamLoadResult {
  let raw: string | null;
  try {
    if (!storage) return { status: 'empty', unavailable: true };
    raw = storage.getItem(TEAM_STORAGE_KEY);
  } catch {
    return { status: 'empty', unavailable: true };
  }
  if (raw === null || raw === undefined) return { status: 'empty' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { status: 'corrupt', raw: String(raw), details: [e instanceof Error ? e.message : String(e)] };
  }
  if (data && typeof data === 'object' && (data as { version?: unknown }).version !== TEAM_STORE_VERSION && (data as { format?: unknown }).format === TEAM_FORMAT)
    return { status: 'corrupt', raw, details: [`version: saved by team format version ${String((data as { version?: unknown }).version)}; this Bansō reads version ${TEAM_STORE_VERSION}`] };
  const parsed = StoredTeam.safeParse(data);
  if (!parsed.success) return { status: 'corrupt', raw, details: formatIssues(parsed.error.issues) };
  return { status: 'ok', entries: parsed.data.entries, savedAt: parsed.data.savedAt };
}

/** The stored text for `entries` (exported for tests and for sizing). */
export function serialiseTeam(entries: readonly TeamEntry[], now: Date = new Date()): string {
  return JSON.stringify({ format: TEAM_FORMAT, version: TEAM_STORE_VERSION, savedAt: now.toISOString(), entries });
}

export function saveTeam(storage: StorageLike | null | undefined, entries: readonly TeamEntry[], now: Date = new Date()): SaveResult {
  if (!storage) return { ok: false, reason: 'unavailable' };
  try {
    storage.setItem(TEAM_STORAGE_KEY, serialiseTeam(entries, now));
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: isQuotaError(e) ? 'quota' : 'unavailable' };
  }
}

/** "Forget this team": removes the stored team. False when the storage could not be reached. */
export function forgetTeam(storage: StorageLike | null | undefined): boolean {
  if (!storage) return false;
  try {
    storage.removeItem(TEAM_STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}
