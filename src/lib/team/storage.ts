/**
 * Keeping the imported team in this browser, under one localStorage key ('banso:team'), versioned.
 * Nothing here throws. A stored team that cannot be read is never deleted behind the user's back:
 * it comes back raw so the UI can offer it for download; only "forget this team" removes it.
 */
import * as z from 'zod/mini';
import { Assessment } from '../../schemas/assessment.ts';
import { isQuotaError, KeptStorage, type SaveResult, type StorageLike } from '../storage/kept-storage.ts';
import { findReservedKeys, found, fromZodIssues, type Problem } from '../assessment/problems.ts';
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
  | { status: 'corrupt'; raw: string; problems: Problem[] };

export interface StoredTeamValue {
  entries: TeamEntry[];
  savedAt: string;
}

/** Validate the stored team text (a KeptStorage parser: an unreadable value is set aside, never overwritten). */
export function parseStoredTeam(
  raw: string,
): { ok: true; value: StoredTeamValue } | { ok: false; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return {
      ok: false,
      problems: [{ code: 'not-json', path: [], params: { message: e instanceof Error ? e.message : String(e) } }],
    };
  }
  if (
    data &&
    typeof data === 'object' &&
    (data as { version?: unknown }).version !== TEAM_STORE_VERSION &&
    (data as { format?: unknown }).format === TEAM_FORMAT
  )
    return {
      ok: false,
      problems: [
        {
          code: 'store-version',
          path: ['version'],
          params: { supported: TEAM_STORE_VERSION },
          found: found((data as { version?: unknown }).version),
        },
      ],
    };
  const reserved = findReservedKeys(data);
  if (reserved.length) return { ok: false, problems: reserved };
  const parsed = StoredTeam.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: fromZodIssues(parsed.error.issues) };
  return { ok: true, value: { entries: parsed.data.entries, savedAt: parsed.data.savedAt } };
}

export function loadTeam(storage: StorageLike | null | undefined): TeamLoadResult {
  const entry = new KeptStorage(storage).raw(TEAM_STORAGE_KEY);
  if (entry.status === 'empty') return entry;
  const r = parseStoredTeam(entry.raw);
  if (!r.ok) return { status: 'corrupt', raw: entry.raw, problems: r.problems };
  return { status: 'ok', entries: r.value.entries, savedAt: r.value.savedAt };
}

/** The stored text for `entries` (exported for tests and for sizing). */
export function serialiseTeam(entries: readonly TeamEntry[], now: Date = new Date()): string {
  return JSON.stringify({ format: TEAM_FORMAT, version: TEAM_STORE_VERSION, savedAt: now.toISOString(), entries });
}

export function saveTeam(
  storage: StorageLike | null | undefined,
  entries: readonly TeamEntry[],
  now: Date = new Date(),
): SaveResult {
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
