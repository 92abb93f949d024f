/**
 * A health model being designed from a CSV: the measures (column, scoring, weight, group), bands and
 * coverage rule, turned into a content-shaped HealthModel that the scoring engine (score.ts) reads.
 * Scores every row of the file through the same arithmetic as scoreAccount, fast enough to redraw
 * the backtest on every change. Pure.
 */
import type { HealthModel, Measure } from '../../../schemas/health.ts';
import { pointsFor, round1 } from '../score.ts';
import { weightShares } from '../model-shares.ts';
import type { ColumnData, ColumnKind } from './columns.ts';
import type { DesignScoring, Direction, NumericMethod } from './suggest.ts';
import { bandTexts, measureHelp } from './content-text.ts';

export type Bilingual = { en: string; ja: string };

export interface DesignMeasure {
  id: string;
  col: number;
  header: string;
  kind: ColumnKind;
  label: Bilingual;
  group: string;
  weight: number;
  direction: Direction;
  method: NumericMethod | 'category-rates';
  scoring: DesignScoring;
  /** The scoring is still the data's suggestion (cross-validation re-derives it on each training fold). */
  suggested: boolean;
  /** Observed range (numbers). */
  min?: number;
  max?: number;
  /** The sentence that explains the scoring in the help text, per language (set when suggested). */
  why?: Bilingual;
  /** Numbers: the suggestion's cuts (quartiles or 5th/95th percentile) and quartiles; they use no outcome, so cross-validation keeps them and re-derives only the direction. */
  cuts?: number[];
  quartiles?: [number, number];
}

export interface DesignGroup {
  id: string;
  label: Bilingual;
  weight: number;
}

export interface DesignBand {
  id: 'red' | 'yellow' | 'green';
  min: number;
}

export interface Design {
  id: string;
  name: Bilingual;
  measures: DesignMeasure[];
  groups: DesignGroup[];
  bands: DesignBand[];
  minCoverage: number;
  /** Where the thresholds came from, for the help texts. */
  source: { file: string; rows: number; date: string };
  /** How the bands were chosen, for the band texts (set when the suggestion is used). */
  bandWhy?: Bilingual;
}

export const BAND_COLOURS = { red: '#c0392b', yellow: '#b7950b', green: '#1e8449' } as const;

