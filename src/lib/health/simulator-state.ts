/**
 * The health-score simulator's state, its changes (set a value, load a preset, scenario B, weights),
 * the value a measure comes back to, the state in the page address, and the edited model as YAML. Pure.
 *
 *   ?model=high-touch-health&a.licence-utilisation=45&a.nps=none&a.csm-sentiment=yellow
 *    &b.licence-utilisation=60&…&scenario=b&wg.product-usage=40&wm.nps=70
 *
 * - `model`: the model id.
 * - `a.<measure>` / `b.<measure>`: the value of a measure in scenario A / B, as the engine reads it
 *   (a number, yes/no, red/yellow/green); `none` (or an empty value) means "no data".
 *   Scenario B exists when the address has at least one usable `b.` value.
 * - `scenario`: the scenario being edited (a or b).
 * - `wg.<group>` / `wm.<measure>`: edited group / measure weights (only those that differ from the model).
 *
 * Keys are names, never positions, so an address made before a model change still reads correctly.
 * Reading is forgiving: a leading "?" or "#" (or everything up to it in a full URL) is ignored,
 * unknown keys and unknown measures are ignored, the first of two equal keys wins, and a value the
 * measure cannot take (or a weight that is not a positive number) is reported and replaced by the
 * default, never guessed.
 */
import type { HealthModel, Measure } from '../../schemas/health.ts';
import { categoriesOf, coerceValue, isNumericMeasure } from './score.ts';
import { searchRange } from './sensitivity.ts';
import type { InputValue, Issue, TypedValue } from './score.ts';

export type Scenario = 'a' | 'b';
/** Measure id → value; null = no data. */
export type ScenarioValues = Record<string, TypedValue | null>;
export interface WeightEdits {
  groups: Record<string, number>;
  measures: Record<string, number>;
}
export interface SimulatorState {
  model: string;
  a: ScenarioValues;
  b: ScenarioValues | null;
  active: Scenario;
  weights: WeightEdits;
}
export interface ParsedState {
  state: SimulatorState;
  /** Problems worth telling the person about (structured, worded by the UI). */
  issues: Issue[];
  /** Keys that were ignored silently (unknown keys, unknown measures, repeats). */
  ignored: string[];
}

/** Addresses longer than this are not read at all (a real one is well under 2,000 characters). */
export const MAX_STATE_LENGTH = 20_000;
/** Largest weight accepted from an address or the weights editor. */
export const MAX_WEIGHT = 1_000_000;
const MAX_ISSUES = 20;
const NO_DATA = 'none';
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const hasOwn = (o: object, k: string) => Object.hasOwn(o, k);

/** Values of the model's first preset (no data for measures the preset leaves out); all "no data" without presets. */
export function defaultValues(model: HealthModel): ScenarioValues {
  return presetValues(model, model.presets[0]?.id);
}

/** A preset's values, checked against the model (a value the measure cannot take becomes "no data"). */
export function presetValues(model: HealthModel, presetId: string | undefined): ScenarioValues {
  const preset = model.presets.find((p) => p.id === presetId);
  const out: ScenarioValues = {};
  for (const m of model.measures) {
    const raw = preset && hasOwn(preset.values, m.id) ? preset.values[m.id] : null;
    const c = coerceValue(m, raw);
    out[m.id] = c.ok ? c.value : null;
  }
  return out;
}

export function defaultState(model: HealthModel, id: string): SimulatorState {
  return { model: id, a: defaultValues(model), b: null, active: 'a', weights: { groups: {}, measures: {} } };
}

/** The scenario being edited: B only while it exists. */
export const activeScenario = (s: SimulatorState): Scenario => (s.b && s.active === 'b' ? 'b' : 'a');

/** The values of the scenario being edited. */
export const activeValues = (s: SimulatorState): ScenarioValues => (activeScenario(s) === 'b' && s.b ? s.b : s.a);

/** The state with the edited scenario's values replaced. */
export function withActiveValues(s: SimulatorState, values: ScenarioValues): SimulatorState {
  return activeScenario(s) === 'b' ? { ...s, b: values } : { ...s, a: values };
}

/** The state with one measure of the edited scenario set (null = no data). */
export function withValue(s: SimulatorState, id: string, v: TypedValue | null): SimulatorState {
  return withActiveValues(s, { ...activeValues(s), [id]: v });
}

/** Scenario B as a copy of A, and B being edited. */
export const copyAToB = (s: SimulatorState): SimulatorState => ({ ...s, b: { ...s.a }, active: 'b' });

/** Scenario B removed, A being edited. */
export const removeB = (s: SimulatorState): SimulatorState => ({ ...s, b: null, active: 'a' });

/** The scenario to edit (B only when it exists). */
export const withActive = (s: SimulatorState, active: Scenario): SimulatorState => ({
  ...s,
  active: active === 'b' && s.b ? 'b' : 'a',
});

