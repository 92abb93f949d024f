import { describe, expect, it, vi } from 'vitest';
import * as score from '../../src/lib/health/score.ts';
import { sensitivity, sensitivitySteps, TRIES_PER_STEP } from '../../src/lib/health/sensitivity.ts';
import { defaultValues, presetValues } from '../../src/lib/health/simulator-state.ts';
import { loadModel } from '../helpers/health-fixtures.ts';

// Counts the re-scorings each step does (the search calls scoreAccount once per value it tries).
vi.mock('../../src/lib/health/score.ts', async (orig) => {
  const actual = await orig<typeof import('../../src/lib/health/score.ts')>();
  return { ...actual, scoreAccount: vi.fn(actual.scoreAccount) };
});
const calls = () => vi.mocked(score.scoreAccount).mock.calls.length;

describe('sensitivitySteps: the what-if search in small steps', () => {
  for (const id of ['high-touch-health', 'mid-market-health', 'tech-touch-health']) {
    const model = loadModel(id);
    const cases = [
      { name: 'default values', values: defaultValues(model) },
      ...model.presets.map((p) => ({ name: `preset ${p.id}`, values: presetValues(model, p.id) })),
    ];
    for (const c of cases)
      it(`${id}, ${c.name}: pauses after each measure and every ${TRIES_PER_STEP} re-scorings, and ends with what sensitivity() gives`, () => {
        const steps = sensitivitySteps(model, c.values);
        let pauses = 0;
        let most = 0;
        let before = calls();
        let r = steps.next();
        while (!r.done) {
          pauses += 1;
          most = Math.max(most, calls() - before);
          before = calls();
          r = steps.next();
        }
        const whole = sensitivity(model, c.values);
        expect(r.value).toEqual(whole);
        // No band (insufficient data) ends at once; otherwise at least one pause per measure, and no
        // step re-scores more than TRIES_PER_STEP times (the first also scores the account as it is).
        const banded = score.scoreAccount(model, c.values).band !== null;
        if (!banded) expect(pauses).toBe(0);
        else {
          expect(pauses).toBeGreaterThanOrEqual(model.measures.length);
          expect(most).toBeLessThanOrEqual(TRIES_PER_STEP + 1);
        }
        if (c.name !== 'default values') expect(whole.length).toBeGreaterThan(0);
      });
  }
  it('splits a measure with a long search into several steps', () => {
    // A large count range gives thousands of candidates for one measure.
    const model = loadModel('high-touch-health');
    const values = defaultValues(model);
    let pauses = 0;
    const steps = sensitivitySteps(model, values);
    while (!steps.next().done) pauses += 1;
    expect(pauses).toBeGreaterThan(model.measures.length);
  });
});
