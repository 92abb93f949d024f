/**
 * The shipped mid-market (low-touch) health model: its presets land in the bands their descriptions
 * promise, a new account is judged on a new account's path (measures that do not apply yet are left
 * out, not counted as 0), and the overrides do what the model says.
 */
import { describe, expect, it } from 'vitest';
import { scoreAccount } from '../../src/lib/health/score.ts';
import type { InputValue } from '../../src/lib/health/score.ts';
import { loadModel } from '../helpers/health-fixtures.ts';

const model = loadModel('mid-market-health');
const preset = (id: string): Record<string, InputValue> =>
  ({ ...model.presets.find((p) => p.id === id)!.values }) as Record<string, InputValue>;

describe('mid-market health model', () => {
  it('documents a band for every preset, and each preset lands in it', () => {
    const want: Record<string, string> = {
      'new-account-on-track': 'green',
      'administrator-moved': 'red',
      'steady-mature-account': 'green',
    };
    expect(model.presets.map((p) => p.id).sort()).toEqual(Object.keys(want).sort());
    for (const [id, band] of Object.entries(want)) {
      const r = scoreAccount(model, preset(id));
      expect(r.status, id).toBe('ok');
      expect(r.band?.id, id).toBe(band);
    }
  });

  it('hand-checked: the new account on track scores 95.9 with 60.75 % of the weight present', () => {
    // Missing: monthly workflows .4·.4, deputy administrator .4·.2, renewal intent .25·.25, NPS .6·.15 → coverage .6075.
    // adoption (35·100 + 25·100)/60 = 100; engagement 100; risk (50·100 + 25·60)/75 = 86.667; voice CES 5.8 → 95
    // overall .4·100 + .2·100 + .25·86.667 + .15·95 = 95.9
    const r = scoreAccount(model, preset('new-account-on-track'));
    expect(r.coverage).toBeCloseTo(0.6075, 12);
    expect(r.score).toBe(95.9);
  });

  it('does not penalise a new account: the measures that do not apply yet are left out, not counted as 0', () => {
    const young = preset('new-account-on-track');
    const judgedAsMature = {
      ...young,
      'monthly-workflows-on-time': 0,
      'deputy-administrator': false,
      'renewal-intent': false,
      'project-owner-nps': 0,
    };
    // Counted as 0, the four empty measures would pull the same account from 95.9 (green) to about 58 (yellow).
    expect(scoreAccount(model, young).band?.id).toBe('green');
    const mature = scoreAccount(model, judgedAsMature);
    expect(mature.band?.id).toBe('yellow');
    expect(mature.score!).toBeCloseTo(57.95, 0);
  });

  it('reads adoption without employee log-ins, which are seasonal in this product', () => {
    const ids = model.measures.map((m) => m.id);
    expect(ids).not.toContain('licence-utilisation');
    expect(ids).not.toContain('active-users-trend');
    expect(model.measures.filter((m) => m.group === 'adoption').map((m) => m.id)).toEqual([
      'admin-active-weeks',
      'monthly-workflows-on-time',
      'milestone-progress',
    ]);
  });

  it('forces red when no administrator signed in during the counted weeks, and when CSM sentiment is red', () => {
    const healthy = preset('steady-mature-account');
    expect(scoreAccount(model, healthy).band?.id).toBe('green');
    const noAdmin = scoreAccount(model, { ...healthy, 'admin-active-weeks': 0 });
    expect(noAdmin.band?.id).toBe('red');
    expect(noAdmin.overridesApplied.filter((o) => o.changedBand).map((o) => o.id)).toEqual(['no-admin-activity']);
    expect(scoreAccount(model, { ...healthy, 'csm-sentiment': 'red' }).band?.id).toBe('red');
  });

  it('caps a green account at yellow after more than 120 days without contact', () => {
    const healthy = preset('steady-mature-account');
    const r = scoreAccount(model, { ...healthy, 'days-since-contact': 121 });
    expect(r.rawBand?.id).toBe('green');
    expect(r.band?.id).toBe('yellow');
    expect(scoreAccount(model, { ...healthy, 'days-since-contact': 120 }).band?.id).toBe('green');
  });
});