/** The state with new weight edits (kept only where they differ from the model). */
export const withWeights = (s: SimulatorState, model: HealthModel, w: WeightEdits): SimulatorState => ({
  ...s,
  weights: normaliseWeights(model, w),
});

/** The state with the model's own weights again. */
export const resetWeights = (s: SimulatorState): SimulatorState => ({ ...s, weights: { groups: {}, measures: {} } });

/**
 * The value a measure comes back to when "no data" is unticked and nothing was entered before: the
 * first preset value the measure can take, else the middle of a number's range (on its step), else
 * the first category ("yes" for yes/no, the first sentiment colour or label).
 */
export function fallbackValue(m: Measure, model: HealthModel): TypedValue {
  for (const p of model.presets) {
    const v = p.values[m.id];
    if (typeof v === 'number' && isNumericMeasure(m)) return v;
    if (typeof v === 'string' && categoriesOf(m).includes(v as TypedValue)) return v as TypedValue;
    if (typeof v === 'boolean' && m.input === 'boolean') return v ? 'yes' : 'no';
  }
  if (isNumericMeasure(m)) {
    const r = searchRange(m, null);
    const mid = r.min + Math.round((r.max - r.min) / 2 / r.step) * r.step;
    return Number(mid.toFixed(6));
  }
  if (m.input === 'boolean') return 'yes';
  if (m.input === 'sentiment') return 'yellow';
  return categoriesOf(m)[0] ?? '';
}

/** The model with the edited weights applied (weights for unknown ids are ignored). */
export function applyWeights(model: HealthModel, w: WeightEdits): HealthModel {
  return {
    ...model,
    groups: model.groups.map((g) => (hasOwn(w.groups, g.id) ? { ...g, weight: w.groups[g.id] } : g)),
    measures: model.measures.map((m) => (hasOwn(w.measures, m.id) ? { ...m, weight: w.measures[m.id] } : m)),
  };
}

/** Keeps only the edits that name a known group/measure and differ from the model's weight. */
export function normaliseWeights(model: HealthModel, w: WeightEdits): WeightEdits {
  const out: WeightEdits = { groups: {}, measures: {} };
  for (const g of model.groups)
    if (hasOwn(w.groups, g.id) && w.groups[g.id] !== g.weight) out.groups[g.id] = w.groups[g.id];
  for (const m of model.measures)
    if (hasOwn(w.measures, m.id) && w.measures[m.id] !== m.weight) out.measures[m.id] = w.measures[m.id];
  return out;
}

export const isValidWeight = (x: number): boolean => Number.isFinite(x) && x > 0 && x <= MAX_WEIGHT;

/** Whether a number lies in the measure's declared range (no range declared: any finite number). */
export function inMeasureRange(m: Pick<Measure, 'min' | 'max'>, x: number): boolean {
  return (m.min === undefined || x >= m.min) && (m.max === undefined || x <= m.max);
}

/**
 * Checks one raw value for a measure: "no data", or a value the engine accepts and, for numbers,
 * inside the measure's min–max. Used for the address and for the simulator's number fields.
 */
export function readValue(
  m: Measure,
  raw: InputValue,
): { ok: true; value: TypedValue | null } | { ok: false; error: Issue } {
  if (typeof raw === 'string' && [NO_DATA, '-', ''].includes(raw.trim().toLowerCase()))
    return { ok: true, value: null };
  const c = coerceValue(m, raw);
  if (!c.ok) return c;
  if (typeof c.value === 'number' && isNumericMeasure(m) && !inMeasureRange(m, c.value))
    return {
      ok: false,
      error: {
        code: 'out-of-range',
        params: { measure: m.id, value: String(raw), min: m.min ?? null, max: m.max ?? null },
      },
    };
  return c;
}

const enc = (s: string) => encodeURIComponent(s);
const valueText = (v: TypedValue | null): string => (v === null ? NO_DATA : String(v));

/** The state as a query string ("?model=…"), every measure of both scenarios written out. */
export function serialiseState(state: SimulatorState, model: HealthModel): string {
  const parts = [`model=${enc(state.model)}`];
  for (const m of model.measures) parts.push(`a.${m.id}=${enc(valueText(state.a[m.id] ?? null))}`);
  if (state.b) for (const m of model.measures) parts.push(`b.${m.id}=${enc(valueText(state.b[m.id] ?? null))}`);
  if (state.b && state.active === 'b') parts.push('scenario=b');
  const w = normaliseWeights(model, state.weights);
  for (const [id, x] of Object.entries(w.groups)) parts.push(`wg.${id}=${x}`);
  for (const [id, x] of Object.entries(w.measures)) parts.push(`wm.${id}=${x}`);
  return `?${parts.join('&')}`;
}

