/** Links between content: reverse links and onboarding item targets. Pure. */
import type { ContentSet } from './check.ts';
import type { LText } from '../../schemas/common.ts';

export type TargetKind = 'task' | 'playbook' | 'journey' | 'journey-stage' | 'element' | 'glossary' | 'health-model' | 'role';

/** Site path (without locale or base) and title of a content target. */
export function resolveTarget(c: ContentSet, kind: TargetKind, ref: string | undefined): { path: string; title: LText } | undefined {
  if (!ref) return undefined;
  switch (kind) {
    case 'playbook': {
      const p = c.playbooks.get(ref);
      if (!p) return undefined;
      const ja = c.playbookTranslations.get('ja')?.get(ref)?.data.title;
      return { path: `/playbooks/${ref}/`, title: { en: p.data.title, ja } };
    }
    case 'journey': {
      const j = c.journeys.get(ref);
      return j && { path: `/journeys/${ref}/`, title: j.data.name };
    }
    case 'journey-stage': {
      const [jid, sid] = ref.split('/');
      const s = c.journeys.get(jid)?.data.stages.find((x) => x.id === sid);
      return s && { path: `/journeys/${jid}/#stage-${sid}`, title: s.name };
    }
    case 'element': {
      const [fw, el] = ref.split('/');
      const e = c.frameworks.get(fw)?.data.elements.find((x) => x.id === el);
      return e && { path: `/skills/${fw}/${el}/`, title: e.name };
    }
    case 'glossary': {
      const g = c.glossary.get(ref);
      return g && { path: `/glossary/${ref}/`, title: g.data.term };
    }
    case 'health-model': {
      const m = c.healthModels.get(ref);
      return m && { path: `/health/${ref}/`, title: m.data.name };
    }
    case 'role': {
      const r = c.roles.get(ref);
      return r && { path: `/roles/${ref}/`, title: r.data.name };
    }
    default:
      return undefined;
  }
}

/** Playbooks that train or evidence an element, with the level they train. */
export function playbooksTraining(c: ContentSet, framework: string, element: string): { id: string; level: number }[] {
  const out: { id: string; level: number }[] = [];
  for (const p of c.playbooks.values())
    for (const t of p.data.trains) if (t.framework === framework && t.element === element) out.push({ id: p.id, level: t.level });
  return out.sort((a, b) => a.level - b.level || a.id.localeCompare(b.id));
}

/** Onboarding items that point at a target, as { track, section, item }. */
export function onboardingItemsFor(c: ContentSet, kind: TargetKind, ref: string): { track: string; section: string; item: string }[] {
  const out: { track: string; section: string; item: string }[] = [];
  for (const t of c.onboarding.values())
    for (const s of t.data.sections) for (const it of s.items) if (it.kind === kind && it.ref === ref) out.push({ track: t.id, section: s.id, item: it.id });
  return out;
}

/** Expected level of every role for an element. */
export function roleExpectations(c: ContentSet, framework: string, element: string): { role: string; level: number }[] {
  const out: { role: string; level: number }[] = [];
  for (const r of c.roles.values()) {
    const ex = r.data.expectations.find((e) => e.framework === framework);
    if (ex && element in ex.levels) out.push({ role: r.id, level: ex.levels[element] });
  }
  return out.sort((a, b) => (c.roles.get(a.role)!.data.rank - c.roles.get(b.role)!.data.rank) || a.role.localeCompare(b.role));
}

/** Playbooks linked to a journey stage, from both directions (stage → playbook, playbook → stage). */
export function playbooksForStage(c: ContentSet, journey: string, stage: string): string[] {
  const ids = new Set<string>(c.journeys.get(journey)?.data.stages.find((s) => s.id === stage)?.playbooks ?? []);
  for (const p of c.playbooks.values()) if (p.data.journeyStages.some((js) => js.journey === journey && js.stage === stage)) ids.add(p.id);
  return [...ids].filter((id) => c.playbooks.has(id)).sort();
}

/** Roles that can lead to this role (incoming edges of the growth graph). */
export function rolesLeadingTo(c: ContentSet, role: string): { role: string; direction: string }[] {
  const out: { role: string; direction: string }[] = [];
  for (const r of c.roles.values()) for (const n of r.data.next) if (n.role === role) out.push({ role: r.id, direction: n.direction });
  return out;
}
