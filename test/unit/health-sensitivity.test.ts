import { describe, it, expect } from 'vitest';
import type { HealthModel } from '../../src/schemas/health.ts';
import { categoriesOf, isNumericMeasure, scoreAccount } from '../../src/lib/health/score.ts';
import type { InputValue, TypedValue } from '../../src/lib/health/score.ts';
import { searchRange, sensitivity } from '../../src/lib/health/sensitivity.ts';
import type { SensitivityItem } from '../../src/lib/health/sensitivity.ts';
import { loadModel } from '../helpers/health-fixtures.ts';
import { SMALL_FULL, smallModel } from '../helpers/health-models.ts';

const small = smallModel();

const bandOf = (model: HealthModel, values: Record<string, InputValue>) =>
  scoreAccount(model, values).band?.index ?? null;

/**
 * Brute force over the measure's step grid and categories: checks every suggestion lands in its band
 * (re-scoring), that no smaller change on the grid moves the band the same way, and that omitted
 * measure/direction pairs really cannot move the band.
 */
function verify(model: HealthModel, values: Record<string, InputValue>, items: SensitivityItem[]) {
  const base = bandOf(model, values)!;
  for (const it of items) {
    const r = scoreAccount(model, { ...values, [it.measure]: it.to });
    expect(r.band).toEqual(it.newBand);
    expect(r.score).toBe(it.newScore);
    expect(it.direction === 'up' ? it.newBand.index > base : it.newBand.index < base).toBe(true);
  }
  for (const ms of model.measures) {
    const from = values[ms.id];
    const hasData = from !== null && from !== undefined && from !== '';
    let grid: TypedValue[];
    if (isNumericMeasure(ms)) {
      const { min, max, step } = searchRange(ms, typeof from === 'number' ? from : null);
      grid = [];
      for (let k = 0; min + k * step <= max + 1e-9; k++) grid.push(Number((min + k * step).toFixed(6)));
    } else grid = categoriesOf(ms);
    for (const dir of ['up', 'down'] as const) {
      const moves = grid.filter((v) => {
        const b = bandOf(model, { ...values, [ms.id]: v });
        return b !== null && (dir === 'up' ? b > base : b < base);
      });
      const item = items.find((x) => x.measure === ms.id && x.direction === dir);
      if (moves.length === 0) {
        expect(item, `${ms.id} ${dir} should be omitted`).toBeUndefined();
        continue;
      }
      expect(item, `${ms.id} ${dir} should be suggested`).toBeDefined();
      if (hasData && typeof from === 'number' && typeof item!.to === 'number') {
        const nearest = Math.min(...moves.map((v) => Math.abs((v as number) - from)));
        expect(Math.abs(item!.to - from)).toBeLessThanOrEqual(nearest + 1e-9);
      }
    }
  }
  for (let i = 1; i < items.length; i++) expect(items[i].size).toBeGreaterThanOrEqual(items[i - 1].size);
}

