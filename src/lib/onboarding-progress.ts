/** Onboarding checklist progress: storage format and counts. Pure (storage is passed in). */
export const ONBOARDING_FORMAT = 1;

export interface SectionItems { id: string; items: string[] }
export interface Progress { done: number; total: number; sections: Record<string, { done: number; total: number }> }

export function storageKey(track: string): string {
  return `banso:onboarding:${track}`;
}

/** Parse saved progress; anything unreadable gives an empty set (the raw text is kept by the caller). */
export function parseSaved(raw: string | null): Set<string> {
  if (!raw) return new Set();
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === 'object' && (v as { format?: unknown }).format === ONBOARDING_FORMAT && Array.isArray((v as { done?: unknown }).done))
      return new Set(((v as { done: unknown[] }).done).filter((x): x is string => typeof x === 'string'));
  } catch { /* fall through */ }
  return new Set();
}

/**
 * Strict reading for storage (a KeptStorage parser): anything that would lose a tick when saved again
 * (not JSON, another format, a non-text item) is unreadable, so it is set aside instead of overwritten.
 */
export function readProgress(raw: string): { ok: true; value: Set<string> } | { ok: false; problems: string[] } {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return { ok: false, problems: ['not-json'] };
  }
  const done = v && typeof v === 'object' ? (v as { done?: unknown }).done : undefined;
  if ((v as { format?: unknown } | null)?.format !== ONBOARDING_FORMAT || !Array.isArray(done) || !done.every((x) => typeof x === 'string'))
    return { ok: false, problems: ['wrong-format'] };
  return { ok: true, value: new Set(done as string[]) };
}

export function serialise(done: Set<string>): string {
  return JSON.stringify({ format: ONBOARDING_FORMAT, done: [...done].sort() });
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
