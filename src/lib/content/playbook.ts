/** A playbook's words in one language: the translation where it exists, English elsewhere. Pure. */
import type { Playbook, PlaybookTranslation } from '../../schemas/playbook.ts';

export interface LocalisedPlaybook extends Playbook {
  /** True when the page's words are (partly) English because no full translation exists. */
  untranslated: boolean;
  translated: boolean;
}

export function localisePlaybook(en: Playbook, tr: PlaybookTranslation | undefined): LocalisedPlaybook {
  if (!tr) return { ...en, untranslated: true, translated: false };
  const complete =
    tr.summary !== undefined && tr.trigger !== undefined && tr.objective !== undefined && tr.steps !== undefined &&
    tr.steps.every((s, i) => !en.steps[i]?.when || s.when !== undefined) &&
    tr.exitCriteria !== undefined && tr.metrics !== undefined &&
    (en.escalation === undefined || tr.escalation !== undefined) &&
    (en.discoveryQuestions === undefined || tr.discoveryQuestions !== undefined);
  return {
    ...en,
    title: tr.title,
    summary: tr.summary ?? en.summary,
    trigger: { ...en.trigger, description: tr.trigger?.description ?? en.trigger.description },
    objective: tr.objective ?? en.objective,
    steps: en.steps.map((s, i) => ({ ...s, title: tr.steps?.[i]?.title ?? s.title, when: tr.steps?.[i]?.when ?? s.when, detail: tr.steps?.[i]?.detail ?? s.detail })),
    exitCriteria: tr.exitCriteria ?? en.exitCriteria,
    metrics: tr.metrics ?? en.metrics,
    escalation: tr.escalation ?? en.escalation,
    discoveryQuestions: tr.discoveryQuestions ?? en.discoveryQuestions,
    untranslated: !complete,
    translated: true,
  };
}
