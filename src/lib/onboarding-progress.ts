/** Onboarding checklist progress: storage format and counts. Pure (storage is passed in). */
export const ONBOARDING_FORMAT = 1;

export interface SectionItems { id: string; items: string[] }
export interface Progress { done: number; total: number; sections: Record<string, { done: number; total: number }> }

export function storageKey(track: string): string {
  return `banso:onboarding:${track}`;
}

/** Parse saved progress; anything unreadable gives an empty set (the raw text is kept by the caller). */
export function parseOnboardingProgress(raw: string | null): Set<string> {
  if (!raw) return new Set();
  try {
    const v = JSON.parse(raw) as unknown;
    if (v && typeof v === 'object' && (v as { format?: unknown }).format === ONBOARDING_FORMAT && Array.isArray((v as { done?: unknown }).done))
      return new Set(((v as { done: unknown[] }).done).filter((x): x is string => typeof x === 'string'));
  } catch { /* fall through */ }
  return new Set();
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
