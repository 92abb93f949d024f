import { describe, it, expect } from 'vitest';
import { coerceValue, HealthInputError, parseInput, scoreAccount } from '../../src/lib/health/score.ts';
import type { InputValue, ScoreResult } from '../../src/lib/health/score.ts';
import { prng as rng } from '../helpers/prng.ts';
import { loadModel } from '../helpers/health-fixtures.ts';
import { SMALL_FULL, smallModel } from '../helpers/health-models.ts';

const full = SMALL_FULL;
const m = (r: ScoreResult, id: string) => r.measures.find((x) => x.id === id)!;
const sum = (r: ScoreResult) => r.measures.reduce((s, x) => s + x.contribution, 0);

describe('scoreAccount — weights and groups', () => {
  it('computes the hand-checked score with all data', () => {
    // A = (2·100 + 1·50)/3 = 83.333; B = (75 + 50 + 2·100)/4 = 81.25; 0.75·83.333 + 0.25·81.25 = 82.8125
    const r = scoreAccount(smallModel(), full);
    expect(r.status).toBe('ok');
    expect(r.exactScore).toBeCloseTo(82.8125, 10);
    expect(r.score).toBe(82.8);
    expect(r.band).toEqual({ id: 'green', index: 2 });
    expect(r.rawBand).toEqual({ id: 'green', index: 2 });
    expect(r.coverage).toBeCloseTo(1, 12);
    expect(r.groups.map((g) => [g.id, g.score, g.weight])).toEqual([
      ['a', 83.3, 0.75],
      ['b', 81.3, 0.25],
    ]);
    expect(r.measures.map((x) => x.weight)).toEqual([0.5, 0.25, 0.0625, 0.0625, 0.125]);
    expect(r.measures.map((x) => x.points)).toEqual([100, 50, 75, 50, 100]);
    expect(m(r, 'a2').contribution).toBeCloseTo(12.5, 12);
    expect(m(r, 'b1').contribution).toBeCloseTo(4.6875, 12);
    expect(sum(r)).toBeCloseTo(82.8125, 10);
    expect(r.overridesApplied).toEqual([]);
  });

  it('redistributes the weight of missing measures within and across groups', () => {
    // a2 and b1 missing: A = 100; B = (50 + 200)/3 = 83.333; 0.75·100 + 0.25·83.333 = 95.833
    const r = scoreAccount(smallModel(), { ...full, a2: null, b1: '' });
    expect(r.score).toBe(95.8);
    expect(r.coverage).toBeCloseTo(0.6875, 12);
    expect(m(r, 'a1').effectiveWeight).toBeCloseTo(0.75, 12);
    expect(m(r, 'a2')).toMatchObject({
      hasData: false,
      points: null,
      effectiveWeight: 0,
      contribution: 0,
      weight: 0.25,
    });
    expect(m(r, 'b2').effectiveWeight).toBeCloseTo(1 / 12, 12);
    expect(m(r, 'b3').effectiveWeight).toBeCloseTo(1 / 6, 12);
    expect(sum(r)).toBeCloseTo(95.8333333, 6);
    expect(r.reasons.filter((x) => x.code === 'missing').map((x) => x.params.measure)).toEqual(['a2', 'b1']);
  });

  it('redistributes a whole group without data to the other groups', () => {
    const r = scoreAccount(smallModel(), { a1: 85, a2: 45 });
    expect(r.coverage).toBeCloseTo(0.75, 12);
    expect(r.score).toBe(83.3);
    expect(r.groups.find((g) => g.id === 'b')).toMatchObject({ score: null, hasData: false, effectiveWeight: 0 });
  });

  it('with rule "zero" counts missing measures as 0 points and redistributes nothing', () => {
    // A = 200/3 = 66.667; B = (0 + 50 + 200)/4 = 62.5; 0.75·66.667 + 0.25·62.5 = 65.625
    const r = scoreAccount(smallModel('zero'), { ...full, a2: null, b1: null });
    expect(r.exactScore).toBeCloseTo(65.625, 10);
    expect(r.score).toBe(65.6);
    expect(r.band?.id).toBe('yellow');
    expect(r.measures.map((x) => x.effectiveWeight)).toEqual(r.measures.map((x) => x.weight));
    expect(m(r, 'a2').contribution).toBe(0);
    expect(r.groups.map((g) => g.score)).toEqual([66.7, 62.5]);
    expect(r.reasons.find((x) => x.code === 'missing' && x.params.measure === 'a2')?.params).toMatchObject({
      redistributed: false,
      lostPoints: 25,
    });
  });
});

