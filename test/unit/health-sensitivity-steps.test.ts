import { describe, expect, it } from 'vitest';
import { sensitivity, sensitivitySteps } from '../../src/lib/health/sensitivity.ts';
import { scoreAccount } from '../../src/lib/health/score.ts';
import { defaultValues, presetValues } from '../../src/lib/health/simulator-state.ts';
import { loadModel } from '../helpers/health-fixtures.ts';

describe('sensitivitySteps: the what-if search one measure per step', () => {
  for (const id of ['high-touch-health', 'mid-market-health', 'tech-touch-health']) {
    const model = loadModel(id);
    const cases = [
      { name: 'default values', values: defaultValues(model) },
      ...model.presets.map((p) => ({ name: `preset ${p.id}`, values: presetValues(model, p.id) })),
    ];
    for (const c of cases)
      it(`${id}, ${c.name}: pauses once per measure and ends with what sensitivity() gives`, () => {
        const steps = sensitivitySteps(model, c.values);
        let pauses = 0;
        let r = steps.next();
        while (!r.done) {
          pauses += 1;
          r = steps.next();
        }
        const whole = sensitivity(model, c.values);
        expect(r.value).toEqual(whole);
        // No band (insufficient data) ends at once; otherwise one pause after each measure.
        expect(pauses).toBe(scoreAccount(model, c.values).band ? model.measures.length : 0);
        if (c.name !== 'default values') expect(whole.length).toBeGreaterThan(0);
      });
  }
});
