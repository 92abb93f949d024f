import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HealthModel } from '../../src/schemas/health.ts';
import { checkContent } from '../../src/lib/content/check.ts';
import { readContentFiles } from '../../src/lib/content/load.ts';
import { clientHealthData } from '../../src/lib/health/client-models.ts';
import { scoreAccount, type TypedValue } from '../../src/lib/health/score.ts';
import {
  activeScenario,
  activeValues,
  applyWeights,
  copyAToB,
  defaultState,
  fallbackValue,
  MAX_STATE_LENGTH,
  modelToYaml,
  normaliseWeights,
  parseState,
  presetValues,
  readValue,
  removeB,
  resetWeights,
  serialiseState,
  withActive,
  withActiveValues,
  withValue,
  withWeights,
  type ScenarioValues,
  type SimulatorState,
} from '../../src/lib/health/simulator-state.ts';
import { categoriesOf, isNumericMeasure } from '../../src/lib/health/score.ts';
import { searchRange } from '../../src/lib/health/sensitivity.ts';
import { prng } from '../helpers/prng.ts';

const files = readContentFiles('.');
const { content, problems } = checkContent(files);
const models = [...content.healthModels.values()].map((e) => ({ id: e.id, model: e.data }));
const high = content.healthModels.get('high-touch-health')!.data;
const tech = content.healthModels.get('tech-touch-health')!.data;

/** A random value a measure can take (within its range), or null. */
function randomValue(m: HealthModel['measures'][number], r: () => number): TypedValue | null {
  if (r() < 0.15) return null;
  if (isNumericMeasure(m)) {
    const { min, max, step } = searchRange(m, null);
    const k = Math.floor(r() * (Math.floor((max - min) / step) + 1));
    return Number((min + k * step).toFixed(6));
  }
  const cats = categoriesOf(m);
  return cats[Math.floor(r() * cats.length)];
}
function randomState(id: string, model: HealthModel, r: () => number): SimulatorState {
  const values = (): ScenarioValues => Object.fromEntries(model.measures.map((m) => [m.id, randomValue(m, r)]));
  const b = r() < 0.5 ? values() : null;
  const weights = { groups: {} as Record<string, number>, measures: {} as Record<string, number> };
  for (const g of model.groups) if (r() < 0.3) weights.groups[g.id] = Math.round(r() * 1000) / 10 + 0.1;
  for (const m of model.measures) if (r() < 0.3) weights.measures[m.id] = Math.ceil(r() * 90);
  return { model: id, a: values(), b, active: b && r() < 0.5 ? 'b' : 'a', weights: normaliseWeights(model, weights) };
}

