import { z } from 'astro/zod';
import { Id, LList, LText, Stewardship } from './common.ts';

export const LevelScope = z.enum(['individual', 'organisation']);

export const LevelDef = z.object({
  level: z.number().int().min(1),
  name: LText,
  meaning: LText,
  scope: LevelScope,
});

export const ElementLevel = z.object({
  level: z.number().int().min(1),
  descriptor: LText,
  signals: LList,
  example: LText,
});

export const Element = z.object({
  id: Id,
  group: Id,
  name: LText,
  summary: LText,
  levels: z.array(ElementLevel).min(1),
});

export const Group = z.object({
  id: Id,
  name: LText,
  tagline: LText.optional(),
});

/**
 * A skill framework (a "track"): the CS skills matrix, a domain-skills track, or any axis a team adds.
 * The number of levels and elements is the framework's own.
 */
export const Framework = z
  .object({
    name: LText,
    version: z.string().trim().min(1),
    source: LText,
    description: LText.optional(),
    levels: z.array(LevelDef).min(2, 'a level scale needs at least two levels'),
    groups: z.array(Group).min(1),
    elements: z.array(Element).min(1),
    order: z.number().int().default(100),
    ...Stewardship,
  })
  .superRefine((fw, ctx) => {
    // Levels must be 1..N, in order, no gaps.
    fw.levels.forEach((l, i) => {
      if (l.level !== i + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'level'],
          message: `expected level ${i + 1} here (levels are numbered 1..N in order), found ${l.level}`,
        });
    });
    const max = fw.levels.length;
    const groupIds = new Set(fw.groups.map((g) => g.id));
    const seenGroups = new Set<string>();
    fw.groups.forEach((g, i) => {
      if (seenGroups.has(g.id))
        ctx.addIssue({ code: 'custom', path: ['groups', i, 'id'], message: `duplicate group id "${g.id}"` });
      seenGroups.add(g.id);
    });
    const seen = new Set<string>();
    fw.elements.forEach((el, i) => {
      if (seen.has(el.id))
        ctx.addIssue({ code: 'custom', path: ['elements', i, 'id'], message: `duplicate element id "${el.id}"` });
      seen.add(el.id);
      if (!groupIds.has(el.group))
        ctx.addIssue({
          code: 'custom',
          path: ['elements', i, 'group'],
          message: `unknown group "${el.group}"; known groups: ${[...groupIds].join(', ')}`,
        });
      const levels = el.levels.map((l) => l.level);
      el.levels.forEach((l, j) => {
        if (l.level > max)
          ctx.addIssue({
            code: 'custom',
            path: ['elements', i, 'levels', j, 'level'],
            message: `level ${l.level} is outside the scale 1..${max}`,
          });
      });
      for (let n = 1; n <= max; n++) {
        const count = levels.filter((x) => x === n).length;
        if (count === 0)
          ctx.addIssue({
            code: 'custom',
            path: ['elements', i, 'levels'],
            message: `level ${n} is missing (every element describes every level 1..${max})`,
          });
        if (count > 1)
          ctx.addIssue({
            code: 'custom',
            path: ['elements', i, 'levels'],
            message: `level ${n} is described ${count} times`,
          });
      }
    });
  });
export type Framework = z.infer<typeof Framework>;
export type FrameworkElement = z.infer<typeof Element>;
