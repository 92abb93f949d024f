/**
 * A team member kept in the repository (content/team/<id>.yaml), for teams that keep their reviews
 * in a private repository. Optional: a portal without content/team has no member pages. The review
 * page in the browser (imported files) never reads these files, and these files are never sent
 * anywhere: they are built into static member pages.
 *
 * Cross-references (role, target role, framework, element ids, level scale, unique snapshot dates)
 * are checked by src/lib/content/check.ts.
 */
import { z } from 'astro/zod';
import { Id, IsoDate, Stewardship } from './common.ts';

export const TeamSnapshot = z.object({
  date: IsoDate,
  /** Element id → level (0 = not yet at level 1). Elements missing here were not rated that day. */
  levels: z.record(z.string(), z.number().int('must be a whole number').min(0, 'must be 0 or more')),
  note: z.string().trim().min(1).max(4000).optional(),
  /**
   * Element id → the evidence for that rating (an account, a date, a document or a number), as the
   * matrix asks for every rating. Optional so that files written before it stay valid; the content
   * report lists ratings without evidence.
   */
  evidence: z
    .record(z.string(), z.string().trim().min(1, 'write the evidence or leave the element out').max(2000))
    .optional(),
});
export type TeamSnapshot = z.infer<typeof TeamSnapshot>;

export const TeamMember = z.object({
  /** The person's name as the team writes it (not localised). */
  name: z.string().trim().min(1, 'is required').max(120),
  /** Current role (a role id from content/roles/). */
  role: Id,
  /** The role the person is growing toward. */
  targetRole: Id,
  /** The framework the snapshots rate (a framework id from content/frameworks/). */
  framework: Id,
  /** Dated levels, one entry per review; at least one. */
  snapshots: z.array(TeamSnapshot).min(1, 'add at least one dated snapshot'),
  ...Stewardship,
});
export type TeamMember = z.infer<typeof TeamMember>;
