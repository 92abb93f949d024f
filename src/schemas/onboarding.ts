import { z } from 'astro/zod';
import { Id, LText, Stewardship } from './common.ts';

/** Portal tools a task can open (the self-assessment, the CS Ops map, the team review, the simulator). */
export const ONBOARDING_TOOLS = {
  assess: '/assess/',
  plane: '/plane/',
  team: '/team/',
  simulator: '/health/simulator/',
} as const;

export const ONBOARDING_ITEM_KINDS = [
  'task',
  'playbook',
  'journey-stage',
  'element',
  'glossary',
  'health-model',
  'journey',
  'role',
] as const;

/**
 * An onboarding item either is a plain task (title required) or points at content:
 *  - playbook: "<playbook id>"
 *  - journey: "<journey id>", journey-stage: "<journey id>/<stage id>"
 *  - element: "<framework id>/<element id>"
 *  - glossary: "<term id>", health-model: "<model id>", role: "<role id>"
 */
export const OnboardingItem = z
  .object({
    id: Id,
    kind: z.enum(ONBOARDING_ITEM_KINDS),
    ref: z.string().trim().min(1).optional(),
    title: LText.optional(),
    note: LText.optional(),
    /** A task done in one of the portal's tools: the item's title links to it. */
    tool: z.enum(Object.keys(ONBOARDING_TOOLS) as [keyof typeof ONBOARDING_TOOLS]).optional(),
    /** Minutes the item usually takes. */
    minutes: z.number().int().positive().max(600).optional(),
  })
  .superRefine((it, ctx) => {
    if (it.kind === 'task' && !it.title)
      ctx.addIssue({ code: 'custom', path: ['title'], message: 'a task needs a title' });
    if (it.kind !== 'task' && !it.ref)
      ctx.addIssue({ code: 'custom', path: ['ref'], message: `an item of kind "${it.kind}" needs a ref` });
  });

export const OnboardingSection = z.object({
  id: Id,
  name: LText,
  /** Day by which the section should be done (7, 30, 60, 90…). */
  dueDay: z.number().int().positive(),
  goal: LText,
  items: z.array(OnboardingItem).min(1),
});

export const OnboardingTrack = z
  .object({
    name: LText,
    summary: LText,
    /** Role id the track prepares for. */
    audience: Id,
    sections: z.array(OnboardingSection).min(1),
    ...Stewardship,
  })
  .superRefine((t, ctx) => {
    const sections = new Set<string>();
    const items = new Set<string>();
    let lastDue = 0;
    t.sections.forEach((s, i) => {
      if (sections.has(s.id))
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'id'], message: `duplicate section id "${s.id}"` });
      sections.add(s.id);
      if (s.dueDay < lastDue)
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'dueDay'],
          message: `sections must be in order of dueDay (${s.dueDay} comes after ${lastDue})`,
        });
      lastDue = s.dueDay;
      s.items.forEach((it, j) => {
        if (items.has(it.id))
          ctx.addIssue({
            code: 'custom',
            path: ['sections', i, 'items', j, 'id'],
            message: `duplicate item id "${it.id}" (item ids are unique in a track, they key saved progress)`,
          });
        items.add(it.id);
      });
    });
  });
export type OnboardingTrack = z.infer<typeof OnboardingTrack>;
