/**
 * A first design from the file: one measure per chosen column with the data's suggested scoring,
 * equal weights in one group, bands and coverage from defaults; and re-suggesting one measure when
 * the user changes its method or direction. Pure.
 */
import { readColumn, type ColumnData, type ColumnKind } from './columns.ts';
import { idFrom, type Design, type DesignMeasure } from './design.ts';
import { suggestCategories, suggestNumeric, type Direction, type NumericMethod } from './suggest.ts';
import { whyCategory, whyNumeric } from './content-text.ts';
import { rowCountOf, type Table } from './file-columns.ts';

export const DEFAULT_GROUP = { id: 'signals', label: { en: 'Account signals', ja: 'アカウントの指標' }, weight: 100 };

/** The measure's scoring suggested again from its column (optionally with a forced method or direction). */
export function suggestMeasure(
  m: DesignMeasure,
  data: ColumnData,
  outcome: Int8Array,
  force: { method?: NumericMethod; direction?: Direction } = {},
): DesignMeasure {
  if (data.kind === 'numeric') {
    const s = suggestNumeric(data, outcome, {
      method: force.method ?? (m.method === 'category-rates' ? undefined : m.method),
      direction: force.direction,
    });
    if (!s) return m;
    return {
      ...m,
      kind: 'numeric',
      method: s.method,
      direction: s.direction,
      scoring: s.scoring,
      suggested: force.direction === undefined,
      min: s.min,
      max: s.max,
      why: whyNumeric(s),
      cuts: s.cuts,
      quartiles: [s.evidence.q25, s.evidence.q75],
    };
  }
  const s = suggestCategories(data, outcome);
  return {
    ...m,
    kind: 'categorical',
    method: 'category-rates',
    direction: 'higher',
    scoring: s.scoring,
    suggested: true,
    why: whyCategory(s),
    min: undefined,
    max: undefined,
    cuts: undefined,
    quartiles: undefined,
  };
}

export interface StartInput {
  headers: string[];
  /** The file's rows, or its columns. */
  rows: Table;
  measures: { col: number; kind: ColumnKind }[];
  outcome: Int8Array;
  file: string;
  date: string;
}

export function startDesign(input: StartInput): Design {
  const taken = new Set<string>();
  const measures = input.measures.map(({ col, kind }) => {
    const header = input.headers[col] || `#${col + 1}`;
    const base: DesignMeasure = {
      id: idFrom(header, `measure-${col + 1}`, taken),
      col,
      header,
      kind,
      label: { en: header, ja: header },
      group: DEFAULT_GROUP.id,
      weight: 10,
      direction: 'higher',
      method: kind === 'numeric' ? 'quantile-tiers' : 'category-rates',
      scoring: { kind: 'linear', zeroAt: 0, fullAt: 1 },
      suggested: true,
    };
    return suggestMeasure(base, readColumn(input.rows, col, kind), input.outcome);
  });
  const stem = input.file.replace(/\.[^.]*$/, '');
  const id = `${idFrom(stem, 'designed-health', new Set()).replace(/^m-/, '')}-health`;
  return {
    id: /^[a-z]/.test(id) ? id : `designed-${id}`,
    name: { en: `Health score from ${input.file}`, ja: `${input.file}から作成したヘルススコア` },
    measures,
    groups: [{ ...DEFAULT_GROUP, label: { ...DEFAULT_GROUP.label } }],
    bands: [
      { id: 'red', min: 0 },
      { id: 'yellow', min: 50 },
      { id: 'green', min: 75 },
    ],
    minCoverage: 0.5,
    source: { file: input.file, rows: rowCountOf(input.rows), date: input.date },
  };
}
