/**
 * The value-label step of the batch page: the distinct labels of a mapped column, what the parser
 * would make of each (yes/no, sentiment, churned/renewed, not a number), the user's choices and
 * the value maps scoreRows applies. The labels come from the rows, or from per-column tallies when
 * the file was read in chunks. Pure.
 */
import type { HealthModel, Measure } from '../../schemas/health.ts';
import { categoriesOf, isNumericMeasure, parseInput } from './score.ts';
import type { InputValue } from './score.ts';
import { parseOutcome } from './backtest.ts';
import type { ColumnMapping, ValueMaps } from './csv.ts';

import { foldForMatch as fold } from '../text/fold.ts';

export interface LabelCount {
  label: string;
  count: number;
}

/**
 * Distinct labels of a column counted one cell at a time (plain data, so it survives the structured
 * clone from the batch worker): fold key → first spelling, count and where it first appeared. At most
 * `cap` distinct labels are tracked (then `overflow` is set and further new labels are left out).
 */
export interface LabelTally {
  byKey: Map<string, LabelCount & { first: number }>;
  cap: number;
  overflow: boolean;
}

export const newTally = (cap = Infinity): LabelTally => ({ byKey: new Map(), cap, overflow: false });

/** Counts a non-empty cell; `keep` decides on a label the first time it is seen. */
export function tallyAdd(t: LabelTally, raw: string, i: number, keep: (label: string) => boolean = () => true): void {
  if (raw.trim() === '') return;
  const k = fold(raw);
  const hit = t.byKey.get(k);
  if (hit) hit.count++;
  else if (t.byKey.size >= t.cap) t.overflow = true;
  else if (keep(raw)) t.byKey.set(k, { label: raw, count: 1, first: i });
}

/** The most frequent labels (ties in order of appearance) that `keep` accepts: at most `limit`; `more` counts the rest. */
export function topLabels(
  t: LabelTally,
  limit = 50,
  keep: (label: string) => boolean = () => true,
): { labels: LabelCount[]; more: number } {
  const all = [...t.byKey.values()].filter((l) => keep(l.label)).sort((a, b) => b.count - a.count || a.first - b.first);
  return {
    labels: all.slice(0, limit).map(({ label, count }) => ({ label, count })),
    more: Math.max(0, all.length - limit),
  };
}

/**
 * Distinct non-empty labels of a column, most frequent first (ties in order of appearance). Labels
 * that differ only in case, width or surrounding spaces count as one (mapRawValue treats them
 * alike); the first spelling seen is kept. At most `limit`; `more` counts the rest.
 */
export function distinctLabels(
  rows: string[][],
  col: number,
  limit = 50,
  keep: (label: string) => boolean = () => true,
): { labels: LabelCount[]; more: number } {
  const t = newTally();
  rows.forEach((cells, i) => tallyAdd(t, cells[col] ?? '', i, keep));
  return topLabels(t, limit);
}

/** Probe for labels that are not plain numbers (what a numeric measure's value step lists). */
const COUNT_PROBE = { id: 'labels', input: 'count' as const };
export const isPlainNumber = (label: string): boolean => parseInput(COUNT_PROBE, label).ok;

/**
 * The labels of every column of a file read in chunks, for the value-label step: `all` the labels,
 * `text` only those that are not plain numbers (a numeric column has many distinct numbers, its few
 * words such as "N/A" must not be crowded out by the cap).
 */
export interface ColumnLabels {
  all: LabelTally;
  text: LabelTally;
}
export const LABEL_CAP = 1000;

export function newColumnLabels(cap = LABEL_CAP): ColumnLabels {
  return { all: newTally(cap), text: newTally(cap) };
}

export function columnLabelsAdd(c: ColumnLabels, raw: string, i: number): void {
  tallyAdd(c.all, raw, i);
  if (raw.trim() !== '' && !isPlainNumber(raw)) tallyAdd(c.text, raw, i);
}

/** Choice value meaning "not recognised: leave the cell as it is" (numeric measures: the row is reported). */
export const AS_IS = '';
/** Choice value meaning "no data" (measures) or "leave out of the backtest" (outcome). */
export const NO_DATA = '__none';

