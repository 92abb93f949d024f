/**
 * Onboarding checklist progress: storage format, counts, and the time-aware schedule (which phase a
 * person is in, what to do this week). Pure (storage and "today" are passed in).
 */
import { isRealIsoDate } from '../schemas/patterns.ts';

export const ONBOARDING_FORMAT = 1;

export interface SectionItems {
  id: string;
  items: string[];
}
export interface Progress {
  done: number;
  total: number;
  sections: Record<string, { done: number; total: number }>;
}
/** What the browser keeps per track: the ticked items and, once given, the start date (YYYY-MM-DD). */
export interface TrackState {
  done: Set<string>;
  start?: string;
}

export function storageKey(track: string): string {
  return `banso:onboarding:${track}`;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export const isIsoDate = (s: unknown): s is string => typeof s === 'string' && isRealIsoDate(s);

/** Parse saved state; anything unreadable gives an empty state (the raw text stays in storage). */
export function parseState(raw: string | null): TrackState {
  if (!raw) return { done: new Set() };
  try {
    const v = JSON.parse(raw) as { format?: unknown; done?: unknown; start?: unknown } | null;
    if (v && typeof v === 'object' && v.format === ONBOARDING_FORMAT && Array.isArray(v.done)) {
      const done = new Set(v.done.filter((x): x is string => typeof x === 'string'));
      return isIsoDate(v.start) ? { done, start: v.start } : { done };
    }
  } catch {
    /* fall through */
  }
  return { done: new Set() };
}

/** The ticked items only (kept for callers that need no start date). */
export function parseOnboardingProgress(raw: string | null): Set<string> {
  return parseState(raw).done;
}

export function serialiseState(s: TrackState): string {
  return JSON.stringify({
    format: ONBOARDING_FORMAT,
    done: [...s.done].sort(),
    ...(s.start ? { start: s.start } : {}),
  });
}

/**
 * Strict reading for storage (a KeptStorage parser): anything that would lose a tick when saved again
 * (not JSON, another format, a non-text item) is unreadable, so it is set aside instead of overwritten.
 */
/** Reads saved track state (ticked items and start date), or says why it cannot (for the kept-storage mechanism). */
export function readState(raw: string): { ok: true; value: TrackState } | { ok: false; problems: string[] } {
  const done = readProgress(raw);
  if (!done.ok) return done;
  return { ok: true, value: parseState(raw) };
}

export function readProgress(raw: string): { ok: true; value: Set<string> } | { ok: false; problems: string[] } {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return { ok: false, problems: ['not-json'] };
  }
  const done = v && typeof v === 'object' ? (v as { done?: unknown }).done : undefined;
  if (
    (v as { format?: unknown } | null)?.format !== ONBOARDING_FORMAT ||
    !Array.isArray(done) ||
    !done.every((x) => typeof x === 'string')
  )
    return { ok: false, problems: ['wrong-format'] };
  return { ok: true, value: new Set(done as string[]) };
}

export function serialise(done: Set<string>): string {
  return serialiseState({ done });
}

/** Counts per section and overall; ids that no longer exist in the track are ignored. */
export function computeProgress(sections: SectionItems[], done: Set<string>): Progress {
  const out: Progress = { done: 0, total: 0, sections: {} };
  for (const s of sections) {
    const d = s.items.filter((i) => done.has(i)).length;
    out.sections[s.id] = { done: d, total: s.items.length };
    out.done += d;
    out.total += s.items.length;
  }
  return out;
}

/** Day of the track: 1 on the start date, 8 a week later. Dates are calendar dates (YYYY-MM-DD), no time zone. */
export function trackDay(start: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

export interface ScheduleSection extends SectionItems {
  dueDay: number;
}
export interface Schedule {
  /** Day of the track (at least 1). */
  day: number;
  /** The phase the day falls in (the last one after the track's end). */
  current: string;
  /** Items not yet done that are due by the end of this week (day + 6), overdue ones first, in track order. */
  thisWeek: string[];
  /** The next items not yet done after this week's (at most `more`). */
  next: string[];
  /** Day by which each item is due: a phase's items are spread evenly over its days, in order. */
  due: Record<string, number>;
}

export function schedule(sections: ScheduleSection[], day: number, done: Set<string>, more = 3): Schedule {
  const d = Math.max(1, day);
  const due: Record<string, number> = {};
  let prev = 0;
  for (const s of sections) {
    const span = Math.max(1, s.dueDay - prev);
    s.items.forEach((id, k) => {
      due[id] = prev + Math.ceil(((k + 1) * span) / s.items.length);
    });
    prev = s.dueDay;
  }
  const current = (sections.find((s) => s.dueDay >= d) ?? sections[sections.length - 1]).id;
  const open = sections.flatMap((s) => s.items).filter((id) => !done.has(id));
  const thisWeek = open.filter((id) => due[id] <= d + 6);
  const next = open.filter((id) => due[id] > d + 6).slice(0, more);
  return { day: d, current, thisWeek, next, due };
}