describe('scoreAccount — per-measure points', () => {
  const pointsOf = (id: string, v: InputValue) =>
    m(scoreAccount(smallModel('redistribute', 0), { [id]: v }), id).points;
  it('tiers, direction higher: first tier with value ≥ at, else otherwise (default 0)', () => {
    expect([100, 80, 79.9, 50, 49.9, 0, 150].map((v) => pointsOf('a1', v))).toEqual([100, 100, 60, 60, 0, 0, 100]);
  });
  it('tiers, direction lower: first tier with value ≤ at, else otherwise', () => {
    expect([0, 30, 31, 60, 61, 400].map((v) => pointsOf('a2', v))).toEqual([100, 100, 50, 50, 10, 10]);
  });
  it('linear: clamped line from zeroAt to fullAt', () => {
    expect([1, 2, 3, 4, 5.5, 6, 7].map((v) => pointsOf('b1', v))).toEqual([0, 0, 25, 50, 87.5, 100, 100]);
  });
  it('map: sentiment colours and booleans (true ≡ "yes", false ≡ "no")', () => {
    expect(['red', 'yellow', 'green', 'GREEN', '緑'].map((v) => pointsOf('b2', v))).toEqual([0, 50, 100, 100, 100]);
    expect([true, false, 'yes', 'no', 'はい', 1, 0].map((v) => pointsOf('b3', v))).toEqual([0, 100, 0, 100, 0, 0, 100]);
  });
  it('rejects invalid values with a structured error', () => {
    const model = smallModel();
    expect(() => scoreAccount(model, { ...full, a1: Number.NaN })).toThrow(HealthInputError);
    try {
      scoreAccount(model, { ...full, b2: 'purple' });
      expect.unreachable();
    } catch (e) {
      expect((e as HealthInputError).issue).toEqual({
        code: 'invalid-sentiment',
        params: { measure: 'b2', value: 'purple' },
      });
    }
    expect(() => scoreAccount(model, { ...full, b3: 'maybe' })).toThrow(HealthInputError);
    expect(() => scoreAccount(model, { ...full, a1: true })).toThrow(HealthInputError);
  });
  it('ignores values for unknown measure ids', () => {
    expect(scoreAccount(smallModel(), { ...full, nope: 3 }).score).toBe(82.8);
  });
});

