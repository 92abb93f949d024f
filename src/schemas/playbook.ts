import { z } from 'astro/zod';
import { Id, IsoDate, Layer, Phase, Stewardship, Touch } from './common.ts';

export const PLAYBOOK_TYPES = ['risk', 'lifecycle', 'expansion', 'objective', 'renewal', 'digital'] as const;
export const PlaybookType = z.enum(PLAYBOOK_TYPES);
export const TRIGGER_KINDS = ['metric', 'event', 'date', 'manual'] as const;

const text = z.string().trim().min(1);

export const PlaybookStep = z.object({
  title: text,
  /** A role id (e.g. "csm") that does the step. */
  owner: Id,
  /** Human label of the timing, e.g. "Day 0", "Within 2 business days". */
  when: text,
  /** Days relative to the trigger, used to order and draw the timeline. */
  day: z.number().int().min(-365).max(730),
  /**
   * A policy key (content/policies/) that sets this step's timing: the content check requires the
   * step's `day` to be the policy's day, so the two cannot drift apart.
   */
  policy: Id.optional(),
  detail: text.optional(),
});

/** Front matter of a playbook in the canonical (English) locale: content/playbooks/en/<id>.md */
export const Playbook = z.object({
  title: text,
  summary: text,
  type: PlaybookType,
  phase: Phase,
  layers: z.array(Layer).min(1),
  touch: z.array(Touch).min(1),
  trigger: z.object({
    kind: z.enum(TRIGGER_KINDS),
    automatic: z.boolean(),
    description: text,
  }),
  objective: text,
  /** Role id accountable for the playbook. */
  ownerRole: Id,
  steps: z.array(PlaybookStep).min(1),
  exitCriteria: z.array(text).min(1),
  metrics: z.array(text).min(1),
  escalation: text.optional(),
  discoveryQuestions: z.array(text).optional(),
  /** Skill elements (and the level) that running this playbook trains or evidences. */
  trains: z.array(z.object({ framework: Id, element: Id, level: z.number().int().min(1) })).default([]),
  /** Journey stages this playbook serves, as { journey, stage }. */
  journeyStages: z.array(z.object({ journey: Id, stage: Id })).default([]),
  draft: z.boolean().default(false),
  ...Stewardship,
});
export type Playbook = z.infer<typeof Playbook>;

/**
 * Front matter of a translated playbook: content/playbooks/<locale>/<id>.md, same file name as the
 * English one. It carries only words; structure (type, phase, owners, timing…) comes from English.
 * Lists must have the same length as the English lists they translate.
 */
export const PlaybookTranslation = z
  .object({
    title: text,
    summary: text.optional(),
    trigger: z.object({ description: text }).optional(),
    objective: text.optional(),
    /** `when`: the step's timing label in this language (required where the English step has one). */
    steps: z.array(z.object({ title: text, when: text.optional(), detail: text.optional() }).strict()).optional(),
    exitCriteria: z.array(text).optional(),
    metrics: z.array(text).optional(),
    escalation: text.optional(),
    discoveryQuestions: z.array(text).optional(),
    translated: IsoDate.optional(),
  })
  .strict();
export type PlaybookTranslation = z.infer<typeof PlaybookTranslation>;