export interface ValueStep {
  /** `${col}:${measure id or "outcome"}`: choices stay with the column and what it is mapped to. */
  key: string;
  col: number;
  target: { kind: 'measure'; measure: string; input: Measure['input'] } | { kind: 'outcome' };
  /** The values a label can be mapped to (besides AS_IS and NO_DATA). */
  options: string[];
  labels: (LabelCount & { suggested: string })[];
  more: number;
}

/** What parseInput / parseOutcome make of a label, as a choice value. */
export function suggestValue(target: ValueStep['target'], label: string): string {
  if (target.kind === 'outcome') {
    const o = parseOutcome(label);
    return o.ok ? (o.churned ? 'churned' : 'renewed') : AS_IS;
  }
  const r = parseInput({ id: target.measure, input: target.input }, label);
  return r.ok && r.value !== null ? String(r.value) : AS_IS;
}

/**
 * The value-label step: for each mapped categorical measure (yes/no, sentiment) and the outcome,
 * every distinct label with the value parseInput / parseOutcome would give it; for numeric
 * measures only the labels that are not numbers (such as "N/A" or "Month-to-month"), which can be
 * turned into "no data".
 */
export function valueSteps(
  model: Pick<HealthModel, 'measures'>,
  mapping: ColumnMapping,
  rows: string[][] | ColumnLabels[],
  limit = 50,
): ValueStep[] {
  const labelsOf = (col: number, numeric: boolean, keep: (label: string) => boolean) => {
    if (!isColumnLabels(rows)) return distinctLabels(rows, col, limit, keep);
    const c = rows[col];
    return c ? topLabels(numeric ? c.text : c.all, limit, keep) : { labels: [], more: 0 };
  };
  const steps: ValueStep[] = [];
  for (const m of model.measures) {
    const col = mapping.measures[m.id];
    if (col === undefined) continue;
    const target = { kind: 'measure' as const, measure: m.id, input: m.input };
    const numeric = isNumericMeasure(m);
    const keep = numeric ? (l: string) => !parseInput(m, l).ok : () => true;
    const { labels, more } = labelsOf(col, numeric, keep);
    if (numeric && labels.length === 0) continue;
    steps.push({
      key: `${col}:${m.id}`,
      col,
      target,
      options: categoriesOf(m).map(String),
      labels: labels.map((l) => ({ ...l, suggested: suggestValue(target, l.label) })),
      more,
    });
  }
  if (mapping.outcome !== null) {
    const target = { kind: 'outcome' as const };
    const { labels, more } = labelsOf(mapping.outcome, false, () => true);
    steps.push({
      key: `${mapping.outcome}:outcome`,
      col: mapping.outcome,
      target,
      options: ['churned', 'renewed'],
      labels: labels.map((l) => ({ ...l, suggested: suggestValue(target, l.label) })),
      more,
    });
  }
  return steps;
}

const isColumnLabels = (x: string[][] | ColumnLabels[]): x is ColumnLabels[] => x.length > 0 && !Array.isArray(x[0]);

/** Labels of the steps that are still not understood (AS_IS) after the user's choices. */
export function unresolvedLabels(
  steps: ValueStep[],
  choices: Record<string, Record<string, string>>,
): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  for (const s of steps)
    for (const l of s.labels)
      if ((choices[s.key]?.[l.label] ?? l.suggested) === AS_IS) out.push({ key: s.key, label: l.label });
  return out;
}

/**
 * Value maps for scoreRows from the steps and the user's choices (key → label → choice; a label
 * without a choice keeps its suggestion). AS_IS leaves the cell to the parser; NO_DATA gives null
 * for a measure and an empty outcome (left out of the backtest, listed as "no outcome").
 */
export function buildValueMaps(steps: ValueStep[], choices: Record<string, Record<string, string>>): ValueMaps {
  const maps: ValueMaps = {};
  for (const s of steps) {
    const map: Record<string, InputValue> = {};
    for (const l of s.labels) {
      const c = choices[s.key]?.[l.label] ?? l.suggested;
      if (c === AS_IS) continue;
      map[l.label] = c === NO_DATA ? (s.target.kind === 'outcome' ? '' : null) : c;
    }
    if (Object.keys(map).length > 0) maps[s.col] = map;
  }
  return maps;
}