/** Decode one component; "+" is a space. null for a broken %-sequence. */
function dec(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The key/value pairs of a query or hash string (or a full URL), first occurrence of a key only. */
function pairs(input: string, ignored: string[]): Map<string, string> {
  let s = input;
  const q = s.search(/[?#]/);
  if (q >= 0) s = s.slice(q + 1);
  const out = new Map<string, string>();
  for (const part of s.split(/[&#?]/)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const k = dec(eq < 0 ? part : part.slice(0, eq));
    const v = dec(eq < 0 ? '' : part.slice(eq + 1));
    if (k === null || v === null) {
      ignored.push(part.slice(0, 60));
      continue;
    }
    if (out.has(k)) {
      ignored.push(k.slice(0, 60));
      continue;
    }
    out.set(k, v);
  }
  return out;
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * Reads the state from a query/hash string. `models` are the models the page offers, by id; the
 * first one is used when the address names none or an unknown one. Never throws.
 */
export function parseState(input: string, models: { id: string; model: HealthModel }[]): ParsedState {
  if (models.length === 0) throw new Error('parseState needs at least one model');
  const issues: Issue[] = [];
  const ignored: string[] = [];
  const report = (i: Issue) => {
    if (issues.length < MAX_ISSUES) issues.push(i);
  };
  if (input.length > MAX_STATE_LENGTH) {
    report({ code: 'too-long', params: { length: input.length, max: MAX_STATE_LENGTH } });
    input = '';
  }
  const kv = pairs(input, ignored);
  const wanted = kv.get('model');
  let entry = models[0];
  if (wanted !== undefined) {
    const found = models.find((x) => x.id === wanted);
    if (found) entry = found;
    else report({ code: 'unknown-model', params: { model: clip(wanted), used: entry.id } });
  }
  const { model } = entry;
  const measures = new Map(model.measures.map((m) => [m.id, m]));
  const groups = new Set(model.groups.map((g) => g.id));
  const a = defaultValues(model);
  const bSet: ScenarioValues = {};
  let active: Scenario = 'a';
  const weights: WeightEdits = { groups: {}, measures: {} };

  for (const [key, raw] of kv) {
    if (key === 'model') continue;
    if (key === 'scenario') {
      if (raw === 'a' || raw === 'b') active = raw;
      else report({ code: 'bad-scenario', params: { value: clip(raw) } });
      continue;
    }
    const dot = key.indexOf('.');
    const prefix = dot < 0 ? key : key.slice(0, dot);
    const id = dot < 0 ? '' : key.slice(dot + 1);
    if (prefix === 'a' || prefix === 'b') {
      const m = ID.test(id) ? measures.get(id) : undefined;
      if (!m) {
        ignored.push(clip(key));
        continue;
      }
      const r = readValue(m, raw);
      if (!r.ok) {
        report({ ...r.error, params: { ...r.error.params, value: clip(raw), scenario: prefix } });
        continue;
      }
      (prefix === 'a' ? a : bSet)[m.id] = r.value;
    } else if (prefix === 'wg' || prefix === 'wm') {
      const known = prefix === 'wg' ? ID.test(id) && groups.has(id) : ID.test(id) && measures.has(id);
      if (!known) {
        ignored.push(clip(key));
        continue;
      }
      const x = /^\s*[+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i.test(raw) ? Number(raw) : NaN;
      if (!isValidWeight(x)) {
        report({ code: 'bad-weight', params: { key: prefix === 'wg' ? 'group' : 'measure', id, value: clip(raw) } });
        continue;
      }
      (prefix === 'wg' ? weights.groups : weights.measures)[id] = x;
    } else ignored.push(clip(key));
  }
  // Scenario B exists when a "b." value was usable; the measures it does not name are as in A.
  const b: ScenarioValues | null = Object.keys(bSet).length > 0 ? { ...a, ...bSet } : null;
  if (!b) active = 'a';
  return { state: { model: entry.id, a, b, active, weights: normaliseWeights(model, weights) }, issues, ignored };
}

/**
 * The edited model as YAML for content/healthModels/<id>.yaml. Loads the `yaml` package on first
 * use (it stays out of the page's first load). Everything but the weights is as in the content
 * file (defaults written out); `version` is left for the author to bump.
 */
export async function modelToYaml(model: HealthModel, opts: { id?: string; today?: string } = {}): Promise<string> {
  const { stringify } = await import('yaml');
  const head = [
    `# Health model${opts.id ? ` "${opts.id}"` : ''} exported from the Bansō health-score simulator${opts.today ? ` on ${opts.today}` : ''}.`,
    '# Weights were edited in the simulator. Before committing it to content/healthModels/: bump "version",',
    '# set "reviewed", and run `npm run content:check`.',
  ].join('\n');
  return `${head}\n${stringify(JSON.parse(JSON.stringify(model)), { lineWidth: 100, minContentWidth: 40 })}`;
}
