/** Review dates and ownership: what is past its review date, what has no owner. */
import type { ContentSet } from './check.ts';

export interface Freshness {
  reviewed?: string;
  reviewEvery: number;
}

/** Date (YYYY-MM-DD) when content reviewed on `reviewed` is due again, or undefined when never reviewed. */
export function reviewDue(f: Freshness): string | undefined {
  if (!f.reviewed) return undefined;
  const d = new Date(`${f.reviewed}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + f.reviewEvery);
  return d.toISOString().slice(0, 10);
}

/** True when content has never been reviewed or its review date has passed. */
export function isReviewOverdue(f: Freshness, today: string): boolean {
  const due = reviewDue(f);
  return due === undefined || due < today;
}

export interface FreshnessWarning {
  file: string;
  kind: 'overdue' | 'never-reviewed' | 'no-owner';
  message: string;
}

export function freshnessReport(c: ContentSet, today: string): FreshnessWarning[] {
  const out: FreshnessWarning[] = [];
  const entries: { file: string; data: { owner?: string; reviewed?: string; reviewEvery: number; draft?: boolean } }[] = [
    ...c.frameworks.values(), ...c.roles.values(), ...c.playbooks.values(), ...c.journeys.values(),
    ...c.onboarding.values(), ...c.healthModels.values(), ...c.team.values(), ...c.policies.values(),
  ];
  for (const e of entries.sort((a, b) => a.file.localeCompare(b.file))) {
    const due = reviewDue(e.data);
    if (!e.data.reviewed) out.push({ file: e.file, kind: 'never-reviewed', message: 'has no reviewed date' });
    else if (due! < today) out.push({ file: e.file, kind: 'overdue', message: `review was due on ${due} (reviewed ${e.data.reviewed}, every ${e.data.reviewEvery} days)` });
    if (!e.data.owner) out.push({ file: e.file, kind: 'no-owner', message: 'has no owner' });
  }
  return out;
}