describe('scoreAccount — bands and overrides', () => {
  it('band = last band whose min ≤ score, judged on the rounded score', () => {
    const model = smallModel('redistribute', 0);
    // b1 alone: linear → score = points. 74.96 rounds to 75.0 → green; 49.9 → red; 50 → yellow.
    const at = (p: number) => scoreAccount(model, { b1: 2 + (p / 100) * 4 });
    expect(at(49.9).band?.id).toBe('red');
    expect(at(50).band?.id).toBe('yellow');
    expect(at(74.9).band?.id).toBe('yellow');
    expect(at(74.96).score).toBe(75);
    expect(at(74.96).band?.id).toBe('green');
    expect(at(0).band).toEqual({ id: 'red', index: 0 });
  });

  it('sentiment red forces red', () => {
    // B = (75 + 0 + 200)/4 = 68.75; 62.5 + 17.1875 = 79.6875 → green before the override.
    const r = scoreAccount(smallModel(), { ...full, b2: 'red' });
    expect(r.score).toBe(79.7);
    expect(r.rawBand?.id).toBe('green');
    expect(r.band).toEqual({ id: 'red', index: 0 });
    expect(r.overridesApplied).toEqual([
      { id: 'sent-red', measure: 'b2', forceBand: 'red', reason: { en: 'red sentiment' }, changedBand: true },
    ]);
    expect(r.reasons[0]).toEqual({
      code: 'band',
      params: { band: 'red', index: 0, score: 79.7, rawBand: 'green', overridden: true },
    });
    expect(r.reasons[1]).toMatchObject({
      code: 'override',
      params: { override: 'sent-red', measure: 'b2', forceBand: 'red', changedBand: true },
    });
  });

  it('caps a green account at yellow (true ≡ "yes")', () => {
    // A = 100, B = (100 + 100 + 0)/4 = 50 → 87.5 green, capped at yellow.
    for (const b3 of [true, 'yes', 'Yes', 'はい']) {
      const r = scoreAccount(smallModel(), { a1: 90, a2: 10, b1: 6, b2: 'green', b3 });
      expect(r.score).toBe(87.5);
      expect(r.rawBand?.id).toBe('green');
      expect(r.band?.id).toBe('yellow');
    }
  });

  it('never raises a band: a red account with a yellow cap stays red (override still listed as active)', () => {
    // A = (0 + 10)/3; B = (0 + 50 + 0)/4 = 12.5 → 2.5 + 3.125 = 5.625
    const r = scoreAccount(smallModel(), { a1: 5, a2: 100, b1: 2, b2: 'yellow', b3: true });
    expect(r.score).toBe(5.6);
    expect(r.band?.id).toBe('red');
    expect(r.overridesApplied.map((o) => [o.id, o.changedBand])).toEqual([
      ['pay-cap', false],
      ['old', false],
    ]);
  });

  it('"above" is strict and never fires without data', () => {
    const model = smallModel();
    const green = { a1: 90, b1: 6, b2: 'green', b3: false };
    expect(scoreAccount(model, { ...green, a2: 90 }).overridesApplied).toEqual([]);
    expect(scoreAccount(model, { ...green, a2: 91 }).overridesApplied.map((o) => o.id)).toEqual(['old']);
    const missing = scoreAccount(model, { ...green, a2: null });
    expect(missing.overridesApplied).toEqual([]);
    expect(missing.band?.id).toBe('green');
    const noSentiment = scoreAccount(model, { a1: 90, a2: 10, b1: 6, b2: undefined, b3: false });
    expect(noSentiment.overridesApplied).toEqual([]);
    expect(noSentiment.band?.id).toBe('green');
  });
});

describe('scoreAccount — coverage, staleness, reasons', () => {
  it('reports insufficient data below minCoverage (and not at exactly minCoverage)', () => {
    const r = scoreAccount(smallModel(), { a2: 10, b3: false }); // 0.25 + 0.125 = 0.375
    expect(r.status).toBe('insufficient-data');
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
    expect(r.rawBand).toBeNull();
    expect(r.coverage).toBeCloseTo(0.375, 12);
    expect(r.reasons[0]).toEqual({ code: 'insufficient-data', params: { coverage: 0.375, minCoverage: 0.5 } });
    const half = scoreAccount(smallModel(), { a1: 85 }); // exactly 0.5
    expect(half.status).toBe('ok');
    expect(half.score).toBe(100);
    expect(scoreAccount(smallModel(), {}).status).toBe('insufficient-data');
  });

  it('flags a measure as stale when its update is older than staleAfterDays before asOf', () => {
    const model = smallModel();
    const updated = { a1: '2026-01-01', a2: '2020-01-01' };
    const on = (asOf: string) => scoreAccount(model, full, { asOf, updated });
    expect(m(on('2026-03-02'), 'a1')).toMatchObject({ stale: false, ageDays: 60 });
    const late = on('2026-03-03');
    expect(m(late, 'a1')).toMatchObject({ stale: true, ageDays: 61 });
    expect(m(late, 'a2').stale).toBe(false); // no staleAfterDays
    expect(late.reasons.filter((x) => x.code === 'stale')).toEqual([
      { code: 'stale', params: { measure: 'a1', ageDays: 61, staleAfterDays: 60 } },
    ]);
    expect(late.score).toBe(on('2026-03-02').score); // staleness does not change the score
    expect(m(scoreAccount(model, { ...full, a1: null }, { asOf: '2026-12-01', updated }), 'a1').stale).toBe(false);
  });

  it('lists the measures dragging the score down most, as structured reasons', () => {
    // Lost points: a2 50·0.25 = 12.5, b2 50·0.0625 = 3.125, b1 25·0.0625 = 1.5625
    const r = scoreAccount(smallModel(), full);
    expect(r.reasons.filter((x) => x.code === 'low-measure')).toEqual([
      { code: 'low-measure', params: { measure: 'a2', points: 50, lostPoints: 12.5 } },
      { code: 'low-measure', params: { measure: 'b2', points: 50, lostPoints: 3.1 } },
      { code: 'low-measure', params: { measure: 'b1', points: 75, lostPoints: 1.6 } },
    ]);
    for (const reason of r.reasons) expect(typeof reason.code).toBe('string');
  });
});