/** A content id from a header: lower-case ASCII letters, digits and dashes; a fallback when nothing is left (Japanese headers). */
export function idFrom(header: string, fallback: string, taken: Set<string>): string {
  let base = header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  if (!base || !/^[a-z]/.test(base)) base = base ? `m-${base}` : fallback;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

function measureOf(d: Design, m: DesignMeasure): Measure {
  const s = m.scoring;
  const scoring: Measure['scoring'] =
    s.kind === 'tiers'
      ? { kind: 'tiers', tiers: s.tiers.map((t) => ({ ...t })), otherwise: s.otherwise }
      : s.kind === 'linear'
        ? { ...s }
        : { kind: 'map', points: { ...s.points } };
  const out: Measure = {
    id: m.id,
    group: m.group,
    label: { en: m.label.en, ja: m.label.ja },
    help: measureHelp(d, m),
    input: m.kind === 'numeric' ? 'number' : 'category',
    direction: m.direction,
    weight: m.weight,
    scoring,
    csvAliases: [m.header.toLowerCase()].filter((h) => h.trim() !== ''),
  };
  if (m.kind === 'numeric' && m.min !== undefined && m.max !== undefined && m.max > m.min) {
    out.min = m.min;
    out.max = m.max;
  }
  return out;
}

/** The design as a health model of the content schema (what the YAML export writes). */
export function toHealthModel(d: Design): HealthModel {
  const usedGroups = d.groups.filter((g) => d.measures.some((m) => m.group === g.id));
  return {
    name: { ...d.name },
    summary: bandTexts.summary(d),
    touch: 'high',
    version: `${d.source.date.slice(0, 4)}.1`,
    groups: usedGroups.map((g) => ({ id: g.id, label: { ...g.label }, weight: g.weight })),
    measures: d.measures.map((m) => measureOf(d, m)),
    bands: d.bands.map((b) => ({
      id: b.id,
      min: b.min,
      colour: BAND_COLOURS[b.id],
      playbooks: [],
      ...bandTexts.band(d, b.id),
    })),
    overrides: [],
    missingData: { rule: 'redistribute', minCoverage: d.minCoverage },
    trendAlert: 10,
    presets: [],
    owner: 'CS Ops',
    reviewed: d.source.date,
    reviewEvery: 90,
  };
}

/** Points (0–100) of one measure for every row, through the engine's pointsFor; NaN = no data (or a value its scoring cannot take). */
export function pointsColumn(m: Measure, data: ColumnData): Float64Array {
  if (data.kind === 'numeric') {
    const out = new Float64Array(data.values.length);
    const s = m.scoring;
    // The same arithmetic as pointsFor (score.ts), inlined for speed; the round-trip test compares them.
    if (s.kind === 'linear') {
      const span = s.fullAt - s.zeroAt;
      for (let i = 0; i < out.length; i++) {
        const v = data.values[i];
        out[i] = Number.isNaN(v) ? NaN : Math.min(1, Math.max(0, (v - s.zeroAt) / span)) * 100;
      }
      return out;
    }
    if (s.kind === 'tiers') {
      const lower = m.direction === 'lower';
      const ats = s.tiers.map((t) => t.at);
      const pts = s.tiers.map((t) => t.points);
      const otherwise = s.otherwise ?? 0;
      for (let i = 0; i < out.length; i++) {
        const v = data.values[i];
        if (Number.isNaN(v)) {
          out[i] = NaN;
          continue;
        }
        let p = otherwise;
        for (let k = 0; k < ats.length; k++)
          if (lower ? v <= ats[k] : v >= ats[k]) {
            p = pts[k];
            break;
          }
        out[i] = p;
      }
      return out;
    }
    for (let i = 0; i < out.length; i++) {
      const v = data.values[i];
      out[i] = Number.isNaN(v) ? NaN : pointsFor(m, v);
    }
    return out;
  }
  const byCode = data.labels.map((l) => {
    try {
      return pointsFor(m, l);
    } catch {
      return NaN;
    }
  });
  const out = new Float64Array(data.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = data.codes[i] < 0 ? NaN : byCode[data.codes[i]];
  return out;
}

const EPS = 1e-9;

export interface RowScores {
  /** Score rounded to 1 decimal as scoreAccount gives it; NaN = insufficient data. */
  score: Float64Array;
  /** Share of the nominal weight with data (0–1). */
  coverage: Float64Array;
}

/**
 * Scores every row from per-measure points (NaN = no data), with the arithmetic of scoreAccount for
 * a model with the "redistribute" rule and no overrides: same order of operations, so the rounded
 * scores are identical (test/unit/health-design.test.ts checks this against scoreAccount). With
 * `only`, just those rows are scored (the others read NaN).
 */
export function scoreRowsFast(
  model: Pick<HealthModel, 'groups' | 'measures' | 'missingData'>,
  points: Float64Array[],
  only?: Int32Array,
): RowScores {
  const n = points.length ? points[0].length : 0;
  const p = model.measures.length;
  const shares = weightShares(model);
  const shareTotal = [...shares.values()].reduce((a, b) => a + b, 0) || 1;
  const mWeight = Float64Array.from(model.measures, (m) => (shares.get(m.id) ?? 0) / shareTotal);
  const weight = Float64Array.from(model.measures, (m) => m.weight);
  const usedGroups = model.groups.filter((g) => model.measures.some((m) => m.group === g.id));
  const gWeight = Float64Array.from(usedGroups, (g) => g.weight);
  // Each group's measures, one after another in `gIdx` (group g's from gStart[g] to gStart[g + 1]).
  const gIdx = Int32Array.from(
    usedGroups.flatMap((g) => model.measures.map((m, j) => (m.group === g.id ? j : -1)).filter((j) => j >= 0)),
  );
  const gStart = new Int32Array(usedGroups.length + 1);
  usedGroups.forEach((g, k) => {
    gStart[k + 1] = gStart[k] + model.measures.filter((m) => m.group === g.id).length;
  });
  const score = new Float64Array(n);
  const coverage = new Float64Array(n);
  const present = new Float64Array(usedGroups.length);
  const eff = new Float64Array(p);
  const v = new Float64Array(p);
  const minCov = model.missingData.minCoverage;
  if (only) score.fill(NaN);
  const count = only ? only.length : n;
  for (let r = 0; r < count; r++) {
    const i = only ? only[r] : r;
    for (let j = 0; j < p; j++) v[j] = points[j][i];
    let active = 0;
    for (let g = 0; g < usedGroups.length; g++) {
      let sum = 0;
      for (let k = gStart[g]; k < gStart[g + 1]; k++) {
        const j = gIdx[k];
        if (!Number.isNaN(v[j])) sum += weight[j];
      }
      present[g] = sum;
      if (sum > 0) active += gWeight[g];
    }
    let cov = 0;
    for (let j = 0; j < p; j++) cov += Number.isNaN(v[j]) ? 0 : mWeight[j];
    coverage[i] = cov;
    if (cov + EPS < minCov || active === 0) {
      score[i] = NaN;
      continue;
    }
    for (let g = 0; g < usedGroups.length; g++) {
      const gEff = present[g] > 0 ? gWeight[g] / active : 0;
      for (let k = gStart[g]; k < gStart[g + 1]; k++) {
        const j = gIdx[k];
        eff[j] = Number.isNaN(v[j]) ? 0 : (gEff * weight[j]) / present[g];
      }
    }
    let s = 0;
    for (let j = 0; j < p; j++) s += Number.isNaN(v[j]) ? 0 : v[j] * eff[j];
    score[i] = round1(s);
  }
  return { score, coverage };
}

/** Index of the band a score falls in (the last band whose min ≤ score), as score.ts. */
export function bandOf(bands: { min: number }[], score: number): number {
  let idx = 0;
  for (let b = 0; b < bands.length; b++) if (bands[b].min <= score) idx = b;
  return idx;
}

/**
 * Weights from shares (any positive numbers): each measure's weight in whole percent of the total
 * (largest remainder, at least 1), each group's weight the sum of its measures' weights, so every
 * measure's share of the score is its share of the total.
 */
export function applyShares(d: Design, shares: number[]): Design {
  const total = shares.reduce((a, b) => a + Math.max(0, b), 0);
  const raw = shares.map((s) => (total > 0 ? (100 * Math.max(0, s)) / total : 100 / shares.length));
  const floor = raw.map((r) => Math.max(1, Math.floor(r)));
  let left = 100 - floor.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem);
  for (let k = 0; left > 0 && k < order.length; k++, left--) floor[order[k].i]++;
  const measures = d.measures.map((m, j) => ({ ...m, weight: floor[j] }));
  const groups = d.groups.map((g) => {
    const w = measures.filter((m) => m.group === g.id).reduce((a, m) => a + m.weight, 0);
    return { ...g, weight: w > 0 ? w : g.weight };
  });
  return { ...d, measures, groups };
}

/** Each measure's share of the score (0–1) when all have data. */
export function sharesOf(d: Design): number[] {
  const s = weightShares(d);
  return d.measures.map((m) => s.get(m.id) ?? 0);
}

export type DesignProblem =
  | { code: 'tiers-order'; measure: string }
  | { code: 'ramp-equal'; measure: string }
  | { code: 'weight'; measure: string }
  | { code: 'group-weight'; group: string }
  | { code: 'points'; measure: string }
  | { code: 'bands-order' }
  | { code: 'range'; measure: string }
  | { code: 'id' }
  | { code: 'name' }
  | { code: 'label'; measure: string }
  | { code: 'coverage' };

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const okPoints = (p: number) => Number.isFinite(p) && p >= 0 && p <= 100;

/**
 * What would stop the exported YAML from passing the content schema, found without loading the
 * schema in the browser (test/unit/health-design.test.ts checks both agree): tiers out of order,
 * a ramp with equal ends, weights that are not positive, points outside 0–100, bands out of order,
 * a min not below max, an id that is not lower-case-with-dashes, empty names or labels.
 */
export function designProblems(d: Design): DesignProblem[] {
  const out: DesignProblem[] = [];
  if (!ID_RE.test(d.id)) out.push({ code: 'id' });
  if (!d.name.en.trim() || !d.name.ja.trim()) out.push({ code: 'name' });
  if (!(d.minCoverage >= 0 && d.minCoverage <= 1)) out.push({ code: 'coverage' });
  for (const m of d.measures) {
    if (!m.label.en.trim() || !m.label.ja.trim()) out.push({ code: 'label', measure: m.id });
    if (!(Number.isFinite(m.weight) && m.weight > 0)) out.push({ code: 'weight', measure: m.id });
    const s = m.scoring;
    if (s.kind === 'tiers') {
      if (
        s.tiers.length < 2 ||
        s.tiers.some(
          (t, i) =>
            !Number.isFinite(t.at) ||
            (i > 0 && (m.direction === 'higher' ? t.at >= s.tiers[i - 1].at : t.at <= s.tiers[i - 1].at)),
        )
      )
        out.push({ code: 'tiers-order', measure: m.id });
      if (!s.tiers.every((t) => okPoints(t.points)) || !okPoints(s.otherwise))
        out.push({ code: 'points', measure: m.id });
    } else if (s.kind === 'linear') {
      if (
        !Number.isFinite(s.zeroAt) ||
        !Number.isFinite(s.fullAt) ||
        s.zeroAt === s.fullAt ||
        s.fullAt > s.zeroAt !== (m.direction === 'higher')
      )
        out.push({ code: 'ramp-equal', measure: m.id });
    } else if (!Object.values(s.points).every(okPoints) || Object.keys(s.points).length < 2)
      out.push({ code: 'points', measure: m.id });
    if (m.min !== undefined && m.max !== undefined && !(m.min < m.max)) out.push({ code: 'range', measure: m.id });
  }
  for (const g of d.groups)
    if (d.measures.some((m) => m.group === g.id) && !(Number.isFinite(g.weight) && g.weight > 0))
      out.push({ code: 'group-weight', group: g.id });
  if (d.bands[0].min !== 0 || d.bands.some((b, i) => i > 0 && !(b.min > d.bands[i - 1].min && b.min <= 100)))
    out.push({ code: 'bands-order' });
  return out;
}