describe('simulator state in the address', () => {
  it('round-trips random states of both models (values, no data, scenario B, weights)', () => {
    const r = prng(20261124);
    for (let i = 0; i < 300; i++) {
      const { id, model } = models[i % models.length];
      const s = randomState(id, model, r);
      const q = serialiseState(s, model);
      expect(q.startsWith(`?model=${id}&`)).toBe(true);
      const back = parseState(q, models);
      expect(back.issues).toEqual([]);
      expect(back.ignored).toEqual([]);
      expect(back.state).toEqual(s);
    }
  });

  it('writes named keys, "none" for no data, B only when it exists, and only the edited weights', () => {
    const s: SimulatorState = {
      ...defaultState(high, 'high-touch-health'),
      a: { ...presetValues(high, 'silent-churn-risk') },
      b: { ...presetValues(high, 'silent-churn-risk'), 'success-plan': 'yes', nps: 9 },
      active: 'b',
      weights: { groups: { engagement: 35, outcomes: 15 }, measures: { nps: 70 } },
    };
    const q = serialiseState(s, high);
    const params = new URLSearchParams(q);
    expect(params.get('model')).toBe('high-touch-health');
    expect(params.get('a.nps')).toBe('none');
    expect(params.get('a.csm-sentiment')).toBe('yellow');
    expect(params.get('a.payment-issues')).toBe('no');
    expect(params.get('a.days-since-meeting')).toBe('95');
    expect(params.get('b.nps')).toBe('9');
    expect(params.get('b.success-plan')).toBe('yes');
    expect(params.get('scenario')).toBe('b');
    expect(params.get('wg.engagement')).toBe('35');
    expect(params.has('wg.outcomes')).toBe(false); // same as the model
    expect(params.get('wm.nps')).toBe('70');
    expect(parseState(q, models).state).toEqual({
      ...s,
      weights: { groups: { engagement: 35 }, measures: { nps: 70 } },
    });

    const onlyA = serialiseState({ ...s, b: null, active: 'a' }, high);
    expect(onlyA).not.toMatch(/[?&]b\./);
    expect(onlyA).not.toContain('scenario=');
  });

  it('starts from the first preset and reads partial addresses, a full URL or a hash', () => {
    const first = parseState('', models).state;
    expect(first).toEqual(defaultState(models[0].model, models[0].id));
    const fromLink = parseState('?model=tech-touch-health', models);
    expect(fromLink.issues).toEqual([]);
    expect(fromLink.state).toEqual(defaultState(tech, 'tech-touch-health'));
    expect(fromLink.state.a['weekly-active-admins']).toBe(65); // thriving-self-serve

    const full = parseState(
      'https://example.test/ja/health/simulator/?model=high-touch-health&a.nps=3&b.nps=none#main',
      models,
    );
    expect(full.state.a.nps).toBe(3);
    expect(full.state.b).toEqual({ ...full.state.a, nps: null });
    expect(full.ignored).toEqual(['main']);
    expect(parseState('#model=high-touch-health&a.ces=5.5', models).state.a.ces).toBe(5.5);
  });

  it('ignores unknown keys and measures, reports bad values and keeps the defaults for them', () => {
    const q = [
      'model=high-touch-health',
      'a.licence-utilisation=%E3%81%82', // "あ"
      'a.nps=12', // outside 0–10
      'a.csm-sentiment=purple',
      'a.payment-issues=maybe',
      'a.ces=%ZZ', // broken %-sequence
      'a.feature-breadth=%EF%BC%93', // full-width 3
      'a.days-since-meeting=NaN',
      'a.support-tickets=Infinity',
      'a.success-plan=%E3%81%AF%E3%81%84', // "はい"
      'a.unknown-measure=5',
      'a.__proto__=1',
      'a.constructor=1',
      '%E6%97%A5%E6%9C%AC%E8%AA%9E=%E5%80%A4', // 日本語=値
      'a.nps=5', // repeated key: the first one wins
      'c.nps=5',
      '&&==&',
      'scenario=z',
      'wg.engagement=0',
      'wg.product-usage=-4',
      'wm.nps=abc',
      'wm.ces=1e9',
      'wm.__proto__=3',
      'wg.nowhere=3',
      'wm.executive-sponsor=12.5',
    ].join('&');
    const r = parseState(`?${q}`, models);
    const def = defaultState(high, 'high-touch-health');
    expect(r.state.model).toBe('high-touch-health');
    expect(r.state.a['licence-utilisation']).toBe(def.a['licence-utilisation']);
    expect(r.state.a.nps).toBe(def.a.nps);
    expect(r.state.a['csm-sentiment']).toBe(def.a['csm-sentiment']);
    expect(r.state.a['payment-issues']).toBe(def.a['payment-issues']);
    expect(r.state.a.ces).toBe(def.a.ces);
    expect(r.state.a['feature-breadth']).toBe(3);
    expect(r.state.a['days-since-meeting']).toBe(def.a['days-since-meeting']);
    expect(r.state.a['support-tickets']).toBe(def.a['support-tickets']);
    expect(r.state.a['success-plan']).toBe('yes');
    expect(r.state.b).toBeNull();
    expect(r.state.active).toBe('a');
    expect(r.state.weights).toEqual({ groups: {}, measures: { 'executive-sponsor': 12.5 } });
    expect(Object.hasOwn(r.state.a, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const codes = r.issues.map((i) => `${i.code}:${i.params.measure ?? i.params.id ?? ''}`);
    expect(codes).toEqual([
      'invalid-number:licence-utilisation',
      'out-of-range:nps',
      'invalid-sentiment:csm-sentiment',
      'invalid-boolean:payment-issues',
      'invalid-number:days-since-meeting',
      'invalid-number:support-tickets',
      'bad-scenario:',
      'bad-weight:engagement',
      'bad-weight:product-usage',
      'bad-weight:nps',
      'bad-weight:ces',
    ]);
    expect(r.issues[0].params).toMatchObject({ value: 'あ', scenario: 'a' });
    expect(r.ignored).toEqual(
      expect.arrayContaining([
        'a.unknown-measure',
        'a.__proto__',
        'a.constructor',
        '日本語',
        'a.nps',
        'c.nps',
        'a.ces=%ZZ',
        'wm.__proto__',
        'wg.nowhere',
      ]),
    );
  });

  it('falls back to the first model for an unknown one, and never reads a huge address', () => {
    const r = parseState('?model=%E3%83%A2%E3%83%87%E3%83%AB&a.nps=3', models);
    expect(r.state.model).toBe(models[0].id);
    expect(r.issues[0]).toEqual({ code: 'unknown-model', params: { model: 'モデル', used: models[0].id } });
    const huge = parseState(`?model=tech-touch-health&a.in-app-nps=${'1'.repeat(MAX_STATE_LENGTH)}`, models);
    expect(huge.issues.map((i) => i.code)).toEqual(['too-long']);
    expect(huge.state).toEqual(defaultState(models[0].model, models[0].id));
  });

  it('keeps B only with a usable value; B takes A for the measures it does not name', () => {
    const none = parseState('?model=high-touch-health&b.nps=eleven&scenario=b', models);
    expect(none.state.b).toBeNull();
    expect(none.state.active).toBe('a');
    expect(none.issues.map((i) => i.code)).toEqual(['invalid-number']);
    const some = parseState('?model=high-touch-health&b.nps=2&a.nps=7&a.ces=3&scenario=b', models);
    expect(some.state.active).toBe('b');
    expect(some.state.a.nps).toBe(7);
    expect(some.state.b).toEqual({ ...some.state.a, nps: 2 });
  });

  it('checks single values like the number fields do', () => {
    const m = high.measures.find((x) => x.id === 'licence-utilisation')!;
    expect(readValue(m, '45')).toEqual({ ok: true, value: 45 });
    expect(readValue(m, 'none')).toEqual({ ok: true, value: null });
    expect(readValue(m, '')).toEqual({ ok: true, value: null });
    expect(readValue(m, '101')).toMatchObject({
      ok: false,
      error: { code: 'out-of-range', params: { min: 0, max: 100 } },
    });
    expect(readValue(m, '1,5')).toMatchObject({ ok: false, error: { code: 'invalid-number' } });
  });

  it('applies edited weights to the score', () => {
    const values = presetValues(high, 'detractor-with-usage');
    const base = scoreAccount(high, values);
    const heavier = applyWeights(high, { groups: { 'voice-of-customer': 60 }, measures: {} });
    expect(heavier.groups.find((g) => g.id === 'voice-of-customer')!.weight).toBe(60);
    expect(high.groups.find((g) => g.id === 'voice-of-customer')!.weight).toBe(15); // not mutated
    expect(scoreAccount(heavier, values).score!).toBeLessThan(base.score!);
    expect(
      normaliseWeights(high, { groups: { 'voice-of-customer': 15, nope: 3 }, measures: { nps: 60, ces: 41 } }),
    ).toEqual({ groups: {}, measures: { ces: 41 } });
  });
});

describe('state changes', () => {
  const start = defaultState(high, 'high-touch-health');

  it('edits A until B exists, then the scenario chosen; B starts as a copy of A and goes away again', () => {
    const a1 = withValue(start, 'nps', 3);
    expect(a1.a.nps).toBe(3);
    expect(start.a.nps).not.toBe(3); // never changed in place
    expect(withActive(a1, 'b')).toEqual(a1); // no B: A stays the one edited
    const both = copyAToB(a1);
    expect([both.b, activeScenario(both)]).toEqual([a1.a, 'b']);
    const b1 = withValue(both, 'nps', null);
    expect([b1.a.nps, b1.b!.nps]).toEqual([3, null]);
    expect(activeValues(b1)).toBe(b1.b);
    expect(activeValues(withActive(b1, 'a'))).toBe(b1.a);
    const preset = presetValues(high, 'silent-churn-risk');
    expect(withActiveValues(b1, preset).b).toBe(preset);
    expect(withActiveValues(withActive(b1, 'a'), preset).a).toBe(preset);
    const gone = removeB(b1);
    expect([gone.b, activeScenario(gone), gone.a]).toEqual([null, 'a', b1.a]);
    // A state that says B is active without a B edits A.
    expect(activeScenario({ ...start, active: 'b' })).toBe('a');
  });

  it('keeps only weight edits that differ from the model, and resets them', () => {
    const g = high.groups[0];
    const w = withWeights(start, high, {
      groups: { [g.id]: g.weight, [high.groups[1].id]: 99 },
      measures: { nope: 3 },
    });
    expect(w.weights).toEqual({ groups: { [high.groups[1].id]: 99 }, measures: {} });
    expect(resetWeights(w).weights).toEqual({ groups: {}, measures: {} });
  });

  it('brings a measure back to a preset value, the middle of its range or its first category', () => {
    const nps = high.measures.find((m) => m.id === 'nps')!;
    expect(fallbackValue(nps, high)).toBe(high.presets.find((p) => typeof p.values.nps === 'number')!.values.nps);
    const noPresets = { ...high, presets: [] };
    const r = searchRange(nps, null);
    const mid = fallbackValue(nps, noPresets) as number;
    expect(mid).toBeGreaterThanOrEqual(r.min);
    expect(mid).toBeLessThanOrEqual(r.max);
    expect(Math.abs(mid - (r.min + r.max) / 2)).toBeLessThanOrEqual(r.step);
    expect(Number.isInteger(Math.round(((mid - r.min) / r.step) * 1e6) / 1e6)).toBe(true);
    const boolean = high.measures.find((m) => m.input === 'boolean')!;
    const sentiment = high.measures.find((m) => m.input === 'sentiment')!;
    expect([fallbackValue(boolean, noPresets), fallbackValue(sentiment, noPresets)]).toEqual(['yes', 'yellow']);
    const tier = {
      ...nps,
      id: 'plan',
      input: 'category' as const,
      scoring: { kind: 'map' as const, points: { Gold: 100, Silver: 50 } },
    };
    expect(fallbackValue(tier, noPresets)).toBe('Gold');
    expect(fallbackValue(tier, { ...noPresets, presets: [{ ...high.presets[0], values: { plan: 'Silver' } }] })).toBe(
      'Silver',
    );
    expect(fallbackValue(tier, { ...noPresets, presets: [{ ...high.presets[0], values: { plan: 'Bronze' } }] })).toBe(
      'Gold',
    );
  });
});

describe('export of the edited model as YAML', () => {
  for (const { id, model } of models) {
    it(`${id}: parses back with the HealthModel schema and keeps everything but the edited weights`, async () => {
      const g = model.groups[1].id;
      const m = model.measures[2].id;
      const weights = { groups: { [g]: 42.5 }, measures: { [m]: 7 } };
      const edited = applyWeights(model, weights);
      const text = await modelToYaml(edited, { id, today: '2026-11-24' });
      expect(text).toMatch(/^# Health model "[a-z-]+" exported/);
      const back = HealthModel.parse(parse(text));
      expect(back).toEqual(edited);
      expect(back.groups.find((x) => x.id === g)!.weight).toBe(42.5);
      expect(back.measures.find((x) => x.id === m)!.weight).toBe(7);
      // With the weights put back, the file is the model as in content/.
      expect(
        applyWeights(back, { groups: { [g]: model.groups[1].weight }, measures: { [m]: model.measures[2].weight } }),
      ).toEqual(model);
      expect(text).toContain(model.name.ja!);
      expect(back.version).toBe(model.version);

      // The file passes the build's content check in place of the original.
      const path = `content/healthModels/${id}.yaml`;
      const replaced = files.map((f) => (f.path === path ? { path, text } : f));
      expect(replaced.some((f) => f.path === path)).toBe(true);
      const checked = checkContent(replaced);
      expect(checked.problems).toEqual([]);
      expect(checked.content.healthModels.get(id)!.data).toEqual(edited);
    });
  }
});

describe('client props for the island', () => {
  it('carry the whole model plus its words in one language', () => {
    expect(problems).toEqual([]);
    const ja = clientHealthData(content, 'ja', '/base/');
    const cm = ja.models.find((x) => x.id === 'high-touch-health')!;
    expect(ja.lang).toBe('ja');
    expect(HealthModel.parse(cm.model)).toEqual(high);
    expect(cm.name).toBe(high.name.ja);
    expect(cm.href).toBe('/base/ja/health/high-touch-health/');
    expect(cm.measures.find((x) => x.id === 'nps')!.label).toBe(high.measures.find((x) => x.id === 'nps')!.label.ja);
    const red = cm.bands[0];
    expect(red.range).toBe('0–49');
    expect(red.playbooks.map((p) => p.href)).toEqual([
      '/base/ja/playbooks/red-account-triage/',
      '/base/ja/playbooks/executive-sponsor-change/',
    ]);
    expect(red.playbooks.every((p) => p.title.length > 0)).toBe(true);
    expect(cm.overrides['csm-sentiment-red']).toBe(high.overrides[0].reason.ja);
    expect(cm.presets.map((p) => p.id)).toEqual(high.presets.map((p) => p.id));
    // Plain JSON: survives the island's props unchanged.
    expect(JSON.parse(JSON.stringify(ja))).toEqual(ja);
    const en = clientHealthData(content, 'en');
    expect(en.models.find((x) => x.id === 'tech-touch-health')!.bands[2].label).toBe('Green — healthy');
  });
});