describe('parseInput', () => {
  const pct = { id: 'p', input: 'percent' } as const;
  const cnt = { id: 'c', input: 'count' } as const;
  const yn = { id: 'y', input: 'boolean' } as const;
  const sent = { id: 's', input: 'sentiment' } as const;
  const ok = (v: unknown) => ({ ok: true, value: v });
  it('numbers: trim, thousands separators, percent sign, full-width digits and minus signs', () => {
    expect(parseInput(pct, ' 12 ')).toEqual(ok(12));
    expect(parseInput(pct, '12%')).toEqual(ok(12));
    expect(parseInput(pct, '１２．５％')).toEqual(ok(12.5));
    expect(parseInput(cnt, '1,234')).toEqual(ok(1234));
    expect(parseInput(cnt, '1,234,567.5')).toEqual(ok(1234567.5));
    expect(parseInput({ id: 'n', input: 'number' }, '−8')).toEqual(ok(-8));
    expect(parseInput({ id: 'n', input: 'number' }, '+4')).toEqual(ok(4));
    expect(parseInput(pct, '')).toEqual(ok(null));
    expect(parseInput(pct, '   ')).toEqual(ok(null));
  });
  it('numbers: rejects text, decimal commas, hex, and % on counts', () => {
    for (const raw of ['abc', '1,5', '12,34', '0x10', '1.2.3', 'NaN', 'Infinity', '--1'])
      expect(parseInput(cnt, raw)).toEqual({
        ok: false,
        error: { code: 'invalid-number', params: { measure: 'c', value: raw } },
      });
    expect(parseInput(cnt, '5%').ok).toBe(false);
  });
  it('booleans', () => {
    for (const raw of ['yes', 'YES', 'true', '1', 'y', 'Y', 'はい', '有', ' Yes '])
      expect(parseInput(yn, raw)).toEqual(ok('yes'));
    for (const raw of ['no', 'No', 'false', '0', 'n', 'いいえ', '無']) expect(parseInput(yn, raw)).toEqual(ok('no'));
    expect(parseInput(yn, 'maybe')).toEqual({
      ok: false,
      error: { code: 'invalid-boolean', params: { measure: 'y', value: 'maybe' } },
    });
  });
  it('sentiment', () => {
    for (const [raw, v] of [
      ['red', 'red'],
      ['R', 'red'],
      ['赤', 'red'],
      ['Yellow', 'yellow'],
      ['y', 'yellow'],
      ['黄', 'yellow'],
      ['g', 'green'],
      ['緑', 'green'],
    ])
      expect(parseInput(sent, raw)).toEqual(ok(v));
    expect(parseInput(sent, 'purple').ok).toBe(false);
  });
  it('coerceValue: typed values for each input kind', () => {
    expect(coerceValue(yn, true)).toEqual(ok('yes'));
    expect(coerceValue(yn, false)).toEqual(ok('no'));
    expect(coerceValue(pct, 12)).toEqual(ok(12));
    expect(coerceValue(pct, '12')).toEqual(ok(12));
    expect(coerceValue(pct, Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(coerceValue(sent, 1).ok).toBe(false);
    expect(coerceValue(pct, undefined)).toEqual(ok(null));
  });
});

describe('real models: documented preset bands', () => {
  const expected: Record<string, Record<string, { band: string; rawBand: string; overrides?: string[] }>> = {
    'high-touch-health': {
      'healthy-enterprise': { band: 'green', rawBand: 'green' },
      'silent-churn-risk': { band: 'red', rawBand: 'red' },
      'new-account-onboarding': { band: 'yellow', rawBand: 'yellow' },
      'detractor-with-usage': { band: 'yellow', rawBand: 'yellow' },
    },
    'tech-touch-health': {
      'thriving-self-serve': { band: 'green', rawBand: 'green' },
      'stalled-setup': { band: 'red', rawBand: 'red' },
      'card-expired-active': { band: 'yellow', rawBand: 'green', overrides: ['failed-payment-cap'] },
    },
  };
  for (const [modelId, presets] of Object.entries(expected)) {
    const model = loadModel(modelId);
    it(`${modelId}: every preset is covered`, () => {
      expect(model.presets.map((p) => p.id).sort()).toEqual(Object.keys(presets).sort());
    });
    for (const [presetId, want] of Object.entries(presets)) {
      it(`${modelId} / ${presetId} → ${want.band}`, () => {
        const preset = model.presets.find((p) => p.id === presetId)!;
        const r = scoreAccount(model, preset.values, { asOf: '2026-10-01' });
        expect(r.status).toBe('ok');
        expect(r.band?.id).toBe(want.band);
        expect(r.rawBand?.id).toBe(want.rawBand);
        if (want.overrides)
          expect(r.overridesApplied.filter((o) => o.changedBand).map((o) => o.id)).toEqual(want.overrides);
        expect(Math.abs(sum(r) - r.score!)).toBeLessThanOrEqual(0.05);
      });
    }
  }

  it('hand-checked: high-touch healthy-enterprise = 90.8', () => {
    // product 0.3·(40·100 + 30·100 + 30·60)/100 = 26.4; risk 0.2·(50·100 + 25·60 + 25·100)/100 = 18;
    // outcomes 0.15·100 = 15; voice 0.15·(60·60 + 40·100)/100 = 11.4; engagement 0.2·100 = 20 → 90.8
    const model = loadModel('high-touch-health');
    expect(scoreAccount(model, model.presets.find((p) => p.id === 'healthy-enterprise')!.values).score).toBe(90.8);
  });

  it('hand-checked: new-account-onboarding coverage and score', () => {
    // Missing: active-users-trend .09, payment-issues .05, outcome-progress .075, nps .09, ces .06 → coverage .635
    // product (40·30 + 30·25)/70 = 27.857; risk (50·100 + 25·60)/75 = 86.667; outcomes 100; engagement 100;
    // voice missing → (30·27.857 + 20·86.667 + 15·100 + 20·100)/85 = 71.4
    const model = loadModel('high-touch-health');
    const r = scoreAccount(model, model.presets.find((p) => p.id === 'new-account-onboarding')!.values);
    expect(r.coverage).toBeCloseTo(0.635, 12);
    expect(r.score).toBe(71.4);
  });

  it('silent-churn-risk: the no-meeting cap is active but the score is already red', () => {
    const model = loadModel('high-touch-health');
    const r = scoreAccount(model, model.presets.find((p) => p.id === 'silent-churn-risk')!.values);
    expect(r.overridesApplied.map((o) => [o.id, o.changedBand])).toEqual([['no-meeting-90-days', false]]);
  });
});

/** Deterministic PRNG (mulberry32) for the property test. */

describe('property: contributions add up to the score', () => {
  const models = [smallModel(), smallModel('zero', 0), loadModel('high-touch-health'), loadModel('tech-touch-health')];
  it('200 random accounts per model', () => {
    const rand = rng(20261001);
    let scoredCount = 0;
    for (const model of models) {
      for (let i = 0; i < 200; i++) {
        const values: Record<string, InputValue> = {};
        for (const ms of model.measures) {
          if (rand() < 0.2) continue; // no data
          if (ms.input === 'boolean') values[ms.id] = rand() < 0.5;
          else if (ms.input === 'sentiment')
            values[ms.id] = (['red', 'yellow', 'green'] as const)[Math.floor(rand() * 3)];
          else {
            const lo = ms.min ?? 0;
            const hi = ms.max ?? 100;
            values[ms.id] = Math.round((lo - 5 + rand() * (hi - lo + 10)) * 10) / 10;
          }
        }
        const r = scoreAccount(model, values);
        const nominal = r.measures.reduce((s, x) => s + x.weight, 0);
        expect(nominal).toBeCloseTo(1, 9);
        if (r.score === null) {
          expect(r.coverage).toBeLessThan(model.missingData.minCoverage);
          continue;
        }
        scoredCount++;
        expect(Math.abs(sum(r) - r.score)).toBeLessThanOrEqual(0.1);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        const eff = r.measures.reduce((s, x) => s + x.effectiveWeight, 0);
        expect(eff).toBeCloseTo(1, 9);
        expect(r.band!.index).toBeLessThanOrEqual(r.rawBand!.index);
      }
    }
    expect(scoredCount).toBeGreaterThan(500);
  });
});
