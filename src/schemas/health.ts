import { z } from 'astro/zod';
import { Id, LText, Stewardship, Touch } from './common.ts';

export const INPUT_KINDS = [
  'number',
  'percent',
  'count',
  'days-since',
  'nps',
  'ces',
  'sentiment',
  'boolean',
  'category',
] as const;
export const InputKind = z.enum(INPUT_KINDS);
export const SENTIMENTS = ['red', 'yellow', 'green'] as const;

const Points = z.number().min(0).max(100);

/** Tiers of raw values: the first tier whose bound the value meets gives its points. */
const TierScoring = z.object({
  kind: z.literal('tiers'),
  /** For direction "higher": value >= at. For direction "lower": value <= at. */
  tiers: z.array(z.object({ at: z.number(), points: Points })).min(2),
  /** Points when the value meets no tier. */
  otherwise: Points.default(0),
});
/** Straight line between the value worth 0 points and the value worth 100 points, clamped. */
const LinearScoring = z.object({
  kind: z.literal('linear'),
  zeroAt: z.number(),
  fullAt: z.number(),
});
/** Categorical inputs (sentiment, yes/no, any named categories) mapped to points. */
const MapScoring = z.object({
  kind: z.literal('map'),
  points: z.record(z.string(), Points),
});
export const Scoring = z.discriminatedUnion('kind', [TierScoring, LinearScoring, MapScoring]);

export const Measure = z.object({
  id: Id,
  group: Id,
  label: LText,
  help: LText.optional(),
  unit: LText.optional(),
  input: InputKind,
  direction: z.enum(['higher', 'lower']).default('higher'),
  /** Range of the slider for numeric inputs. */
  min: z.number().optional(),
  max: z.number().optional(),
  step: z.number().positive().optional(),
  weight: z.number().positive('weights are positive numbers'),
  scoring: Scoring,
  /** The input is stale after this many days without an update. */
  staleAfterDays: z.number().int().positive().optional(),
  /** Header names a CSV column for this measure may have (lower-case), for the mapping step. */
  csvAliases: z.array(z.string().min(1)).default([]),
});

export const Band = z.object({
  id: Id,
  /** Lowest score (inclusive) of the band; the band runs up to the next band's min. */
  min: z.number().min(0).max(100),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written #rrggbb'),
  label: LText,
  meaning: LText,
  notify: LText,
  cadence: LText,
  playbooks: z.array(Id).default([]),
  /** When to leave this band's triage. */
  exit: LText.optional(),
});

export const Override = z
  .object({
    id: Id,
    measure: Id,
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    below: z.number().optional(),
    above: z.number().optional(),
    /** Band id the account is forced into (capped at: never higher than this band). */
    forceBand: Id,
    reason: LText,
  })
  .refine((o) => [o.equals, o.below, o.above].filter((v) => v !== undefined).length === 1, {
    message: 'an override needs exactly one condition: equals, below or above',
  });

