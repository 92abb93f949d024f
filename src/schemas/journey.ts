import { z } from 'astro/zod';
import { Id, LList, LText, Phase, Stewardship, Touch } from './common.ts';

export const JourneyStage = z.object({
  id: Id,
  phase: Phase,
  name: LText,
  customerGoal: LText,
  customerActions: LList,
  touchpoints: LList,
  csmActions: LList,
  /** How the customer feels: −5 (very negative) … +5 (very positive). */
  emotion: z.number().int().min(-5).max(5),
  /**
   * Customer effort at this stage: 1 (very little effort) … 7 (very high effort). Not a CES 2.0 answer,
   * whose 7 means the customer strongly agrees it was easy: the two scales run in opposite directions.
   */
  effort: z.number().int().min(1).max(7),
  healthSignals: LList,
  exitCriteria: LList,
  playbooks: z.array(Id).default([]),
  kpis: LList,
});

export const Journey = z
  .object({
    name: LText,
    summary: LText,
    touch: Touch,
    segment: LText.optional(),
    stages: z.array(JourneyStage).min(2),
    ...Stewardship,
  })
  .superRefine((j, ctx) => {
    const seen = new Set<string>();
    j.stages.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'id'], message: `duplicate stage id "${s.id}"` });
      seen.add(s.id);
    });
  });
export type Journey = z.infer<typeof Journey>;
