/** Small helpers shared by the team review's parts (display only; the rules live in src/lib/team). */
import type { Translate } from '../../i18n/translator.ts';
import type { ClientData } from '../../lib/assessment/skill-island-props.ts';
import type { AssessmentKind } from '../../schemas/assessment.ts';

export interface Named {
  name: string;
  unnamedSource?: string;
}

/** The member's name, or "Unnamed (file)" for a file without one. */
export function displayName(m: Named, t: Translate): string {
  return m.name || t('team.unnamedFrom', { file: m.unnamedSource ?? '?' });
}

export function roleNamer(data: ClientData): (id: string | undefined) => string {
  const names = new Map(data.roles.map((r) => [r.id, r.name]));
  return (id) => (id ? (names.get(id) ?? id) : '');
}

export function kindName(kind: AssessmentKind, t: Translate): string {
  return kind === 'manager' ? t('team.kind.manager') : kind === 'agreed' ? t('team.kind.agreed') : t('team.kind.self');
}

/** Labels made unique (the radar keys its series by label). */
export function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n > 1 ? `${l} (${n})` : l;
  });
}

/** "2026-11-24" from an ISO date-time (the writer's own calendar date). */
export const dateOf = (iso: string) => iso.slice(0, 10);
