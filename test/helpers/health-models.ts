/** Small hand-computable health models for the scoring and sensitivity tests (parsed with the real schema). */
import { HealthModel } from '../../src/schemas/health.ts';
import type { InputValue } from '../../src/lib/health/score.ts';

const t = (en: string) => ({ en });
const band = (id: string, min: number) => ({
  id,
  min,
  colour: '#123456',
  label: t(id),
  meaning: t(id),
  notify: t(id),
  cadence: t(id),
});

/**
 * Small model for hand computation. Groups A (weight 3) and B (weight 1) → shares 0.75 / 0.25.
 * Nominal measure shares: a1 0.5, a2 0.25, b1 0.0625, b2 0.0625, b3 0.125.
 */
export function smallModel(rule: 'redistribute' | 'zero' = 'redistribute', minCoverage = 0.5): HealthModel {
  return HealthModel.parse({
    name: t('Small'),
    summary: t('Small model for tests'),
    touch: 'high',
    version: '1',
    groups: [
      { id: 'a', label: t('A'), weight: 3 },
      { id: 'b', label: t('B'), weight: 1 },
    ],
    measures: [
      {
        id: 'a1',
        group: 'a',
        label: t('A one'),
        input: 'percent',
        weight: 2,
        staleAfterDays: 60,
        scoring: {
          kind: 'tiers',
          tiers: [
            { at: 80, points: 100 },
            { at: 50, points: 60 },
          ],
        },
      },
      {
        id: 'a2',
        group: 'a',
        label: t('A two'),
        input: 'days-since',
        direction: 'lower',
        weight: 1,
        scoring: {
          kind: 'tiers',
          tiers: [
            { at: 30, points: 100 },
            { at: 60, points: 50 },
          ],
          otherwise: 10,
        },
      },
      {
        id: 'b1',
        group: 'b',
        label: t('B one'),
        input: 'ces',
        weight: 1,
        scoring: { kind: 'linear', zeroAt: 2, fullAt: 6 },
      },
      {
        id: 'b2',
        group: 'b',
        label: t('B two'),
        input: 'sentiment',
        weight: 1,
        scoring: { kind: 'map', points: { red: 0, yellow: 50, green: 100 } },
      },
      {
        id: 'b3',
        group: 'b',
        label: t('B three'),
        input: 'boolean',
        direction: 'lower',
        weight: 2,
        scoring: { kind: 'map', points: { yes: 0, no: 100 } },
      },
    ],
    bands: [band('red', 0), band('yellow', 50), band('green', 75)],
    overrides: [
      { id: 'sent-red', measure: 'b2', equals: 'red', forceBand: 'red', reason: t('red sentiment') },
      { id: 'pay-cap', measure: 'b3', equals: true, forceBand: 'yellow', reason: t('payment') },
      { id: 'old', measure: 'a2', above: 90, forceBand: 'yellow', reason: t('no meeting') },
    ],
    missingData: { rule, minCoverage },
  });
}

/** An account with every measure of smallModel() given: 82.8125, green (the hand computation is in health-score.test.ts). */
export const SMALL_FULL = { a1: 85, a2: 45, b1: 5, b2: 'yellow', b3: false } satisfies Record<string, InputValue>;
