/**
 * An agreed record goes into the member's own history (the self-assessment page): its levels become a
 * snapshot marked with who agreed them, beside the member's own snapshots. Pure.
 */
import type { Assessment } from '../../schemas/assessment.ts';
import { MAX_SNAPSHOTS } from '../../schemas/assessment-constants.ts';
import { memberKey } from './records.ts';

export type AddAgreedResult =
  | { ok: true; assessment: Assessment; date: string; replaced: boolean }
  | { ok: false; code: 'not-agreed' | 'other-person' | 'other-framework'; values: Record<string, string> };

/**
 * `self` with `agreed`'s levels as an agreed snapshot of the agreement date. An agreed snapshot of the
 * same date is replaced (the 1:1 was saved again); the member's own snapshots are never touched. The
 * current ratings stay the member's own.
 */
export function addAgreedToHistory(self: Assessment, agreed: Assessment): AddAgreedResult {
  if (agreed.kind !== 'agreed' || !agreed.agreement) return { ok: false, code: 'not-agreed', values: {} };
  if (agreed.framework.id !== self.framework.id)
    return { ok: false, code: 'other-framework', values: { id: agreed.framework.id, current: self.framework.id } };
  const mine = memberKey(self.person.name);
  if (mine && mine !== memberKey(agreed.person.name))
    return { ok: false, code: 'other-person', values: { name: agreed.person.name, open: self.person.name } };
  const date = agreed.agreement.date;
  const snap = {
    date,
    ratings: Object.fromEntries(Object.entries(agreed.ratings).map(([id, r]) => [id, r.level])),
    agreedBy: [...agreed.agreement.by],
  };
  const replaced = self.snapshots.some((s) => s.agreedBy && s.date === date);
  let snapshots = [...self.snapshots.filter((s) => !(s.agreedBy && s.date === date)), snap].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  if (snapshots.length > MAX_SNAPSHOTS) snapshots = snapshots.slice(-MAX_SNAPSHOTS);
  const person = mine ? self.person : { ...self.person, name: agreed.person.name };
  return { ok: true, assessment: { ...self, person, snapshots }, date, replaced };
}