export const HealthModel = z
  .object({
    name: LText,
    summary: LText,
    touch: Touch,
    version: z.string().trim().min(1),
    groups: z
      .array(z.object({ id: Id, label: LText, weight: z.number().positive('weights are positive numbers') }))
      .min(1),
    measures: z.array(Measure).min(1),
    /** Ordered from the lowest band (min 0) to the highest. */
    bands: z.array(Band).min(3, 'a model needs at least 3 bands'),
    overrides: z.array(Override).default([]),
    missingData: z.object({
      rule: z.enum(['redistribute', 'zero']),
      /** Below this share (0–1) of total weight present, the score is "insufficient data". */
      minCoverage: z.number().min(0).max(1).default(0.5),
    }),
    /** Change in points between two scores that should raise an alert. */
    trendAlert: z.number().positive().default(10),
    presets: z
      .array(
        z.object({
          id: Id,
          name: LText,
          description: LText.optional(),
          values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
        }),
      )
      .default([]),
    ...Stewardship,
  })
  .superRefine((m, ctx) => {
    const groups = new Set(m.groups.map((g) => g.id));
    const measures = new Map(m.measures.map((x) => [x.id, x]));
    const bands = new Set(m.bands.map((b) => b.id));
    const dup = (list: { id: string }[], key: string) => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        if (seen.has(x.id)) ctx.addIssue({ code: 'custom', path: [key, i, 'id'], message: `duplicate id "${x.id}"` });
        seen.add(x.id);
      });
    };
    dup(m.groups, 'groups');
    dup(m.measures, 'measures');
    dup(m.bands, 'bands');
    dup(m.presets, 'presets');
    m.measures.forEach((x, i) => {
      if (!groups.has(x.group))
        ctx.addIssue({
          code: 'custom',
          path: ['measures', i, 'group'],
          message: `unknown group "${x.group}"; known groups: ${[...groups].join(', ')}`,
        });
      if (x.min !== undefined && x.max !== undefined && x.min >= x.max)
        ctx.addIssue({ code: 'custom', path: ['measures', i, 'max'], message: 'max must be greater than min' });
      const s = x.scoring;
      if (s.kind === 'tiers') {
        for (let t = 1; t < s.tiers.length; t++) {
          const ok = x.direction === 'higher' ? s.tiers[t].at < s.tiers[t - 1].at : s.tiers[t].at > s.tiers[t - 1].at;
          if (!ok)
            ctx.addIssue({
              code: 'custom',
              path: ['measures', i, 'scoring', 'tiers', t, 'at'],
              message: `tiers must go from the best value down (direction "${x.direction}": each "at" ${x.direction === 'higher' ? 'smaller' : 'larger'} than the one before)`,
            });
        }
      }
      if (s.kind === 'linear') {
        if (s.zeroAt === s.fullAt)
          ctx.addIssue({
            code: 'custom',
            path: ['measures', i, 'scoring', 'fullAt'],
            message: 'zeroAt and fullAt must differ',
          });
        else if (s.fullAt > s.zeroAt !== (x.direction === 'higher'))
          ctx.addIssue({
            code: 'custom',
            path: ['measures', i, 'scoring'],
            message: `direction "${x.direction}" contradicts zeroAt ${s.zeroAt} / fullAt ${s.fullAt}`,
          });
      }
      if (s.kind === 'map') {
        const need = x.input === 'sentiment' ? ['red', 'yellow', 'green'] : x.input === 'boolean' ? ['yes', 'no'] : [];
        for (const k of need)
          if (!(k in s.points))
            ctx.addIssue({
              code: 'custom',
              path: ['measures', i, 'scoring', 'points', k],
              message: `points for "${k}" are missing`,
            });
        if (x.input === 'category' && Object.keys(s.points).length < 2)
          ctx.addIssue({
            code: 'custom',
            path: ['measures', i, 'scoring', 'points'],
            message: 'a category input needs points for at least 2 categories',
          });
        if (need.length === 0 && x.input !== 'category')
          ctx.addIssue({
            code: 'custom',
            path: ['measures', i, 'scoring', 'kind'],
            message: `"map" scoring is for sentiment, boolean and category inputs, not "${x.input}"`,
          });
      } else if (x.input === 'sentiment' || x.input === 'boolean' || x.input === 'category') {
        ctx.addIssue({
          code: 'custom',
          path: ['measures', i, 'scoring', 'kind'],
          message: `a ${x.input} input needs "map" scoring`,
        });
      }
    });
    m.bands.forEach((b, i) => {
      if (i === 0 && b.min !== 0)
        ctx.addIssue({ code: 'custom', path: ['bands', 0, 'min'], message: 'the lowest band must start at 0' });
      if (i > 0 && b.min <= m.bands[i - 1].min)
        ctx.addIssue({
          code: 'custom',
          path: ['bands', i, 'min'],
          message: `bands must be ordered from low to high: min ${b.min} is not above ${m.bands[i - 1].min}`,
        });
    });
    m.overrides.forEach((o, i) => {
      if (!measures.has(o.measure))
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', i, 'measure'],
          message: `unknown measure "${o.measure}"; known measures: ${[...measures.keys()].join(', ')}`,
        });
      if (!bands.has(o.forceBand))
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', i, 'forceBand'],
          message: `unknown band "${o.forceBand}"; known bands: ${[...bands].join(', ')}`,
        });
    });
    m.presets.forEach((p, i) => {
      for (const key of Object.keys(p.values))
        if (!measures.has(key))
          ctx.addIssue({ code: 'custom', path: ['presets', i, 'values', key], message: `unknown measure "${key}"` });
    });
  });
export type HealthModel = z.infer<typeof HealthModel>;
export type Measure = z.infer<typeof Measure>;
export type HealthBand = z.infer<typeof Band>;
