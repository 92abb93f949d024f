/**
 * The "take my progress with me" file: everything the portal keeps in a browser for one person, in one
 * JSON file to move between phone and laptop. Assessments are full assessment files (one per framework),
 * so they get the same validation as an assessment import. Written with zod/mini: it runs in the browser.
 */
import * as z from 'zod/mini';
import { Assessment } from './assessment.ts';
import { ID_MESSAGE, ID_PATTERN, isRealIsoDate, LAYERS, PHASES } from './patterns.ts';

export const PROGRESS_FORMAT = 'banso-progress';
export const PROGRESS_VERSION = 1;

const Id = z.string().check(z.regex(ID_PATTERN, ID_MESSAGE));
const IsoDate = z.string().check(z.refine(isRealIsoDate, 'must be a real date written YYYY-MM-DD'));
const CELLS = PHASES.flatMap((p) => LAYERS.map((l) => `${p}/${l}`));
const View = z.enum(['radar', 'bars']);

export const OnboardingProgress = z.object({
  done: z.array(Id).check(z.maxLength(2000)),
  start: z.optional(IsoDate),
});

export const ProgressFile = z.object({
  format: z.literal(PROGRESS_FORMAT),
  version: z.literal(PROGRESS_VERSION),
  exportedAt: z.string(),
  /** One assessment per framework (self-assessments kept by the self-assessment page). */
  assessments: z.array(Assessment).check(z.maxLength(50)),
  /** Onboarding track id → ticked items and start date. */
  onboarding: z.record(Id, OnboardingProgress),
  /** Marked cells of the CS Ops map ("phase/layer"). */
  plane: z.array(z.enum(CELLS as [string, ...string[]])).check(z.maxLength(CELLS.length)),
  /** Growth-plan focus per framework: 2–3 elements with actions and a review date. */
  plans: z.optional(
    z.record(
      Id,
      z
        .array(z.object({ element: Id, action: z.string().check(z.maxLength(2000)), date: z.optional(IsoDate) }))
        .check(z.maxLength(3)),
    ),
  ),
  /** View choices. */
  prefs: z.object({ reveal: z.optional(z.boolean()), view: z.optional(View), teamView: z.optional(View) }),
});
export type ProgressFile = z.infer<typeof ProgressFile>;