describe('sensitivity — small model, hand-checked', () => {
  const full = SMALL_FULL;
  it('finds the smallest change per measure and direction, sorted by size', () => {
    // Base 82.8 green (top band, so only "down").
    // a2 45 → 61 (10 points): A = 70 → 52.5 + 20.3125 = 72.8 yellow; size 16/365.
    // a1 85 → 79 (60 points): A = 56.667 → 62.8 yellow; size 6/100.
    // b2 yellow → red: forced red; size 1/2.  b3 no → yes: 70.3 yellow; size 1.
    // b1 cannot leave green: at 0 points the score is 78.1.
    const items = sensitivity(small, full);
    expect(items.map((x) => [x.measure, x.direction, x.from, x.to, x.newBand.id, x.newScore])).toEqual([
      ['a2', 'down', 45, 61, 'yellow', 72.8],
      ['a1', 'down', 85, 79, 'yellow', 62.8],
      ['b2', 'down', 'yellow', 'red', 'red', 79.7],
      ['b3', 'down', 'no', 'yes', 'yellow', 70.3],
    ]);
    expect(items[0].size).toBeCloseTo(16 / 365, 12);
    expect(items[1].size).toBeCloseTo(0.06, 12);
    verify(small, full, items);
  });

  it('suggests values for measures with no data', () => {
    // Yellow account: a1 60 (60 pts), a2 missing, b1 4 (50), b2 yellow (50), b3 no (100).
    const values = { a1: 60, a2: null, b1: 4, b2: 'yellow', b3: false };
    const base = scoreAccount(small, values);
    expect(base.band?.id).toBe('yellow');
    const items = sensitivity(small, values);
    const a2 = items.filter((x) => x.measure === 'a2');
    // A with a2: (120 + p)/3. up needs p = 100 (a2 ≤ 30): (0.75·73.33 + 0.25·75) = 73.75 → not green. So no "up" from a2.
    // down: a2 = 91 → 10 points and the "old" cap … (0.75·43.33 + 18.75) = 51.25 stays yellow: no "down" either.
    expect(a2).toEqual([]);
    verify(small, values, items);

    // Green account without a2: A = 100, B = 75 → 93.75. Setting a2 to 31–60 (50 points) keeps it green
    // (81.25); the strongest value that moves it down is 61 (10 points): 52.5 + 18.75 = 71.25 → yellow.
    const green = { a1: 85, a2: null, b1: 4, b2: 'yellow', b3: false };
    const down = sensitivity(small, green).filter((x) => x.measure === 'a2');
    expect(down).toEqual([
      {
        measure: 'a2',
        direction: 'down',
        from: null,
        to: 61,
        newBand: { id: 'yellow', index: 1 },
        newScore: 71.3,
        size: 1,
      },
    ]);
    verify(small, green, sensitivity(small, green));
  });

  it('returns [] for an account with insufficient data', () => {
    expect(sensitivity(small, { b3: false })).toEqual([]);
  });
});

describe('sensitivity — real models', () => {
  for (const id of ['high-touch-health', 'tech-touch-health']) {
    const model = loadModel(id);
    for (const preset of model.presets) {
      it(`${id} / ${preset.id}: every suggestion re-scores into its band and is minimal`, () => {
        const items = sensitivity(model, preset.values);
        verify(model, preset.values, items);
      });
    }
  }

  it('detractor-with-usage: NPS 4 → 7 makes it green (voice (60·60 + 40·25)/100 = 46: +0.15·36 = +5.4 → 76.2)', () => {
    const model = loadModel('high-touch-health');
    const preset = model.presets.find((p) => p.id === 'detractor-with-usage')!;
    const items = sensitivity(model, preset.values);
    expect(items.find((x) => x.measure === 'nps' && x.direction === 'up')).toMatchObject({
      from: 4,
      to: 7,
      newBand: { id: 'green' },
      newScore: 76.2,
    });
    expect(items.find((x) => x.measure === 'csm-sentiment' && x.direction === 'down')).toMatchObject({
      to: 'red',
      newBand: { id: 'red' },
    });
  });

  it('card-expired-active: only clearing the failed payment moves it up', () => {
    const model = loadModel('tech-touch-health');
    const preset = model.presets.find((p) => p.id === 'card-expired-active')!;
    const up = sensitivity(model, preset.values).filter((x) => x.direction === 'up');
    expect(up.map((x) => [x.measure, x.from, x.to, x.newBand.id])).toEqual([['failed-payments', 'yes', 'no', 'green']]);
  });

  it('thriving-self-serve: the admin-login override threshold is found exactly (45 → stays, 46 → red)', () => {
    const model = loadModel('tech-touch-health');
    const preset = model.presets.find((p) => p.id === 'thriving-self-serve')!;
    const item = sensitivity(model, preset.values).find(
      (x) => x.measure === 'days-since-admin-login' && x.direction === 'down',
    );
    expect(item).toMatchObject({ from: 2, to: 46, newBand: { id: 'red' } });
    expect(bandOf(model, { ...preset.values, 'days-since-admin-login': 45 })).toBe(2);
  });

  it('random accounts: suggestions verified by re-scoring', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const model = loadModel('high-touch-health');
    for (let i = 0; i < 15; i++) {
      const values: Record<string, InputValue> = {};
      for (const ms of model.measures) {
        if (rand() < 0.15) continue;
        if (ms.input === 'boolean') values[ms.id] = rand() < 0.5;
        else if (ms.input === 'sentiment') values[ms.id] = ['red', 'yellow', 'green'][Math.floor(rand() * 3)];
        else values[ms.id] = Math.round((ms.min ?? 0) + rand() * ((ms.max ?? 100) - (ms.min ?? 0)));
      }
      if (scoreAccount(model, values).band === null) continue;
      verify(model, values, sensitivity(model, values));
    }
  });
});
